/**
 * The share link: the view state as compressed JSON in the URL hash (`#s=...`), so even a long
 * shortlist fits in a link. Decoding never throws; a damaged link yields warnings and defaults.
 */
import LZString from 'lz-string';
import { normaliseState, type Normalised, type StateVocabulary } from './normalise-state';
import { PERSISTENCE, type ViewState } from './view-state';

const PREFIX = '#s=';

export function pickPersisted(state: ViewState, where: 'url' | 'local'): Partial<ViewState> {
  const out: Record<string, unknown> = {};
  for (const [k, places] of Object.entries(PERSISTENCE)) if (places.includes(where)) out[k] = state[k as keyof ViewState];
  return out as Partial<ViewState>;
}

export function encodeStateHash(state: ViewState): string {
  return PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify(pickPersisted(state, 'url')));
}

/** null when the hash holds no state at all (a plain link to the app). */
export function decodeStateHash(hash: string, vocab: StateVocabulary): Normalised | null {
  if (!hash.startsWith(PREFIX)) return null;
  const payload = hash.slice(PREFIX.length);
  let json: string | null = null;
  try {
    json = LZString.decompressFromEncodedURIComponent(payload);
  } catch {
    json = null;
  }
  if (!json) {
    const r = normaliseState(undefined, vocab);
    return { state: r.state, warnings: ['This link is damaged or incomplete (perhaps cut off by an e-mail program); showing the default view.'] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    const r = normaliseState(undefined, vocab);
    return { state: r.state, warnings: ['This link is damaged; showing the default view.'] };
  }
  return normaliseState(parsed, vocab);
}
