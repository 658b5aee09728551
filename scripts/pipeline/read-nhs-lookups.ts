/**
 * Readers for the NHS geography lookups behind the Sub-ICB and 2019 Cancer Alliance levels: the LSOA
 * 2011 → 2021 bridge, LSOA 2011 → CCG 2021, the CancerData unit lookup (CCG 2021 → 2019 alliance),
 * the ONS CCG 2019 → Cancer Alliance 2019 lookup and the 2019 GP practice locations.
 */
import { column, readCsv } from './read-raw';

export interface BridgeRow { lsoa11: string; lsoa21: string; lad22: string; lad22Name: string }

/** ONS LSOA 2011 → LSOA 2021 → LAD 2022 (one row per pair; splits and merges give several rows). */
export async function readLsoaBridge(path: string): Promise<BridgeRow[]> {
  const rows = await readCsv(path);
  const c = (n: string[]) => column(rows, n, path);
  const [l11, l21, lad, ladn] = [c(['lsoa11_code', 'LSOA11CD']), c(['lsoa21_code', 'LSOA21CD']), c(['ltla22_code', 'LAD22CD']), c(['ltla22_name', 'LAD22NM'])];
  return rows.filter((r) => r[l21].startsWith('E01')).map((r) => ({ lsoa11: r[l11], lsoa21: r[l21], lad22: r[lad], lad22Name: r[ladn] }));
}

export interface Ccg21Of { code: string; name: string }

/** ONS LSOA 2011 → CCG (April 2021). */
export async function readLsoa11Ccg21(path: string): Promise<Map<string, Ccg21Of>> {
  const rows = await readCsv(path);
  const c = (n: string[]) => column(rows, n, path);
  const [l11, code, name] = [c(['lsoa11_code', 'LSOA11CD']), c(['ccg21_code', 'CCG21CD']), c(['ccg21_name', 'CCG21NM'])];
  return new Map(rows.map((r) => [r[l11], { code: r[code], name: r[name] }]));
}

export interface UnitPart {
  unit: string;
  sicbl22: string;
  ccg21: string;
  ccg21Name: string;
  /** Share of the unit's mid-2015 residents in this part. */
  share: number;
  /** One 2019 alliance code, or several joined by "/" where a merged CCG spans alliances. */
  cal19: string;
  cal19Name: string;
  method: string;
}

/** The CancerData unit lookup (MANIFEST §7d): one row per unit × SICBL22 × CCG21 part. */
export async function readCancerDataUnits(path: string): Promise<UnitPart[]> {
  const rows = await readCsv(path);
  const c = (n: string) => column(rows, [n], path);
  const k = { unit: c('cancerdata_area_code'), s: c('sicbl22_code'), ccg: c('ccg21_code'), ccgn: c('ccg21_name'), share: c('share_of_unit_pop'), cal: c('cal19_code'), caln: c('cal19_name'), m: c('cal19_method') };
  return rows.map((r) => ({
    unit: r[k.unit], sicbl22: r[k.s], ccg21: r[k.ccg], ccg21Name: r[k.ccgn], share: Number(r[k.share]),
    cal19: r[k.cal], cal19Name: r[k.caln], method: r[k.m],
  }));
}

export interface Ccg19Alliance { ccg19: string; ods: string; cal19: string; cal19Name: string }

/** ONS CCG → STP → Cancer Alliance (July 2019). */
export async function readCcg19Alliances(path: string): Promise<Ccg19Alliance[]> {
  const rows = await readCsv(path);
  const c = (n: string) => column(rows, [n], path);
  const k = { ccg: c('CCG19CD'), ods: c('CCG19CDH'), cal: c('CAL19CD'), caln: c('CAL19NM') };
  return rows.map((r) => ({ ccg19: r[k.ccg], ods: r[k.ods], cal19: r[k.cal], cal19Name: r[k.caln] }));
}

export interface PracticeLocation {
  code: string;
  name: string;
  lat: number | null;
  lon: number | null;
  ccg19Ods: string;
  lsoa21: string;
}

/** NHS website GP practice locations (2019) with the LSOA 2021 their coordinates fall in (MANIFEST §8). */
export async function readPracticeLocations(path: string): Promise<PracticeLocation[]> {
  const rows = await readCsv(path);
  const c = (n: string) => column(rows, [n], path);
  const k = { code: c('practice_code'), name: c('practice_name'), lat: c('latitude'), lon: c('longitude'), ccg: c('ccg2019_ods_code'), lsoa: c('lsoa21_code') };
  const coord = (s: string) => (s === '' || s === 'NA' ? null : Number(s));
  return rows.map((r) => ({ code: r[k.code], name: r[k.name], lat: coord(r[k.lat]), lon: coord(r[k.lon]), ccg19Ods: r[k.ccg], lsoa21: r[k.lsoa] === 'NA' ? '' : r[k.lsoa] }));
}
