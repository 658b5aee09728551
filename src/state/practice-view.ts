/**
 * What the user chose about GP practices on the map (issue 12): whether the practice layer shows
 * outside the Practices tab, the register that colours it (the funnel plot uses the same one), and the
 * practice or PCN whose profile is open. Kept in the share link; codes are checked for shape only, so
 * nothing but an ODS-like code reaches a query. A PCN is a group of practices, not an area.
 */
export interface PracticeView {
  /** Draw practices on the map whatever the tab (the Practices tab always draws them). */
  show: boolean;
  /** Practice measure id (a QOF register's prevalence); an unknown id falls back where it is used. */
  measure: string;
  /** ODS code of the selected practice. */
  selected: string | null;
  /** ODS code of the selected PCN (its practices are highlighted). */
  pcn: string | null;
}

export const DEFAULT_PRACTICE_VIEW: PracticeView = { show: false, measure: 'qof.can.prevalence', selected: null, pcn: null };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const odsCode = (x: unknown): string | null => (typeof x === 'string' && /^[A-Z0-9]{3,8}$/.test(x) ? x : null);

/** undefined: not a practice view at all (the caller warns and keeps the default). */
export function normalisePracticeView(x: unknown): PracticeView | undefined {
  if (!isObj(x)) return undefined;
  return {
    show: x.show === true,
    measure: typeof x.measure === 'string' && /^qof\.[a-z_]{1,12}(\.prevalence)?$/.test(x.measure) ? x.measure : DEFAULT_PRACTICE_VIEW.measure,
    selected: odsCode(x.selected),
    pcn: odsCode(x.pcn),
  };
}
