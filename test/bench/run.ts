/**
 * `npm run bench`: runs every benchmark and prints one JSON document. Benchmarks measure; they never
 * assert timings (targets are stated next to the figures in the README and the issues' closing notes).
 */
import { benchFoundation } from './foundation-bench';

type Bench = { name: string; load: () => Promise<() => Promise<Record<string, unknown>>> };

const BENCHES: Bench[] = [
  { name: 'foundation', load: async () => benchFoundation },
  { name: 'hotspots', load: async () => (await import('./hotspots-bench')).benchHotspots },
  { name: 'hotspots-browser', load: async () => (await import('./hotspots-browser-bench')).benchHotspotsBrowser },
  { name: 'combine', load: async () => (await import('./combine-bench')).benchCombine },
  { name: 'import', load: async () => (await import('./import-bench')).benchImport },
  { name: 'evaluation', load: async () => (await import('./evaluation-bench')).benchEvaluation },
  { name: 'atlas-cli', load: async () => (await import('./atlas-cli-bench')).benchAtlasCli },
];

async function main() {
  const only = process.argv.slice(2);
  const out: Record<string, unknown> = { machine: { node: process.version, cpus: (await import('node:os')).cpus().length, date: new Date().toISOString() } };
  for (const b of BENCHES) {
    if (only.length && !only.includes(b.name)) continue;
    const t = performance.now();
    try {
      out[b.name] = await (await b.load())();
    } catch (e) {
      out[b.name] = { error: (e as Error).message };
    }
    console.error(`bench ${b.name}: ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  console.log(JSON.stringify(out, null, 2));
}

void main();
