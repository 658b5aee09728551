/**
 * The view-state store: one object, changed only through `update`, mirrored to the URL hash (share
 * link) and to local storage (so nothing is lost on reload). The link wins over local storage.
 */
import { useSyncExternalStore } from 'react';
import { findIndicator } from '../data/catalogue';
import { isPaletteId } from '../map/palettes';
import { normaliseState, type StateVocabulary } from '../state/normalise-state';
import { decodeStateHash, encodeStateHash, pickPersisted } from '../state/url-state';
import { DEFAULT_VIEW_STATE, type ViewState } from '../state/view-state';

const STORAGE_KEY = 'hotspot-atlas:view';

export const VOCABULARY: StateVocabulary = {
  isIndicator: (id) => findIndicator(id) !== undefined,
  isPalette: isPaletteId,
};

function readLocal(): unknown {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}

function initial(): { state: ViewState; warnings: string[] } {
  const fromLink = decodeStateHash(location.hash, VOCABULARY);
  if (fromLink && !fromLink.refused) return fromLink;
  const local = readLocal();
  // Local storage is our own; if it is unreadable, start afresh without bothering the user.
  const state = local === undefined ? DEFAULT_VIEW_STATE : normaliseState(local, VOCABULARY).state;
  // A link over the size limits is not used at all: the view is the one this browser last showed.
  return { state, warnings: fromLink?.warnings ?? [] };
}

type Listener = () => void;

class ViewStore {
  private state: ViewState;
  readonly startupWarnings: string[];
  private listeners = new Set<Listener>();
  private writeTimer: ReturnType<typeof setTimeout> | undefined;

  private linkListeners = new Set<(s: ViewState, warnings: string[]) => void>();
  private lastHash = '';

  constructor() {
    const init = initial();
    this.state = init.state;
    this.startupWarnings = init.warnings;
    this.persistSoon();
    // A link pasted into the address bar of an open atlas changes only the hash: apply it.
    window.addEventListener('hashchange', () => {
      if (location.hash !== this.lastHash) this.openLinkInAddressBar();
    });
  }

  private openLinkInAddressBar() {
    // Remember it at once, so the hashchange event that may still be queued does not apply it twice.
    this.lastHash = location.hash;
    const r = decodeStateHash(location.hash, VOCABULARY);
    if (!r) return;
    if (!r.refused) this.replace(r.state);
    else this.persistSoon(); // puts the current view's link back in the address bar
    for (const l of this.linkListeners) l(this.state, r.warnings);
  }

  /** Called when a new link replaces the whole view (the map must move to the link's viewport). */
  onLinkOpened(l: (s: ViewState, warnings: string[]) => void): () => void {
    this.linkListeners.add(l);
    return () => this.linkListeners.delete(l);
  }

  get = () => this.state;

  subscribe = (l: Listener) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  update = (patch: Partial<ViewState> | ((s: ViewState) => Partial<ViewState>)) => {
    const p = typeof patch === 'function' ? patch(this.state) : patch;
    this.state = { ...this.state, ...p };
    for (const l of this.listeners) l();
    this.persistSoon();
  };

  /** Replaces the whole state (e.g. when a share link is pasted into the address bar). */
  replace = (s: ViewState) => {
    this.state = s;
    for (const l of this.listeners) l();
    this.persistSoon();
  };

  shareUrl(): string {
    return `${location.origin}${location.pathname}${location.search}${encodeStateHash(this.state)}`;
  }

  private persistSoon() {
    clearTimeout(this.writeTimer);
    this.writeTimer = setTimeout(() => {
      // A link pasted while the map was still settling changes the hash before its hashchange event
      // arrives; writing the current view now would overwrite it, so open the link instead.
      if (this.lastHash !== '' && location.hash !== this.lastHash) {
        this.openLinkInAddressBar();
        return;
      }
      const hash = encodeStateHash(this.state);
      if (location.hash !== hash) history.replaceState(null, '', hash);
      // As the browser reads it back (it may percent-encode), so the check above compares like with like.
      this.lastHash = location.hash;
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(pickPersisted(this.state, 'local')));
      } catch {
        // Storage full or disabled (private browsing): the link still carries the view.
      }
    }, 150);
  }
}

export const viewStore = new ViewStore();

export function useViewState(): ViewState {
  return useSyncExternalStore(viewStore.subscribe, viewStore.get);
}
