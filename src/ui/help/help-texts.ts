/**
 * Plain-English help for the statistical and classification choices and for reading each map mode:
 * what the choice means and when to choose it. Wording follows the project's domain notes: a "hot
 * spot" (Gi*) and a "High–High cluster" (local Moran) are different claims, neither says why values
 * are high, and "significant" means the adjusted pseudo p-value passed the chosen correction.
 */
export interface HelpText {
  /** Names the topic in the disclosure ("What is Gi*?"). */
  question: string;
  /** What it means. */
  means: string;
  /** When to choose it (or how to use it). */
  when: string;
}

const STATS = {
  gistar: {
    question: 'What is Getis–Ord Gi*?',
    means: 'For each area, Gi* compares the total of the area and its neighbours with what the same values would give if they were shuffled at random across the map. A "hot spot" is an area whose neighbourhood (including itself) is higher than chance would give; a "cold spot" is lower.',
    when: 'Choose it to find where high (or low) values cluster, e.g. groups of deprived LSOAs. A hot spot says where, not why: it does not show a cause, and one very high area alone is not a hot spot unless its neighbours are high too.',
  },
  gi: {
    question: 'What is Getis–Ord Gi (without the star)?',
    means: 'The same test as Gi*, but each area is left out of its own neighbourhood: it asks whether the areas around a place are high, whatever the place itself is.',
    when: 'Choose it to find places surrounded by high values (e.g. a less deprived LSOA inside a deprived district). For ordinary hot-spot mapping Gi* is the usual choice.',
  },
  lisa: {
    question: 'What is local Moran (LISA)?',
    means: 'Local Moran compares each area\'s value with the average of its neighbours. High–High: a high area among high neighbours (a cluster); Low–Low likewise; High–Low and Low–High are outliers, an area unlike its surroundings.',
    when: 'Choose it to find outliers as well as clusters. A "High–High cluster" is a different claim from a Gi* "hot spot" (it needs the area itself to be high); name the method when you report it.',
  },
  bilisa: {
    question: 'What is bivariate local Moran?',
    means: 'It relates the value of one variable in an area to the average of a second variable over its neighbours (e.g. smoking here and cancer incidence around it). High–High: both high.',
    when: 'Choose it to see where two measures coincide in space. It is an association, not a cause: both may follow deprivation.',
  },
} satisfies Record<string, HelpText>;

const WEIGHTS = {
  queen: {
    question: 'What are queen and rook neighbours?',
    means: 'Queen contiguity counts two areas as neighbours when they share a border or just a corner (like the queen in chess); rook contiguity only when they share a stretch of border.',
    when: 'Queen is the usual default for LSOAs and wards: it gives slightly more neighbours and no gaps at corners. Rook gives fewer, stricter neighbours. Choose k nearest neighbours when areas differ greatly in size or for islands, and a distance band when "within N km" matters for the service.',
  },
  style: {
    question: 'What does row-standardised mean?',
    means: 'Row-standardised weights split a weight of 1 among each area\'s neighbours, so the neighbourhood is an average (an area with 8 neighbours gives each 1/8). Binary weights give every neighbour a weight of 1, so the neighbourhood is a sum.',
    when: 'Row-standardised is the usual choice: an area with many neighbours does not count more. Binary weights suit distance bands where the number of neighbours itself matters.',
  },
  islands: {
    question: 'What about areas without neighbours?',
    means: 'An area with no neighbour (e.g. an island under contiguity) cannot be compared with its surroundings.',
    when: 'Leave them untested (they are flagged on the map), or link each one to its nearest area so it is tested with that neighbour.',
  },
} satisfies Record<string, HelpText>;

