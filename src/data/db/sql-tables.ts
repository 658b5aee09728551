/**
 * Which of the atlas's tables an SQL statement reads or writes. Every table a statement uses is
 * named in its text, so scanning identifiers (outside string literals and comments) finds them all;
 * a name that only looks like a table (a CTE called `areas`) at worst loads a table early. The
 * database loads what a statement needs before running it, whoever sends it.
 */

/** Identifiers in `sql`: bare ones lower-cased (SQL folds them), quoted ones as written. */
function identifiers(sql: string): string[] {
  const out: string[] = [];
  const re = /'(?:[^']|'')*'|--[^\n]*|\/\*[\s\S]*?\*\/|"((?:[^"]|"")*)"|([A-Za-z_][A-Za-z0-9_$]*)/g;
  for (const m of sql.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1].replace(/""/g, '"'));
    else if (m[2] !== undefined) out.push(m[2].toLowerCase());
  }
  return out;
}

export function tablesInSql(sql: string, known: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const id of identifiers(sql)) if (known.has(id)) found.add(id);
  return [...found];
}
