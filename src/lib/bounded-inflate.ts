/**
 * Raw DEFLATE decompression that stops at a byte cap. Deflate can expand a thousandfold (a 260 kB
 * share link once inflated to 200 MB), and a one-shot inflate allocates all of it before anyone
 * can look at the size. Here the input goes in small slices, so each step can add at most about a
 * megabyte, and the stream is abandoned as soon as the output passes the cap.
 */
import { Inflate } from 'fflate';

/** Compressed bytes per step: deflate's ratio is at most ~1,032:1, so one step adds ≤ ~1 MB. */
const SLICE = 1024;

export type Inflated =
  | { ok: true; bytes: Uint8Array }
  /** `bytes`: what came out before the stream was stopped (for reading a cut link up to the cut). */
  | { ok: false; reason: 'too-big' | 'damaged'; bytes: Uint8Array };

class TooBig extends Error {}

export function inflateAtMost(deflated: Uint8Array, maxBytes: number, dictionary?: Uint8Array): Inflated {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const joined = () => {
    const all = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) all.set(c, (o += c.length) - c.length);
    return all;
  };
  const inf = new Inflate({ dictionary }, (chunk) => {
    if (total + chunk.length > maxBytes) throw new TooBig();
    total += chunk.length;
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < deflated.length; at += SLICE) inf.push(deflated.subarray(at, at + SLICE), false);
    inf.push(new Uint8Array(0), true);
  } catch (e) {
    return { ok: false, reason: e instanceof TooBig ? 'too-big' : 'damaged', bytes: joined() };
  }
  return { ok: true, bytes: joined() };
}
