/**
 * Decodes a shapes file (format: shapes-format.ts) in one linear pass into the polygon buffers the
 * map draws and the border mesh: no JSON, no triangulation. Runs in the geometry worker.
 */
import { readSectionFile } from '../lib/section-file';
import { VarintReader } from '../lib/varint';
import { meshFromArcs } from './arc-mesh';
import { SHAPES_MAGIC, type ShapesHeader } from './shapes-format';
import type { BinaryPolygons, MeshChunk } from './topology-binary';

export interface DecodedShapes {
  level: string;
  polygons: BinaryPolygons;
  mesh: MeshChunk[];
}

function readIds(bytes: Uint8Array, n: number): string[] {
  const r = new VarintReader(bytes);
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const out = new Array<string>(n);
  let prev = '';
  let prevAscii = true;
  for (let i = 0; i < n; i++) {
    const keep = r.uint();
    const tail = r.bytes(r.uint());
    let ascii: boolean = prevAscii;
    for (let k = 0; k < tail.length && ascii; k++) if (tail[k] >= 0x80) ascii = false;
    if (ascii) {
      // Area codes are ASCII: a shared prefix of bytes is the same prefix of characters.
      let s = prev.slice(0, keep);
      for (let k = 0; k < tail.length; k++) s += String.fromCharCode(tail[k]);
      out[i] = s;
    } else {
      const head = enc.encode(prev).subarray(0, keep);
      const b = new Uint8Array(keep + tail.length);
      b.set(head);
      b.set(tail, keep);
      out[i] = dec.decode(b);
      ascii = b.every((x) => x < 0x80);
    }
    prev = out[i];
    prevAscii = ascii;
  }
  return out;
}

export function decodeShapes(bytes: Uint8Array, what: string, meshGrid = 12): DecodedShapes {
  const file = readSectionFile<ShapesHeader>(bytes, SHAPES_MAGIC, what);
  const h = file.header;
  if (h.format !== 'shapes') throw new Error(`${what} is not a shapes file`);
  const c = h.counts;
  const [sx, sy] = h.scale;
  const [tx, ty] = h.translate;

  // Arcs: every point is a step from the one before (an arc's first from the previous arc's last),
  // so one running sum gives grid positions; then longitude/latitude as TopoJSON decoding does.
  const arcStart = new Uint32Array(c.arcs + 1);
  const lengths = new VarintReader(file.section('arcLengths'));
  for (let a = 0; a < c.arcs; a++) arcStart[a + 1] = arcStart[a] + lengths.uint();
  if (arcStart[c.arcs] !== c.points) throw new Error(`${what}: arc lengths do not add up (corrupt file?)`);
  const coords = new Float64Array(2 * c.points);
  const pts = new VarintReader(file.section('arcPoints'));
  let [x, y] = [0, 0];
  for (let p = 0; p < c.points; p++) {
    x += pts.int();
    y += pts.int();
    coords[2 * p] = x * sx + tx;
    coords[2 * p + 1] = y * sy + ty;
  }

  const positions = new Float32Array(2 * c.vertices);
  const startIndices = new Uint32Array(c.areas + 1);
  const areaRings = new Uint32Array(c.areas + 1);
  const ringStarts = new Uint32Array(c.rings + 1);
  const polygonStart = new Uint32Array(c.polygons);
  const used = new Uint8Array(c.arcs);
  const structure = new VarintReader(file.section('structure'));
  const refs = new VarintReader(file.section('refs'));
  let [v, ring, poly, next] = [0, 0, 0, 0];
  for (let i = 0; i < c.areas; i++) {
    for (let np = structure.uint(); np > 0; np--) {
      polygonStart[poly++] = v;
      for (let nr = structure.uint(); nr > 0; nr--) {
        for (let na = structure.uint(); na > 0; na--) {
          const code = refs.uint();
          const z = Math.floor(code / 2);
          const id = next + (z % 2 === 0 ? z / 2 : -(z + 1) / 2);
          if (id >= next) next = id + 1;
          if (id < 0 || id >= c.arcs) throw new Error(`${what}: arc reference out of range (corrupt file?)`);
          used[id] = 1;
          const a = arcStart[id];
          const b = arcStart[id + 1];
          // Skip each arc's first point: it is the previous arc's last.
          if (code % 2 === 0) for (let p = a + 1; p < b; p++, v++) {
            positions[2 * v] = coords[2 * p];
            positions[2 * v + 1] = coords[2 * p + 1];
          }
          else for (let p = b - 2; p >= a; p--, v++) {
            positions[2 * v] = coords[2 * p];
            positions[2 * v + 1] = coords[2 * p + 1];
          }
        }
        ringStarts[++ring] = v;
      }
    }
    startIndices[i + 1] = v;
    areaRings[i + 1] = ring;
  }
  if (v !== c.vertices || ring !== c.rings || poly !== c.polygons) throw new Error(`${what}: polygon counts do not add up (corrupt file?)`);

  const indices = new Uint32Array(3 * c.triangles);
  const tri = new VarintReader(file.section('triangles'));
  let k = 0;
  for (let p = 0; p < c.polygons; p++) {
    const base = polygonStart[p];
    let local = 0;
    for (let n = 3 * tri.uint(); n > 0; n--) {
      local += tri.int();
      indices[k++] = base + local;
    }
  }
  if (k !== indices.length) throw new Error(`${what}: triangle counts do not add up (corrupt file?)`);

  const usedList: number[] = [];
  for (let a = 0; a < c.arcs; a++) if (used[a]) usedList.push(a);
  return {
    level: h.level,
    polygons: { ids: readIds(file.section('ids'), c.areas), positions, startIndices, indices, ringStarts, areaRings },
    mesh: meshFromArcs(coords, arcStart, usedList, meshGrid),
  };
}
