/// <reference lib="webworker" />
/**
 * Downloads the atlas's data files and turns them into what the app and DuckDB take, off the main
 * thread: shapes into GPU buffers, border mesh and picking index; table packs and stored query
 * results into Arrow IPC streams. Gzipped files are inflated here.
 */
import { tableToIPC } from 'apache-arrow';
import type { Topology } from 'topojson-specification';
import { decodeColumnPack } from '../data/pack/column-pack';
import { tableFileToIpc } from '../data/pack/pack-ipc';
import { buildAreaIndex } from '../geo/area-index';
import { decodeShapes } from '../geo/shapes-file';
import { topologyMesh, topologyToBinary, type BinaryPolygons, type MeshChunk } from '../geo/topology-binary';
import { fetchBytes } from '../lib/fetch-progress';
import { gunzipIfNeeded } from '../lib/gunzip';
import type { DataFileRequest, DataFileResponse, LoadedShapes } from './data-file-messages';

const post = (m: DataFileResponse, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(m, transfer);

function shapesOf(polygons: BinaryPolygons, mesh: MeshChunk[]): [LoadedShapes, Transferable[]] {
  const index = buildAreaIndex(polygons);
  const transfer: Transferable[] = [polygons.positions.buffer, polygons.startIndices.buffer, polygons.indices.buffer, polygons.ringStarts.buffer, polygons.areaRings.buffer,
    index.cellStart.buffer, index.items.buffer, index.boxes.buffer];
  for (const c of mesh) transfer.push(c.lines.positions.buffer, c.lines.startIndices.buffer);
  return [{ polygons, index, mesh }, transfer];
}

const own = (b: Uint8Array) => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : b.slice());

self.onmessage = async (e: MessageEvent<DataFileRequest>) => {
  const m = e.data;
  const name = decodeURIComponent(new URL(m.url, self.location.href).pathname.split('/').slice(-2).join('/'));
  try {
    const raw = await fetchBytes(m.url, (received, total) => post({ id: m.id, type: 'progress', stage: 'download', received, total }));
    post({ id: m.id, type: 'progress', stage: 'decode', received: raw.length, total: raw.length });
    const bytes = await gunzipIfNeeded(raw);
    if (m.kind === 'shapes') {
      const d = decodeShapes(bytes, name, m.meshGrid);
      const [shapes, transfer] = shapesOf(d.polygons, d.mesh);
      post({ id: m.id, type: 'shapes', shapes }, transfer);
    } else if (m.kind === 'topology') {
      const topo = JSON.parse(new TextDecoder().decode(bytes)) as Topology;
      const [shapes, transfer] = shapesOf(topologyToBinary(topo, m.objectName), topologyMesh(topo, m.objectName, m.meshGrid));
      post({ id: m.id, type: 'shapes', shapes }, transfer);
    } else if (m.kind === 'table') {
      const ipc = own(tableFileToIpc(bytes, name));
      post({ id: m.id, type: 'table', ipc }, [ipc.buffer]);
    } else {
      const results = decodeColumnPack(bytes, name).map((t) => ({ sql: t.key, ipc: tableToIPC(t.table, 'stream') }));
      post({ id: m.id, type: 'views', results }, results.map((r) => r.ipc.buffer));
    }
  } catch (err) {
    post({ id: m.id, type: 'error', message: `Could not load ${name}: ${(err as Error).message}` });
  }
};
