/**
 * The files of places loaded in this session (their positions, names and types), kept beside the
 * datasets their measures became: removing the dataset removes its places from the map. A saved
 * project keeps them (project-places.ts); opening one replaces them with its own.
 */
import type { PlacePoints } from '../../data/import/place-points';

export interface PlaceSet {
  /** The dataset of its measures (place-dataset.ts). */
  datasetId: string;
  places: PlacePoints;
  visible: boolean;
}

type Listener = () => void;

export class PlacesStore {
  private sets: readonly PlaceSet[] = [];
  private listeners = new Set<Listener>();

  readonly get = (): readonly PlaceSet[] => this.sets;

  readonly subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private set(next: readonly PlaceSet[]): void {
    this.sets = next;
    this.listeners.forEach((l) => l());
  }

  add(s: PlaceSet): void {
    this.set([...this.sets, s]);
  }

  replace(sets: readonly PlaceSet[]): void {
    this.set(sets);
  }

  remove(datasetId: string): void {
    if (this.sets.some((s) => s.datasetId === datasetId)) this.set(this.sets.filter((s) => s.datasetId !== datasetId));
  }

  toggle(datasetId: string, visible: boolean): void {
    this.set(this.sets.map((s) => (s.datasetId === datasetId ? { ...s, visible } : s)));
  }
}

/**
 * The places loaded with a user-data engine (one per atlas, like the engine: they outlive a
 * re-mount, and the crash screen's "save project" finds them).
 */
const stores = new WeakMap<object, PlacesStore>();
export function placesStoreOf(engine: object): PlacesStore {
  let s = stores.get(engine);
  if (!s) stores.set(engine, (s = new PlacesStore()));
  return s;
}
