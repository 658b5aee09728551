/**
 * Every limit on untrusted input, in one place: users' files (CSV/TSV, Excel, Parquet, GeoJSON,
 * project files) and share links. A limit exists so that a file or link made to exhaust memory or
 * time (a 40,000-column header, a zip or link that inflates a thousandfold) is refused quickly with
 * a message, instead of freezing or crashing the tab and losing what the user has loaded. Each value
 * sits well above what real data needs (the reason is given beside it), so no genuine file meets one.
 */
const MiB = 1024 * 1024;

export const INPUT_LIMITS = {
  /** CSV/TSV and Parquet: 2.5× the 100 MB file the import is tested with; read column-wise this is ~1 GB at most. */
  tableFileBytes: 256 * MiB,
  /** Excel workbooks, as saved (zipped): Excel's own sheet cap (~1M rows) fits comfortably. */
  xlsxFileBytes: 100 * MiB,
  /** Excel workbooks, unzipped (the sheet XML that is parsed whole): about 8 million cells. */
  xlsxInflatedBytes: 200 * MiB,
  /** GeoJSON is parsed whole; generalised boundaries of all 33,755 LSOAs in England are ~60 MB. */
  geojsonFileBytes: 128 * MiB,
  /** Features in one GeoJSON: three times England's LSOAs, the finest areas the atlas maps. */
  geojsonFeatures: 100_000,
  /** Positions in one GeoJSON (about 250 MB as parsed JSON): England's LSOAs, generalised, have ~2.5 million. */
  geojsonVertices: 5_000_000,
  /** Data rows of one file: long tables (LSOA × year × sex × age) reach a few million. */
  rows: 5_000_000,
  /** Columns of one file: wide exports (Census tables, Fingertips) have hundreds at most. */
  columns: 2_000,
  /** Rows × columns of one file: ~240 MB of numbers; the 100 MB test file has 11 million cells. */
  cells: 30_000_000,
  /** Characters of one column name (a longer "name" is almost always a file without line breaks). */
  columnNameChars: 500,
  /** GeoDa weights files (.gal/.gwt): a few MB at most for England's small areas. */
  weightsFileBytes: 200 * MiB,
  /** A saved project file (zipped): one row per area per dataset is far smaller. */
  projectFileBytes: 256 * MiB,
  /** A project file unzipped (its tables and boundaries together). */
  projectInflatedBytes: 512 * MiB,
  /** Entries of a ZIP (project file or workbook): real ones have tens. */
  zipEntries: 10_000,
  /** Datasets plus boundary sets in one project file. */
  projectParts: 200,
  /** Share link, characters after "#": the longest link the atlas makes (500 areas with 500-character notes in a non-Latin script) is ~740,000. */
  linkChars: 1_000_000,
  /** Format 1 links (`#s=`) never carried a shortlist: a few hundred characters. */
  legacyLinkChars: 20_000,
  /** One part of a share link, inflated: 500 notes of 500 characters take at most ~750 kB. */
  linkInflatedBytes: 1 * MiB,
} as const;

export type LimitId = keyof typeof INPUT_LIMITS;

const BYTES: ReadonlySet<LimitId> = new Set(['tableFileBytes', 'xlsxFileBytes', 'xlsxInflatedBytes', 'geojsonFileBytes', 'weightsFileBytes', 'projectFileBytes', 'projectInflatedBytes', 'linkInflatedBytes']);

/** "256 MB", "1.5 MB", "12 kB": binary megabytes, as file managers on Windows show them. */
export function formatBytes(value: number): string {
  if (value >= MiB) return `${(value / MiB).toLocaleString('en-GB', { maximumFractionDigits: value >= 10 * MiB ? 0 : 1 })} MB`;
  return `${Math.ceil(value / 1024).toLocaleString('en-GB')} kB`;
}

/** "256 MB" / "2,000". */
function formatLimitValue(id: LimitId): string {
  const value = INPUT_LIMITS[id];
  return BYTES.has(id) ? formatBytes(value) : value.toLocaleString('en-GB');
}

/** What is counted, in a sentence: "at most 2,000 columns". */
const NOUN: Record<LimitId, string> = {
  tableFileBytes: 'files of', xlsxFileBytes: 'Excel workbooks of', xlsxInflatedBytes: 'workbooks that unzip to',
  geojsonFileBytes: 'GeoJSON files of', weightsFileBytes: 'weights files of', geojsonFeatures: 'features', geojsonVertices: 'boundary points (vertices)',
  rows: 'rows', columns: 'columns', cells: 'cells (rows × columns)', columnNameChars: 'characters in a column name',
  projectFileBytes: 'project files of', projectInflatedBytes: 'project files that unzip to', zipEntries: 'files inside a ZIP archive',
  projectParts: 'datasets and boundary sets in a project', linkChars: 'characters in a share link', legacyLinkChars: 'characters in an old-style share link',
  linkInflatedBytes: 'share-link parts that unpack to',
};

/** "the atlas reads at most 2,000 columns" / "the atlas reads files of at most 256 MB". */
function limitText(id: LimitId): string {
  const v = formatLimitValue(id);
  return BYTES.has(id) ? `the atlas reads ${NOUN[id]} at most ${v}` : `the atlas reads at most ${v} ${NOUN[id]}`;
}

/**
 * The message for input over a limit: `subject` names the file or link, `found` says what it has
 * ("40,000 columns", or null when only "more than the limit" is known), `advice` what to do instead.
 */
export function limitMessage(subject: string, id: LimitId, found: string | null, advice: string): string {
  return `${subject}: ${found ? `${found}; ` : 'too large: '}${limitText(id)}. ${advice}`;
}
