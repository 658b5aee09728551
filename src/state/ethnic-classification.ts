/**
 * The ONS Census 2021 ethnic group classification as table TS021 publishes it: 5 high-level groups
 * and 19 detailed groups, each detailed group inside one high-level group. The keys are ours (short,
 * stable: they name table columns and travel in share links); labels are ONS's own wording for
 * England and Wales ("Asian, Asian British or Asian Welsh"). The view state uses the keys to check a
 * user's group of groups; the pipeline and the catalogue use the labels.
 */
export interface EthnicGroupClass {
  key: string;
  /** ONS's label for the group within its high-level group ("Indian"), or the high-level label. */
  label: string;
  /** Short form for legends and table headers. */
  short: string;
  /** The high-level group a detailed group belongs to; null for a high-level group. */
  broad: string | null;
}

const broad = (key: string, label: string, short: string): EthnicGroupClass => ({ key, label, short, broad: null });
const detail = (parent: string, key: string, label: string, short: string): EthnicGroupClass => ({ key, label, short, broad: parent });

export const ETHNIC_GROUPS: readonly EthnicGroupClass[] = [
  broad('asian', 'Asian, Asian British or Asian Welsh', 'Asian'),
  detail('asian', 'asian_bangladeshi', 'Bangladeshi', 'Bangladeshi'),
  detail('asian', 'asian_chinese', 'Chinese', 'Chinese'),
  detail('asian', 'asian_indian', 'Indian', 'Indian'),
  detail('asian', 'asian_pakistani', 'Pakistani', 'Pakistani'),
  detail('asian', 'asian_other', 'Other Asian', 'Other Asian'),
  broad('black', 'Black, Black British, Black Welsh, Caribbean or African', 'Black'),
  detail('black', 'black_african', 'African', 'African'),
  detail('black', 'black_caribbean', 'Caribbean', 'Caribbean'),
  detail('black', 'black_other', 'Other Black', 'Other Black'),
  broad('mixed', 'Mixed or Multiple ethnic groups', 'Mixed'),
  detail('mixed', 'mixed_white_asian', 'White and Asian', 'Mixed White and Asian'),
  detail('mixed', 'mixed_white_black_african', 'White and Black African', 'Mixed White and Black African'),
  detail('mixed', 'mixed_white_black_caribbean', 'White and Black Caribbean', 'Mixed White and Black Caribbean'),
  detail('mixed', 'mixed_other', 'Other Mixed or Multiple ethnic groups', 'Other Mixed'),
  broad('white', 'White', 'White'),
  detail('white', 'white_british', 'English, Welsh, Scottish, Northern Irish or British', 'White British'),
  detail('white', 'white_irish', 'Irish', 'White Irish'),
  detail('white', 'white_gypsy_traveller', 'Gypsy or Irish Traveller', 'Gypsy or Irish Traveller'),
  detail('white', 'white_roma', 'Roma', 'Roma'),
  detail('white', 'white_other', 'Other White', 'Other White'),
  broad('other', 'Other ethnic group', 'Other ethnic group'),
  detail('other', 'other_arab', 'Arab', 'Arab'),
  detail('other', 'other_any', 'Any other ethnic group', 'Any other ethnic group'),
];

export const ETHNIC_GROUP_KEYS: readonly string[] = ETHNIC_GROUPS.map((g) => g.key);

const BY_KEY = new Map(ETHNIC_GROUPS.map((g) => [g.key, g]));

export function ethnicGroup(key: string): EthnicGroupClass | undefined {
  return BY_KEY.get(key);
}

/** ONS's full name: "Asian, Asian British or Asian Welsh: Indian" for a detailed group, the label for a high-level one. */
export function ethnicGroupName(g: EthnicGroupClass): string {
  return g.broad ? `${BY_KEY.get(g.broad)!.label}: ${g.label}` : g.label;
}
