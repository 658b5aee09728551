/**
 * The share link: the view state in the URL hash. Format 2 (`#s2=S.C.N.K`) is
 *   S  the settings (every persisted key but the shortlist, plus the shortlist's header) as JSON,
 *      deflated against a frozen preset dictionary (link-dictionary.ts), in base64url,
 *   C  the shortlist's area codes, packed at fixed width (shortlist-link.ts),
 *   N  the notes, deflated,
 *   K  a check code over the rest, so a link that was cut short or altered is recognised.
 * Settings come first: a link cut off by a mail program keeps the view and every whole code before
 * the cut. Format 1 (`#s=`, lz-string JSON, no shortlist) is still read. Decoding never throws: a
 * damaged link yields warnings and whatever could be read, checked key by key by normaliseState.
 * A link over the size limits (input-limits.ts: its length, or what it inflates to) is refused
 * whole, before anything is unpacked past the limit: the caller keeps the view it had.
 */
import { INPUT_LIMITS, limitMessage } from '../lib/input-limits';
import { decompressLegacyLink } from './legacy-link';
import { checkCode, packText, unpackText } from './link-bytes';
import { LINK_DICTIONARY_V2 } from './link-dictionary';
import { normaliseState, type Normalised, type StateVocabulary } from './normalise-state';
import { packShortlist, unpackShortlist, type ShortlistHeader } from './shortlist-link';
import { DEFAULT_VIEW_STATE, PERSISTENCE, type ViewState } from './view-state';

const PREFIX = '#s2=';
const LEGACY_PREFIX = '#s=';
const LINK_FORMAT = 2;

export function pickPersisted(state: ViewState, where: 'url' | 'local'): Partial<ViewState> {
  const out: Record<string, unknown> = {};
  for (const [k, places] of Object.entries(PERSISTENCE)) if (places.includes(where)) out[k] = state[k as keyof ViewState];
  return out;
}

/**
 * Keys added after format 2's dictionary was frozen compress poorly; they are written only when they
 * differ from their default (a missing key reads as the default), so links that do not use them stay
 * as short as before.
 */
const OPTIONAL_KEYS: Partial<Record<keyof ViewState, unknown>> = {
  evaluate: DEFAULT_VIEW_STATE.evaluate, ethnicGroups: DEFAULT_VIEW_STATE.ethnicGroups, tab: DEFAULT_VIEW_STATE.tab, drawer: DEFAULT_VIEW_STATE.drawer,
  practices: DEFAULT_VIEW_STATE.practices, shortlistPractices: DEFAULT_VIEW_STATE.shortlistPractices,
};

export function encodeStateHash(state: ViewState): string {
  const { shortlist, ...settings } = pickPersisted(state, 'url');
  for (const [k, d] of Object.entries(OPTIONAL_KEYS)) {
    const key = k as keyof typeof settings;
    if (JSON.stringify(settings[key]) === JSON.stringify(d)) delete settings[key];
  }
  const packed = shortlist ? packShortlist(shortlist) : null;
  const s = packText(JSON.stringify({ ...settings, ...(packed ? { sl: packed.header } : {}) }), LINK_DICTIONARY_V2);
  const body = `${s}.${packed?.codes ?? ''}.${packed?.notes ?? ''}`;
  return `${PREFIX}${body}.${checkCode(body)}`;
}

const DAMAGED = 'This link is damaged or incomplete (perhaps cut off by an e-mail program); showing the default view.';
const CUT = 'This link was cut short (perhaps by an e-mail program); everything before the cut is shown.';
const ALTERED = 'This link was altered after it was made (its check code does not match); what could be read is shown. Ask the sender for the link again if something looks wrong.';

function defaults(vocab: StateVocabulary, warning: string): Normalised {
  return { state: normaliseState(undefined, vocab).state, warnings: [warning] };
}

/** A decoded link; `refused`: over a size limit, nothing of it was used (`state` holds the defaults). */
export type DecodedLink = Normalised & { refused?: true };

const KEPT = 'The view was not changed. Ask the sender for a shorter link (fewer or shorter notes), or for a project file.';

