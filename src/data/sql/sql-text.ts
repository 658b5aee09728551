/** Quoting helpers: every value that reaches SQL text goes through one of these. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export function sqlIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a safe SQL identifier: ${name}`);
  return name;
}

export function sqlNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return String(n);
}

/**
 * A numeric column read as a DOUBLE that is NULL unless finite. Users' tables are loaded with NULL
 * for missing values, but a NaN that reached any table another way (an old project file, a CSV
 * reader that took "NaN" as a number) would otherwise count as present, turn every sum and mean it
 * meets into NaN, and sort above every number, ranking as the worst area.
 */
export function sqlPresent(expr: string): string {
  return `(CASE WHEN isfinite((${expr})::DOUBLE) THEN (${expr})::DOUBLE END)`;
}
