/** Counts what joined and what did not, and fails on mismatches nobody has explained. */
export class JoinReport {
  readonly lines: string[] = [];
  readonly problems: string[] = [];

  /** Records a join of `left` keys against `right` keys; unmatched left keys are problems unless allowed. */
  check(label: string, left: Iterable<string>, right: { has(k: string): boolean }, allowUnmatched = 0): void {
    const missing: string[] = [];
    let n = 0;
    for (const k of left) {
      n++;
      if (!right.has(k)) missing.push(k);
    }
    this.lines.push(`${label}: ${n - missing.length} of ${n} matched${missing.length ? `, ${missing.length} unmatched (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''})` : ''}`);
    if (missing.length > allowUnmatched) this.problems.push(`${label}: ${missing.length} unmatched`);
  }

  /** Records a check that should find nothing (rows that do not add up, ...): "none", or a problem listing what it found. */
  none(label: string, found: readonly string[]): void {
    this.lines.push(`${label}: ${found.length ? `${found.length} (${found.slice(0, 5).join(', ')}${found.length > 5 ? ', …' : ''})` : 'none'}`);
    if (found.length) this.problems.push(`${label}: ${found.length}`);
  }

  note(line: string): void {
    this.lines.push(line);
  }

  print(log: (s: string) => void): void {
    for (const l of this.lines) log(`  ${l}`);
  }

  assertClean(): void {
    if (this.problems.length) throw new Error(`join check failed:\n  ${this.problems.join('\n  ')}`);
  }
}
