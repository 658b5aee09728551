/**
 * Assigns every LSOA 2021 to a 2019 Cancer Alliance. The 2019 alliances were defined on CCGs (2019);
 * we reach them through each LSOA's CCG (April 2021, from its LSOA 2011 parents) and the CancerData
 * unit lookup, which gives the alliance of every CCG 2021 whose 2019 predecessors all sat in one
 * alliance. Three merged CCGs (Bath and NE Somerset, Swindon and Wiltshire; Frimley; North Yorkshire)
 * span two or three 2019 alliances: there each 2022 district inside the CCG goes to the alliance of
 * most of the GP practices located in it (their 2019 CCG → 2019 alliance). Districts were whole
 * 2019 CCGs except Scarborough, where the Whitby area was in Hambleton, Richmondshire and Whitby CCG.
 */
import type { JoinReport } from './join-report';
import { readCancerDataUnits, readCcg19Alliances, readLsoa11Ccg21, readLsoaBridge, readPracticeLocations, type Ccg21Of } from './read-nhs-lookups';
import type { SourceId } from './sources';

export interface Cal19Inputs { bridge: string; lsoa11Ccg21: string; cancerDataUnits: string; ccg19Alliances: string; practices: string }

/** Resolves the lookup files (and records them as sources of the build). */
export async function cal19Sources(source: (id: SourceId) => Promise<string>): Promise<Cal19Inputs> {
  return {
    bridge: await source('lsoa11Lsoa21'), lsoa11Ccg21: await source('lsoa11Ccg21'), cancerDataUnits: await source('cancerDataUnits'),
    ccg19Alliances: await source('ccg19CancerAlliance'), practices: await source('gpPracticeLocations'),
  };
}

export interface Cal19Assignment {
  calOf: Map<string, string>;
  names: Map<string, string>;
  /** CCG 2021 of each LSOA 2021 (also used to name Sub-ICB locations). */
  ccg21Of: Map<string, Ccg21Of>;
}

function majority(tally: Map<string, number>): string | undefined {
  return [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

const add = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

export async function assignCancerAlliances(input: Cal19Inputs, lsoa21Codes: string[], report: JoinReport): Promise<Cal19Assignment> {
  const bridge = await readLsoaBridge(input.bridge);
  const ccgOf11 = await readLsoa11Ccg21(input.lsoa11Ccg21);
  const parts = await readCancerDataUnits(input.cancerDataUnits);
  const ccg19 = await readCcg19Alliances(input.ccg19Alliances);
  const practices = await readPracticeLocations(input.practices);

  // CCG 2021 of each LSOA 2021: the CCG of most of its LSOA 2011 parents (merged LSOAs can straddle).
  const tallies = new Map<string, Map<string, number>>();
  const lad22Of = new Map<string, string>();
  const lad22Name = new Map<string, string>();
  for (const b of bridge) {
    const ccg = ccgOf11.get(b.lsoa11);
    if (ccg) add(tallies.get(b.lsoa21) ?? tallies.set(b.lsoa21, new Map()).get(b.lsoa21)!, ccg.code);
    lad22Of.set(b.lsoa21, b.lad22);
    lad22Name.set(b.lad22, b.lad22Name);
  }
  const ccgName = new Map([...ccgOf11.values()].map((c) => [c.code, c.name]));
  const ccg21Of = new Map<string, Ccg21Of>();
  let straddling = 0;
  for (const [lsoa, t] of tallies) {
    if (t.size > 1) straddling++;
    const code = majority(t)!;
    ccg21Of.set(lsoa, { code, name: ccgName.get(code)! });
  }
  report.check('LSOA 2021 → CCG 2021 (through LSOA 2011 parents)', lsoa21Codes, ccg21Of);
  report.note(`LSOA 2021 whose LSOA 2011 parents lie in two CCGs (assigned to the CCG of most parents): ${straddling}`);

  const calOfCcg = new Map<string, string>();
  for (const p of parts) {
    const prev = calOfCcg.get(p.ccg21);
    if (prev && prev !== p.cal19) throw new Error(`${input.cancerDataUnits}: CCG ${p.ccg21} has alliances ${prev} and ${p.cal19}`);
    calOfCcg.set(p.ccg21, p.cal19);
  }
  const ccgs = new Set([...ccg21Of.values()].map((c) => c.code));
  report.check('CCG 2021 → 2019 Cancer Alliance (CancerData unit lookup)', ccgs, calOfCcg);

  const calOfOds = new Map(ccg19.map((c) => [c.ods, c.cal19]));
  const names = new Map(ccg19.map((c) => [c.cal19, c.cal19Name]));
  // Split CCGs: tally the 2019 alliance of the practices located in each (CCG × 2022 district).
  const splitTally = new Map<string, Map<string, number>>();
  const keyOf = (lsoa: string) => `${ccg21Of.get(lsoa)!.code}|${lad22Of.get(lsoa)}`;
  for (const pr of practices) {
    const ccg = ccg21Of.get(pr.lsoa21)?.code;
    const options = ccg ? calOfCcg.get(ccg)?.split('/') : undefined;
    const cal = calOfOds.get(pr.ccg19Ods);
    if (!options || options.length < 2 || !cal || !options.includes(cal)) continue;
    const key = keyOf(pr.lsoa21);
    add(splitTally.get(key) ?? splitTally.set(key, new Map()).get(key)!, cal);
  }
  const calOf = new Map<string, string>();
  const decided = new Map<string, string>();
  for (const lsoa of lsoa21Codes) {
    const ccg = ccg21Of.get(lsoa)?.code;
    const cal = ccg ? calOfCcg.get(ccg) : undefined;
    if (!cal) continue;
    if (!cal.includes('/')) {
      calOf.set(lsoa, cal);
      continue;
    }
    const key = keyOf(lsoa);
    if (!decided.has(key)) {
      const t = splitTally.get(key);
      const pick = t ? majority(t)! : cal.split('/')[0];
      decided.set(key, pick);
      const [, lad] = key.split('|');
      report.note(`2019 alliance split: ${ccgName.get(ccg!)} in ${lad22Name.get(lad)} → ${names.get(pick)} (${t ? [...t].map(([c, n]) => `${n} practice${n > 1 ? 's' : ''} ${names.get(c)}`).join(', ') : 'no practice located here: first alliance listed'})`);
    }
    calOf.set(lsoa, decided.get(key)!);
  }
  report.check('LSOA 2021 → 2019 Cancer Alliance', lsoa21Codes, calOf);
  report.check('2019 Cancer Alliance codes → names (ONS CCG19 lookup)', new Set(calOf.values()), names);
  return { calOf, names, ccg21Of };
}
