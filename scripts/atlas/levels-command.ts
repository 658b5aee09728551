/** `atlas levels`: the geography levels, one per line as `id<TAB>label`. */
import { PRACTICE_LEVEL_IDS, PRACTICE_LEVELS } from '../../src/data/catalogue/practice-measures';
import { LEVEL_IDS, LEVELS } from '../../src/geo/levels';
import type { Command } from './command';
import { parseFlags } from './flags';
import { tsvField } from './level-arg';

export const levelsCommand: Command = {
  name: 'levels',
  summary: 'list the geography levels (id, label)',
  usage: `npm run -s atlas -- levels

Prints one line per geography level: id<TAB>label. Use the id with --level.
The 2021 levels (lsoa21, ward24, lad24, sicbl24, icb24, cal19) are built from LSOA 2021 areas and
nest through the ONS best-fit lookups; lsoa11 is the separate LSOA 2011 stack of IMD 2019.
Then the primary-care levels: practice (GP practices of QOF 2022-23) and pcn (Primary Care Networks:
groups of practices from the QOF practice → PCN mapping, not areas; their figures sum their practices).
`,
  async run(args, io) {
    parseFlags(args, { values: [] });
    for (const id of LEVEL_IDS) io.out(`${id}\t${tsvField(LEVELS[id].label)}`);
    for (const id of PRACTICE_LEVEL_IDS) io.out(`${id}\t${tsvField(PRACTICE_LEVELS[id].label)}`);
    return 0;
  },
};
