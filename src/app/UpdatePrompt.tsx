/** "A new version is available": shown when the site was updated while this page was open. */
import { useEffect, useState } from 'react';
import { applyUpdate, onUpdateAvailable } from './service-worker';
import './update-prompt.css';

export function UpdatePrompt() {
  const [shown, setShown] = useState(false);
  useEffect(() => onUpdateAvailable(() => setShown(true)), []);
  if (!shown) return null;
  return (
    <div className="update-prompt" role="alert" data-testid="update-prompt">
      <span>A new version of Hotspot Atlas is available. Reload to use it; your view is kept.</span>
      <button type="button" onClick={() => void applyUpdate()}>Reload</button>
    </div>
  );
}
