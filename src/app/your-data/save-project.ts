/** Saves the session's own data and the view as a project file download (the "Your data" tab and the crash screen both offer it). */
import { downloadBlob } from '../../export/download';
import { viewStore } from '../view-store';
import { placesStoreOf } from '../places/places-store';
import type { UserDataEngine } from './user-data-engine';

export async function downloadProjectFile(engine: UserDataEngine): Promise<void> {
  const bytes = await engine.saveProject(viewStore.get(), placesStoreOf(engine).get());
  downloadBlob(new Blob([bytes as BlobPart], { type: 'application/zip' }), `hotspot-atlas-project-${new Date().toISOString().slice(0, 10)}.zip`);
}
