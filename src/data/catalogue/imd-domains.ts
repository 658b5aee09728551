/** The Index of Multiple Deprivation and its seven domains, as published by MHCLG. */
export const IMD_DOMAINS = [
  { key: 'imd', label: 'Index of Multiple Deprivation', short: 'IMD' },
  { key: 'income', label: 'Income', short: 'Income' },
  { key: 'employment', label: 'Employment', short: 'Employment' },
  { key: 'education', label: 'Education, skills and training', short: 'Education' },
  { key: 'health', label: 'Health deprivation and disability', short: 'Health' },
  { key: 'crime', label: 'Crime', short: 'Crime' },
  { key: 'barriers', label: 'Barriers to housing and services', short: 'Barriers' },
  { key: 'environment', label: 'Living environment', short: 'Environment' },
] as const;

export type ImdDomainKey = (typeof IMD_DOMAINS)[number]['key'];

/** Column names in the pipeline's IMD tables: `<domain>_score`, `<domain>_rank`, `<domain>_decile`. */
export function imdColumn(domain: ImdDomainKey, part: 'score' | 'rank' | 'decile'): string {
  return `${domain}_${part}`;
}
