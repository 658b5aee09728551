/**
 * Which text encoding a file is in, and a streaming decoder for it.
 *
 * Decision: a byte-order mark wins (UTF-8, UTF-16 LE/BE); UTF-16 without a BOM is recognised by its
 * zero bytes; anything else is read as UTF-8 and, if any byte sequence is not valid UTF-8, the whole
 * file is read again as Windows-1252 (what Excel on Windows writes for "CSV" without UTF-8). A file
 * that mixes the two cannot be decoded both ways at once: it is read as Windows-1252 and the rows
 * whose text looks like mis-decoded UTF-8 are reported (see `looksLikeMojibake`).
 */
import { ImportError } from './import-issue';

export type TextEncodingId = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface EncodingGuess {
  encoding: TextEncodingId;
  /** Said in the report: how the encoding was chosen. */
  note: string;
  /** True when UTF-8 was assumed (no BOM), so invalid bytes mean "try Windows-1252". */
  tentative: boolean;
}

const LABEL: Record<TextEncodingId, string> = {
  'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 (little-endian)', 'utf-16be': 'UTF-16 (big-endian)', 'windows-1252': 'Windows-1252',
};

export function sniffEncoding(head: Uint8Array, file: string): EncodingGuess {
  const [a, b, c] = head;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', note: 'Encoding: UTF-8 (with byte-order mark).', tentative: false };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', note: `Encoding: ${LABEL['utf-16le']} (byte-order mark).`, tentative: false };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', note: `Encoding: ${LABEL['utf-16be']} (byte-order mark).`, tentative: false };
  const n = Math.min(head.length, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] !== 0) continue;
    if (i % 2) oddZeros++;
    else evenZeros++;
  }
  if (oddZeros > n / 8 && evenZeros === 0) return { encoding: 'utf-16le', note: `Encoding: ${LABEL['utf-16le']} (no byte-order mark; recognised by its zero bytes).`, tentative: false };
  if (evenZeros > n / 8 && oddZeros === 0) return { encoding: 'utf-16be', note: `Encoding: ${LABEL['utf-16be']} (no byte-order mark; recognised by its zero bytes).`, tentative: false };
  if (evenZeros + oddZeros > 0) {
    throw new ImportError('binary', `${file}: this does not look like a text file (it contains zero bytes). Save it as CSV (UTF-8), Excel (.xlsx), Parquet or GeoJSON and load it again.`);
  }
  return { encoding: 'utf-8', note: 'Encoding: UTF-8.', tentative: true };
}

/** Thrown by `TextChunkDecoder` when a tentative UTF-8 read meets bytes that are not UTF-8. */
export class NotUtf8 extends Error {}

/** Windows-1252 code points for bytes 0x80–0x9F (node's decoder maps them to C1 controls, browsers do not). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const C1 = /[\u0080-\u009f]/g;

export class TextChunkDecoder {
  private readonly decoder: TextDecoder;
  constructor(private readonly guess: EncodingGuess) {
    // the BOM is skipped by the decoder itself (ignoreBOM: false)
    this.decoder = new TextDecoder(guess.encoding, { fatal: guess.tentative });
  }

  decode(bytes: Uint8Array, last: boolean): string {
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: !last });
    } catch {
      throw new NotUtf8();
    }
    return this.guess.encoding === 'windows-1252' ? text.replace(C1, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80]) : text;
  }
}

export function windows1252Fallback(): EncodingGuess {
  return {
    encoding: 'windows-1252',
    note: 'Encoding: Windows-1252 (some bytes are not valid UTF-8, so the file was read as a Windows/Excel "ANSI" file). If accented letters or £ signs look wrong, save the file as "CSV UTF-8" and load it again.',
    tentative: false,
  };
}

/** UTF-8 text read as Windows-1252 shows pairs like "Ã©" (é), "Â£" (£) or "â€™" (’). */
const MOJIBAKE = /[ÃÂ][\u00a0-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€[™œ\u009d˜“”¦]/;

export function looksLikeMojibake(s: string): boolean {
  return s.length > 1 && MOJIBAKE.test(s);
}
