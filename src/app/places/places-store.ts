/**
 * The files of places loaded in this session (their positions, names and types), kept beside the
 * datasets their measures became: removing the dataset removes its places from the map. Kept for the
 * session only: a saved project keeps the measures, not the points (load the file again to draw them).
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

  remove(datasetId: string): void {
    if (this.sets.some((s) => s.datasetId === datasetId)) this.set(this.sets.filter((s) => s.datasetId !== datasetId));
  }

  toggle(datasetId: string, visible: boolean): void {
    this.set(this.sets.map((s) => (s.datasetId === datasetId ? { ...s, visible } : s)));
  }
}
