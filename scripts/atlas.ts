/**
 * `npm run atlas`: the atlas as a command for analysts. Dispatches to the command table in
 * scripts/atlas/commands.ts; every error names the bad argument and exits 1.
 */
import { UsageError, type CliIo, type Command } from './atlas/command';
import { COMMANDS, overview } from './atlas/commands';

const HELP = ['--help', '-h'];

export async function runAtlas(argv: readonly string[], io: CliIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(overview(commands));
    return 1;
  }
  if (HELP.includes(name) || (name === 'help' && rest.length === 0)) {
    io.out(overview(commands));
    return 0;
  }
  const wanted = name === 'help' ? rest[0] : name;
  const command = commands.find((c) => c.name === wanted);
  if (!command) {
    io.err(`atlas: unknown command "${wanted}" (commands: ${commands.map((c) => c.name).join(', ')}; see npm run -s atlas -- --help)`);
    return 1;
  }
  if (name === 'help' || rest.some((a) => HELP.includes(a))) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) io.err(`atlas ${command.name}: ${e.message}\n(see: npm run -s atlas -- ${command.name} --help)`);
    else io.err(`atlas ${command.name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  }
}

if (process.argv[1] && /atlas\.ts$/.test(process.argv[1])) {
  // `atlas measures | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const io: CliIo = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.env.INIT_CWD ?? process.cwd(),
  };
  void runAtlas(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
