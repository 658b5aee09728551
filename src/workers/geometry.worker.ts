/// <reference lib="webworker" />
/** Downloads a level's TopoJSON and turns it into GPU-ready buffers off the main thread. */
import type { Topology } from 'topojson-specification';
import { buildAreaIndex } from '../geo/area-index';
import { topologyMesh, topologyToBinary } from '../geo/topology-binary';
import { fetchBytes } from '../lib/fetch-progress';
import type { GeometryRequest, GeometryResponse } from './geometry-messages';

const post = (m: GeometryResponse, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<GeometryRequest>) => {
  const { id, url, objectName, mesh, meshGrid } = e.data;
  try {
    const bytes = await fetchBytes(url, (received, total) => post({ id, type: 'progress', stage: 'download', received, total }));
    post({ id, type: 'progress', stage: 'decode' });
    const topo = JSON.parse(new TextDecoder().decode(bytes)) as Topology;
    const polygons = topologyToBinary(topo, objectName);
    const chunks = mesh ? topologyMesh(topo, objectName, meshGrid) : null;
    const index = buildAreaIndex(polygons);
    const transfer: Transferable[] = [polygons.positions.buffer, polygons.startIndices.buffer, polygons.indices.buffer, polygons.ringStarts.buffer, polygons.areaRings.buffer,
      index.cellStart.buffer, index.items.buffer, index.boxes.buffer];
    for (const c of chunks ?? []) transfer.push(c.lines.positions.buffer, c.lines.startIndices.buffer);
    post({ id, type: 'done', polygons, index, mesh: chunks }, transfer);
  } catch (err) {
    post({ id, type: 'error', message: `Could not load map shapes from ${url}: ${(err as Error).message}` });
  }
};
