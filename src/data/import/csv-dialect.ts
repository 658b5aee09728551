/**
 * Which character separates values: tried on the first lines of the file. The winner is the
 * candidate that splits the header into the most columns while most rows have that same count;
 * the file name's extension only breaks ties (a ".csv" that is really tab-separated is common).
 */
import { CsvTokenizer } from './csv-tokenizer';

export const DELIMITERS = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const DELIMITER_NAME: Record<Delimiter, string> = { ',': 'commas', '\t': 'tabs', ';': 'semicolons', '|': 'vertical bars' };

interface Trial { delimiter: Delimiter; columns: number; consistency: number }

function trial(sample: string, delimiter: Delimiter, complete: boolean): Trial {
  const counts: number[] = [];
  const tok = new CsvTokenizer(delimiter, (fields) => {
    if (counts.length < 200 && !(fields.length === 1 && fields[0] === '')) counts.push(fields.length);
  }, '');
  try {
    tok.push(sample);
    if (complete) tok.end();
  } catch {
    // an unclosed quote in the sample says nothing about the delimiter
  }
  // the last record of an incomplete sample may be cut short
  if (!complete && counts.length > 1) counts.pop();
  if (!counts.length) return { delimiter, columns: 1, consistency: 0 };
  const columns = counts[0];
  const same = counts.filter((c) => c === columns).length;
  return { delimiter, columns, consistency: same / counts.length };
}

/**
 * @param sample the start of the file, decoded
 * @param complete whether the sample is the whole file
 * @param extension the file's extension, for ties ("tsv" prefers tabs)
 */
export function detectDelimiter(sample: string, complete: boolean, extension: string): Delimiter {
  const trials = DELIMITERS.map((d) => trial(sample, d, complete)).filter((t) => t.columns > 1);
  if (!trials.length) return extension === 'tsv' || extension === 'tab' ? '\t' : ',';
  const preferred: Delimiter = extension === 'tsv' || extension === 'tab' ? '\t' : ',';
  const score = (t: Trial) => (t.consistency >= 0.8 ? 1000 : 0) + t.consistency * 100 + Math.min(t.columns, 50) + (t.delimiter === preferred ? 0.5 : 0);
  trials.sort((a, b) => score(b) - score(a));
  return trials[0].delimiter;
}