const INFERENCE = {
  permutations: {
    question: 'What are conditional permutations?',
    means: 'To judge whether a neighbourhood is unusual, each area keeps its own value while its neighbours\' values are redrawn at random from the rest of the map, many times. The pseudo p-value is the share of those random draws at least as extreme as the real map.',
    when: 'More permutations give steadier p-values and allow smaller ones (the smallest possible is 1/(permutations + 1)). 999 is usual; use 9,999 or more for a final report with a strict correction. The seed makes the same run give the same map anywhere.',
  },
  correction: {
    question: 'What is the false discovery rate (Benjamini–Hochberg)?',
    means: 'Testing thousands of areas at once makes some look significant by chance. The false discovery rate (FDR) correction adjusts the p-values so that, among the areas called significant, the expected share of false alarms is at most α. Bonferroni is stricter: it limits the chance of even one false alarm across all areas. "None" tests each area on its own.',
    when: 'FDR is the default and a good balance for mapping. Choose Bonferroni when a single false alarm would be costly; "None" only to explore, never to report significant areas.',
  },
  alpha: {
    question: 'What do α, 95 % and 99 % mean?',
    means: 'α is the threshold an area\'s adjusted p-value must be below to count as significant: α = 0.05 is 95 % confidence, α = 0.01 is 99 %. The map shows each hot spot at the strictest confidence it reaches (90 %, 95 % or 99 %) that is within your α.',
    when: '0.05 is usual. Use 0.01 for fewer, more certain hot spots; 0.1 shows more, less certain ones (90 % classes appear only at α = 0.1).',
  },
} satisfies Record<string, HelpText>;

const CLASSES = {
  classification: {
    question: 'Which classification should I choose?',
    means: 'Quantiles put the same number of areas in each class; equal intervals split the range of values into equal steps; natural breaks (ckmeans) place breaks in the gaps between groups of similar values; national deciles use the published ranks (1 = most deprived 10 % of England); custom thresholds use your own values.',
    when: 'Quantiles for comparing areas against each other (every class is used); equal intervals when the size of the value matters and it is not very skewed; natural breaks for skewed values with real groups; national deciles to stay comparable with NHS Core20 (deciles 1–2); custom thresholds for a policy cut-off.',
  },
  scope: {
    question: 'Breaks from the focus region or from England?',
    means: 'Class breaks can be computed from the areas in the focus region (so the region\'s own range is spread over the colours) or from all of England (so a colour means the same value everywhere).',
    when: 'Use the focus region to see differences inside it; use England to compare a region with the rest of the country. The legend says which one is in use.',
  },
} satisfies Record<string, HelpText>;

const MAPS = {
  indicator: {
    question: 'How to read this map',
    means: 'Each area is coloured by its value of the measure, in the classes listed in the legend. The legend says which end is worse (the darkest colour), how the breaks were made and how many areas fall in each class. Grey areas have no value.',
    when: 'Hover or tab to an area for its value and interval; click it for details. Outlined areas show a value inherited from a larger area. "Show as table" lists every area.',
  },
  composite: {
    question: 'How to read this map',
    means: 'The colour is the composite index: the weighted combination of the chosen measures, each first put on a common scale. Darker means more of the combined risk as you defined it, relative to the reference you chose.',
    when: 'The index ranks areas; it is not a measured rate. Check the contributions table to see what drives an area, and change the weights to test whether the ranking holds.',
  },
  rules: {
    question: 'How to read this map',
    means: 'Areas are coloured by how many of your conditions they meet (e.g. Core20 and high smoking); the counts table shows how many areas and residents meet each combination.',
    when: 'Use it to find where needs overlap. An area that meets all conditions is a candidate to look at, not proof of need.',
  },
  bivariate: {
    question: 'How to read this map',
    means: 'Two measures at once: each is split into three classes (low, middle, high) and the colour combines them; the 3×3 key shows which colour is which pair. The corner where both are high is the strongest colour.',
    when: 'Use it to see where two measures coincide. It shows co-location, not cause.',
  },
  hotspots: {
    question: 'How to read this map',
    means: 'Areas in reds are hot spots (the tested value clusters higher than chance would give), areas in blues cold spots; the darker the colour and the denser the hatching, the higher the confidence (90, 95 or 99 %). Pale grey areas did not reach significance; mid grey ones were not tested.',
    when: 'A hot spot says where high values cluster, not why. Results depend on the neighbours, permutations and correction shown under the legend; "Where the hot spots are" lists them by place.',
  },
  evaluation: {
    question: 'How to read this map',
    means: 'Each area is coloured by its group: the programme (intervention) areas, the comparison areas matched to them, programme areas left out (no match or no data), and the rest. The results compare how the outcome changed in the two groups (difference in differences).',
    when: 'A difference is only as good as the match: read the balance table and the warnings before the effect. It estimates an association under the stated assumptions, not a proven effect.',
  },
} satisfies Record<string, HelpText>;

export const HELP = { ...STATS, ...WEIGHTS, ...INFERENCE, ...CLASSES, ...MAPS };
export type HelpTopic = keyof typeof HELP;
