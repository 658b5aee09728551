/// <reference lib="webworker" />
/** Downloads a level's TopoJSON and turns it into GPU-ready buffers off the main thread. */
import type { Topology } from 'topojson-specification';
import { topologyMesh, topologyToBinary } from '../geo/topology-binary';
import { fetchBytes } from '../lib/fetch-progress';
import type { GeometryRequest, GeometryResponse } from './geometry-messages';

const post = (m: GeometryResponse, transfer: Transferable[] = []) => (self as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<GeometryRequest>) => {
  const { id, url, objectName, mesh } = e.data;
  try {
    const bytes = await fetchBytes(url, (received, total) => post({ id, type: 'progress', stage: 'download', received, total }));
    post({ id, type: 'progress', stage: 'decode' });
    const topo = JSON.parse(new TextDecoder().decode(bytes)) as Topology;
    const polygons = topologyToBinary(topo, objectName);
    const lines = mesh ? topologyMesh(topo, objectName) : null;
    const transfer: Transferable[] = [polygons.positions.buffer, polygons.startIndices.buffer, polygons.indices.buffer, polygons.ringStarts.buffer, polygons.areaRings.buffer];
    if (lines) transfer.push(lines.positions.buffer, lines.startIndices.buffer);
    post({ id, type: 'done', polygons, mesh: lines }, transfer);
  } catch (err) {
    post({ id, type: 'error', message: `Could not load map shapes from ${url}: ${(err as Error).message}` });
  }
};