function refuse(vocab: StateVocabulary, found: string | null, limit: 'linkChars' | 'legacyLinkChars' | 'linkInflatedBytes'): DecodedLink {
  return { ...defaults(vocab, limitMessage('This share link', limit, found, KEPT)), refused: true };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** null when the hash holds no state at all (a plain link to the app). */
export function decodeStateHash(hash: string, vocab: StateVocabulary): DecodedLink | null {
  const chars = (hash.length - 1).toLocaleString('en-GB');
  if (hash.startsWith(LEGACY_PREFIX)) {
    if (hash.length - 1 > INPUT_LIMITS.legacyLinkChars) return refuse(vocab, `it has ${chars} characters`, 'legacyLinkChars');
    return decodeLegacy(hash.slice(LEGACY_PREFIX.length), vocab);
  }
  if (/^#s\d{0,4}=/.test(hash) && hash.length - 1 > INPUT_LIMITS.linkChars) return refuse(vocab, `it has ${chars} characters`, 'linkChars');
  const newer = /^#s(\d{1,4})=/.exec(hash);
  if (newer && Number(newer[1]) > LINK_FORMAT) {
    return defaults(vocab, 'This link was made by a newer version of Hotspot Atlas and cannot be read here; showing the default view. Open it with the newer version.');
  }
  if (!hash.startsWith(PREFIX)) return null;
  const parts = hash.slice(PREFIX.length).split('.');
  const [s, codes = '', notes = '', check] = parts;
  const body = `${s}.${codes}.${notes}`;
  const intact = parts.length === 4 && check === checkCode(body);
  // A whole check code that does not match means the text was changed; a missing or partial one, a cut.
  const altered = !intact && parts.length === 4 && check.length === checkCode('').length;

  const json = unpackText(s, LINK_DICTIONARY_V2);
  if (!json.ok && json.reason === 'too-big') return refuse(vocab, null, 'linkInflatedBytes');
  let parsed: unknown;
  try {
    parsed = json.ok && json.text ? JSON.parse(json.text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!isObj(parsed)) return defaults(vocab, DAMAGED);

  const { sl, ...settings } = parsed;
  const warnings: string[] = [];
  let listed = 0;
  if (isObj(sl)) {
    const u = unpackShortlist(sl as unknown as ShortlistHeader, codes, notes);
    if (u.notesTooBig) return refuse(vocab, null, 'linkInflatedBytes');
    (settings as Record<string, unknown>).shortlist = u.shortlist;
    listed = u.shortlist.items.length;
    if (u.read < u.expected) warnings.push(`This link was cut short (perhaps by an e-mail program): ${u.read} of the ${u.expected} shortlisted areas could be read${u.notesComplete ? '' : ', and their notes were lost'}.`);
    else if (!u.notesComplete) warnings.push('This link was cut short (perhaps by an e-mail program): some notes of the shortlist were lost.');
  }
  const r = normaliseState(settings, vocab);
  const dropped = listed - r.state.shortlist.items.length;
  if (dropped > 0) r.warnings.push(`${dropped} shortlisted area code${dropped === 1 ? ' was' : 's were'} not valid and ${dropped === 1 ? 'was' : 'were'} left out.`);
  if (altered) warnings.push(ALTERED);
  else if (!intact && warnings.length === 0) warnings.push(CUT);
  return { state: r.state, warnings: [...warnings, ...r.warnings] };
}

function decodeLegacy(payload: string, vocab: StateVocabulary): DecodedLink {
  const r = decompressLegacyLink(payload, INPUT_LIMITS.linkInflatedBytes);
  if (!r.ok && r.reason === 'too-big') return refuse(vocab, null, 'linkInflatedBytes');
  if (!r.ok || !r.text) return defaults(vocab, DAMAGED);
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.text);
  } catch {
    return defaults(vocab, 'This link is damaged; showing the default view.');
  }
  // Format 1 links predate the shortlist: whatever they hold is read as before, the list starts empty.
  if (isObj(parsed)) delete parsed.shortlist;
  return normaliseState(parsed, vocab);
}
