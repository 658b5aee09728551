/**
 * The command table of `npm run atlas`. Adding a command: write a module exporting a `Command`
 * (see command.ts) and add it here; help, dispatch and error handling come with it.
 */
import type { Command } from './command';
import { evaluateCommand } from './evaluate-command';
import { exportCommand } from './export-command';
import { levelsCommand } from './levels-command';
import { measuresCommand } from './measures-command';

export const COMMANDS: readonly Command[] = [levelsCommand, measuresCommand, exportCommand, evaluateCommand];

export function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `npm run -s atlas -- COMMAND [options]

The atlas's numbers without the browser: the same catalogue, SQL and built data as the app
(DuckDB-wasm in node), so any map can be reproduced in R, Python or a spreadsheet.

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Help on one command: npm run -s atlas -- COMMAND --help
Errors are printed to standard error, name the argument or file at fault and exit with status 1.
`;
}
