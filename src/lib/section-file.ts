/**
 * The container of the compact data files: an 8-byte magic naming the format and version, a JSON
 * header (sizes, names, section offsets) and named binary sections. Readers check the magic first,
 * so a wrong or stale file fails with a message instead of decoding garbage.
 *
 *   bytes 0-7   magic (ASCII)
 *   bytes 8-11  header length H (uint32, little-endian)
 *   12..12+H    header JSON (UTF-8), with `sections: { name: [offset, length] }` relative to the body
 *   12+H..      body: the sections, back to back
 */

export interface SectionFile<H> {
  header: H;
  section(name: string): Uint8Array;
}

export function writeSectionFile(magic: string, header: object, sections: Record<string, Uint8Array>): Uint8Array {
  if (magic.length !== 8) throw new Error(`magic "${magic}" must be 8 characters`);
  const offsets: Record<string, [number, number]> = {};
  let at = 0;
  for (const [name, s] of Object.entries(sections)) {
    offsets[name] = [at, s.length];
    at += s.length;
  }
  const head = new TextEncoder().encode(JSON.stringify({ ...header, sections: offsets }));
  const out = new Uint8Array(12 + head.length + at);
  out.set(new TextEncoder().encode(magic), 0);
  new DataView(out.buffer).setUint32(8, head.length, true);
  out.set(head, 12);
  let p = 12 + head.length;
  for (const s of Object.values(sections)) {
    out.set(s, p);
    p += s.length;
  }
  return out;
}

export function readSectionFile<H>(input: Uint8Array, magic: string, what: string): SectionFile<H> {
  // A plain view (node's Buffer has a `slice` that does not copy): sections are plain views too.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const got = new TextDecoder().decode(bytes.subarray(0, 8));
  if (bytes.length < 12 || got !== magic) {
    throw new Error(`${what} is not a ${magic.trim()} file (it starts with "${got.replace(/[^\x20-\x7e]/g, '?')}"): rebuild the data with "npm run data"`);
  }
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + headLength > bytes.length) throw new Error(`${what} is truncated (its header is cut short)`);
  const parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headLength))) as H & { sections: Record<string, [number, number]> };
  const body = 12 + headLength;
  return {
    header: parsed,
    section(name) {
      const s = parsed.sections[name];
      if (!s) throw new Error(`${what} has no "${name}" section`);
      if (body + s[0] + s[1] > bytes.length) throw new Error(`${what} is truncated (section "${name}" is cut short)`);
      return bytes.subarray(body + s[0], body + s[0] + s[1]);
    },
  };
}
