/** Every place loaded, as a table (the map's points readable without the map): file, row (or GeoJSON feature), name, type, position. */
import type { PlaceSet } from './places-store';

export function PlacesTable({ sets }: { sets: readonly PlaceSet[] }) {
  const rows = sets.flatMap((s) => Array.from(s.places.names, (name, i) => ({ key: `${s.datasetId}-${i}`, s, i, name })));
  return (
    <table className="places-table">
      <caption>Places loaded from your files ({rows.length.toLocaleString('en-GB')})</caption>
      <thead>
        <tr><th scope="col">File</th><th scope="col">Row or feature</th><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Latitude</th><th scope="col">Longitude</th></tr>
      </thead>
      <tbody>
        {rows.map(({ key, s, i, name }) => (
          <tr key={key}>
            <td>{s.places.file}</td>
            <td>{`${s.places.rowNoun} ${s.places.rows[i]}`}</td>
            <td>{name}</td>
            <td>{s.places.types[i]}</td>
            <td>{s.places.lat[i].toFixed(5)}</td>
            <td>{s.places.lon[i].toFixed(5)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
