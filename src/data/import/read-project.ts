/**
 * Opening a project file, as the import worker does it: size limits, the manifest and every spec
 * (project-file.ts), every dataset table's columns and types (project-tables.ts) and every level's
 * boundaries decoded into geometry and contiguity — all of it before the main thread changes
 * anything, so what it receives is known to be complete and usable.
 */
import type { Topology } from 'topojson-specification';
import { formatBytes, INPUT_LIMITS } from '../../lib/input-limits';
import { zipDirectory } from '../../lib/zip-directory';
import { userLevelGeometry, type UserLevelGeometry } from '../../geo/user-level-geometry';
import { extensionOf, type ByteSource } from './byte-source';
import { ImportError, throwIfAborted, tooLarge } from './import-issue';
import type { BoundarySpec } from './load-user-level';
import { LEVEL_OBJECT, PROJECT_MANIFEST, unpackProject } from './project-file';
import type { PlacePoints } from './place-points';
import { registeredFromIpc } from './project-registered';
import { checkProjectTable } from './project-tables';
import type { RegisteredFile } from './registered-file';
import { practiceTableOf } from './user-table-sql';
import type { ReadOptions } from './read-options';
import type { DatasetSpec } from './user-dataset';

export interface CheckedProject {
  savedAt: string;
  view: unknown;
  datasets: DatasetSpec[];
  levels: { spec: BoundarySpec; topology: string; geometry: UserLevelGeometry }[];
  /** Arrow IPC stream per dataset table name (and per-practice table name), each checked. */
  tables: Map<string, Uint8Array>;
  /** The places of place files, by the id of their dataset. */
  places: { datasetId: string; places: PlacePoints }[];
  /** The registered-patient file's rows, to be loaded as the file itself is. */
  registered: RegisteredFile | null;
}

/** A ZIP archive that is not named as a workbook: it may be a project file. */
export function mayBeProject(name: string, head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && !['xlsx', 'xlsm'].includes(extensionOf(name));
}

/** The checked project, or null when the archive is not a project file (read it as a workbook or refuse it). */
export async function readProjectFile(src: ByteSource, opts: Pick<ReadOptions, 'signal'> = {}): Promise<CheckedProject | null> {
  const file = src.name;
  if (src.size > INPUT_LIMITS.projectFileBytes) {
    throw tooLarge(file, 'projectFileBytes', `the file is ${formatBytes(src.size)}`, 'A ZIP archive opens here only as a project file saved by the atlas; unzip other archives and load the CSV, Excel, Parquet or GeoJSON file inside.');
  }
  const bytes = await src.read(0, src.size);
  const listed = zipDirectory(bytes);
  if (!listed) {
    throw new ImportError('bad-project', `${file}: this ZIP archive is damaged or incomplete (perhaps cut short while downloading or copying), so it cannot be opened. If it is a project file, save it again from the atlas; unzip other archives and load the file inside.`);
  }
  if (!listed.some((e) => e.name === PROJECT_MANIFEST)) return null;
  const p = unpackProject(bytes, file);
  for (const d of p.datasets) {
    throwIfAborted(opts.signal, file);
    checkProjectTable(file, d, p.tables.get(d.table)!);
    const perPractice = p.tables.get(practiceTableOf(d.table));
    if (perPractice) checkProjectTable(file, d, perPractice, 'per-practice table');
  }
  const registered = p.registered ? registeredFromIpc(file, p.registered.file, p.registered.ipc) : null;
  const levels = p.levels.map((l) => {
    throwIfAborted(opts.signal, file);
    let geometry: UserLevelGeometry;
    try {
      geometry = userLevelGeometry(JSON.parse(l.topology) as Topology, LEVEL_OBJECT);
    } catch {
      throw new ImportError('bad-project', `${file}: the boundaries "${l.spec.label}" in this project file cannot be read. Nothing was changed; save the project again from the atlas.`);
    }
    if (geometry.polygons.ids.length === 0 || geometry.polygons.ids.length > INPUT_LIMITS.geojsonFeatures) {
      throw new ImportError('bad-project', `${file}: the boundaries "${l.spec.label}" in this project file hold ${geometry.polygons.ids.length.toLocaleString('en-GB')} areas, which cannot be right. Nothing was changed; save the project again from the atlas.`);
    }
    return { ...l, geometry };
  });
  return { savedAt: p.savedAt, view: p.view, datasets: p.datasets, levels, tables: p.tables, places: p.places, registered };
}
