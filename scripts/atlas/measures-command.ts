/** `atlas measures`: the catalogue's measures with unit, direction and choices, as tab-separated lines. */
import { allIndicators, isAvailable } from '../../src/data/catalogue';
import type { Indicator } from '../../src/data/catalogue/types';
import type { Command } from './command';
import { parseFlags } from './flags';
import { levelArg, tsvField } from './level-arg';
import { isPracticeLevel, PRACTICE_MEASURES } from '../../src/data/catalogue/practice-measures';

/** The catalogue's `polarity` in words; a value this build does not know is printed as it is. */
const DIRECTION_WORDS: Record<string, string> = {
  'higher-worse': 'higher is worse',
  'lower-worse': 'lower is worse',
  neutral: 'neutral (context)',
};

const directionWords = (ind: Indicator) => DIRECTION_WORDS[ind.polarity] ?? String(ind.polarity);

const choicesField = (ind: Indicator) => (ind.dimensions ?? []).map((d) => `${d.key}=${d.values.map((v) => v.value).join('|')}`).join(';');
const defaultsField = (ind: Indicator) => (ind.dimensions ?? []).map((d) => `${d.key}=${d.defaultValue}`).join(';');

export const measuresCommand: Command = {
  name: 'measures',
  summary: 'list the measures (id, label, unit, direction, choices, defaults)',
  usage: `npm run -s atlas -- measures [--level ID] [--choices]

Prints one line per measure, tab-separated:
  id<TAB>label<TAB>unit<TAB>direction<TAB>choices<TAB>defaults
    direction  "higher is worse", "lower is worse" or "neutral (context)"
    choices    the measure's choices as KEY=VALUE|VALUE|…, separated by ";" (empty: none),
               e.g. period=2016-2020|2015-2019|…;sex=persons|female|male;site=all-18|C33-C34|…
    defaults   KEY=VALUE;… the value used when a choice is not given (the app's default)
Every line has these six fields, so the output reads as a table (the last two may be empty).

Options:
  --level ID   only the measures available at that level (ids: npm run -s atlas -- levels)
  --choices    print the choices instead, one line per choice value:
               id<TAB>key<TAB>value<TAB>label<TAB>default<TAB>requires
               (default is "yes" for the default value; requires names a value of another
               choice this one comes with, e.g. site=C50 (breast) requires sex=female)

Pass choices to export as ID:KEY=VALUE, e.g. cancer.incidence.dsr:period=2015-2019:site=C33-C34.
`,
  async run(args, io) {
    const flags = parseFlags(args, { values: ['--level'], switches: ['--choices'] });
    if (isPracticeLevel(flags.value('--level'))) {
      // Practice measures have no choices (one edition each); registers are context, neighbourhood IMD reads like the IMD.
      if (!flags.has('--choices')) for (const m of PRACTICE_MEASURES) io.out([m.id, m.label, m.unit, DIRECTION_WORDS[m.polarity], '', ''].map(tsvField).join('\t'));
      return 0;
    }
    const level = levelArg(flags.value('--level'), false);
    const list = allIndicators().filter((i) => !level || isAvailable(i, level));
    for (const ind of list) {
      if (!flags.has('--choices')) {
        io.out([ind.id, ind.label, ind.unit, directionWords(ind), choicesField(ind), defaultsField(ind)].map(tsvField).join('\t'));
        continue;
      }
      for (const d of ind.dimensions ?? []) {
        for (const v of d.values) {
          const requires = Object.entries(v.requires ?? {}).map(([k, x]) => `${k}=${x}`).join(';');
          io.out([ind.id, d.key, v.value, v.label, v.value === d.defaultValue ? 'yes' : '', requires].map(tsvField).join('\t'));
        }
      }
    }
    return 0;
  },
};
