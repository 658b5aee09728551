/**
 * LEB128 variable-length integers (7 bits per byte, low bits first) and zigzag signs, for the
 * compact data files: small numbers (deltas, counts) take one byte, and gzip packs the rest well.
 * Values must be safe integers (|x| < 2^53); arithmetic avoids 32-bit bitwise operators so they
 * stay exact beyond 2^31.
 */

export class VarintWriter {
  private buf = new Uint8Array(1024);
  private at = 0;

  get length(): number {
    return this.at;
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    next.set(this.buf.subarray(0, this.at));
    this.buf = next;
  }

  /** An unsigned integer (0 ≤ v < 2^53). */
  uint(v: number): void {
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`varint: ${v} is not an unsigned safe integer`);
    this.room(8);
    while (v >= 0x80) {
      this.buf[this.at++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.at++] = v;
  }

  /** A signed integer, zigzag-coded so small magnitudes of either sign stay short. */
  int(v: number): void {
    if (!Number.isSafeInteger(v) || Math.abs(v) > 2 ** 51) throw new Error(`varint: ${v} is out of range`);
    this.uint(v < 0 ? -2 * v - 1 : 2 * v);
  }

  bytes(raw: Uint8Array): void {
    this.room(raw.length);
    this.buf.set(raw, this.at);
    this.at += raw.length;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.at);
  }
}

/** Reads what VarintWriter wrote; throws when a value runs past the end (a truncated file). */
export class VarintReader {
  at = 0;
  constructor(private buf: Uint8Array, private end = buf.length) {}

  get done(): boolean {
    return this.at >= this.end;
  }

  uint(): number {
    if (this.at >= this.end) throw new Error('varint: read past the end of the data (truncated file?)');
    const b = this.buf;
    let c = b[this.at++];
    if (c < 0x80) return c;
    let v = c & 0x7f;
    let scale = 0x80;
    for (;;) {
      if (this.at >= this.end) throw new Error('varint: data ends inside a number (truncated file?)');
      c = b[this.at++];
      v += (c & 0x7f) * scale;
      if (c < 0x80) return v;
      scale *= 0x80;
    }
  }

  int(): number {
    const u = this.uint();
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }

  bytes(n: number): Uint8Array {
    if (this.at + n > this.end) throw new Error('varint: data ends inside a byte run (truncated file?)');
    const out = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
}
