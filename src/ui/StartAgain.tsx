/**
 * "Start again": one button, then a confirm step that says what goes back to its default and what
 * stays (files the user loaded are never dropped by it).
 */
import { useState } from 'react';
import { Dialog } from './Dialog';

export function StartAgain({ keptFiles, onConfirm }: { keptFiles: string[]; onConfirm(): void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="start-again">Start again</button>
      <Dialog title="Start again?" open={open} onClose={() => setOpen(false)} testId="start-again-dialog">
        <p><strong>Goes back to the default view:</strong> the areas level, the focus, the measure and its colours and classes, the composite index, overlap rules and bivariate map, hotspot and evaluation settings, the shortlist with its notes, the selected area, the open tab and the wide panel.</p>
        <p><strong>Kept:</strong>{' '}
          {keptFiles.length
            ? <>the {keptFiles.length === 1 ? 'file' : `${keptFiles.length} files`} you loaded under "Your data" ({keptFiles.join(', ')}), </>
            : <>any file you load under "Your data" (none so far), </>}
          your groups of ethnic groups, and your basemap setting.</p>
        <p className="hint">To keep the current view, copy its share link first: opening the link brings it back.</p>
        <div className="button-row">
          <button type="button" className="primary-button" onClick={() => { setOpen(false); onConfirm(); }} data-testid="start-again-confirm">Start again</button>
          <button type="button" onClick={() => setOpen(false)}>Cancel</button>
        </div>
      </Dialog>
    </>
  );
}
