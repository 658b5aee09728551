/** How many of a rule's conditions are met, in words: never "all 2 met" or "all 1 met". */
export function allMetWords(k: number): string {
  if (k <= 1) return 'The condition met';
  if (k === 2) return 'Both conditions met';
  return `All ${k} conditions met`;
}

/** A row of the legend: "None met", "1 of 3 conditions met", or the all-met words. */
export function metCountWords(c: number, k: number): string {
  if (c === k) return allMetWords(k);
  if (c === 0) return k === 1 ? 'The condition not met' : 'No condition met';
  return `${c} of ${k} conditions met`;
}
