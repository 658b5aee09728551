/**
 * The registered-patient file loaded in this session (one at a time: a new one replaces it): its join
 * report and each practice's registered-population-weighted deprivation. Shared by the "Your data" tab,
 * which loads it, and the Practices tab, which shows its measures; one store per database, so both
 * features find the same one without passing it through the atlas context.
 */
import type { Db } from '../../data/db/db';
import type { RegisteredDeprivation, RegisteredReport } from '../../data/registered-patients';

/** Measures weighted by where registered patients live, per practice and per PCN (its practices summed). */
export interface RegisteredState { report: RegisteredReport; byPractice: ReadonlyMap<string, RegisteredDeprivation>; byPcn: ReadonlyMap<string, RegisteredDeprivation> }

type Listener = () => void;

export class RegisteredStore {
  private state: RegisteredState | null = null;
  private listeners = new Set<Listener>();

  readonly get = (): RegisteredState | null => this.state;

  readonly subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  set(next: RegisteredState): void {
    this.state = next;
    this.listeners.forEach((l) => l());
  }
}

const stores = new WeakMap<Db, RegisteredStore>();

export function registeredStoreOf(db: Db): RegisteredStore {
  let s = stores.get(db);
  if (!s) stores.set(db, (s = new RegisteredStore()));
  return s;
}
