import { exitCodes } from './exit-codes.ts';
import { help } from './help.ts';
import { type Io, processIo, UsageError } from './io.ts';
import { version } from './version.ts';

// Each command's module is imported when that command runs, not before: together they load the
// database driver, the queue, the API server and the compiled lexicons, which `--version`,
// `help` and `config` do not need (esbuild splits them into chunks of the bundle).
type Command = (args: string[], env: NodeJS.ProcessEnv, io: Io) => Promise<number> | number;

const commands: Record<string, () => Promise<Command>> = {
  migrate: async () => {
    const { migrateCommand } = await import('./commands/migrate.ts');
    return (_args, env, io) => migrateCommand(env, io);
  },
  start: async () => (await import('./commands/start.ts')).startCommand,
  demo: async () => {
    const { demoCommand } = await import('./commands/demo.ts');
    return (_args, env, io) => demoCommand(env, io);
  },
  sources: async () => (await import('./commands/sources.ts')).sourcesCommand,
  import: async () => (await import('./commands/import.ts')).importCommand,
  retag: async () => (await import('./commands/retag.ts')).retagCommand,
  apikey: async () => (await import('./commands/apikey.ts')).apikeyCommand,
  editor: async () => (await import('./commands/editor.ts')).editorCommand,
  roundup: async () => (await import('./commands/roundup.ts')).roundupCommand,
  subscribers: async () => (await import('./commands/subscribers.ts')).subscribersCommand,
  status: async () => (await import('./commands/status.ts')).statusCommand,
  config: async () => {
    const { configCommand } = await import('./commands/config.ts');
    return (_args, env, io) => configCommand(env, io);
  },
};

/**
 * Runs one command line; returns the exit code (see `exitCodes`). Never reads process.env itself:
 * `env` is passed in. Every error goes through one formatter: one line naming what to do;
 * `--verbose` (anywhere before `--`) adds the causes and stacks after it.
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { args, verbose } = takeVerbose(argv);
  const [command, ...rest] = args;
  try {
    return await runCommand(command, rest, env, io);
  } catch (error) {
    // Loaded only on failure: telling a database or Redis error apart needs their packages.
    const { describeError, targetsOf, verboseDetails } = await import('./errors.ts');
    const described = describeError(error, targetsOf(env));
    io.err(`regwatch: ${described.line}`);
    if (verbose) for (const line of verboseDetails(error)) io.err(line);
    return described.exitCode;
  }
}

function takeVerbose(argv: string[]): { args: string[]; verbose: boolean } {
  const end = argv.indexOf('--');
  const head = end === -1 ? argv : argv.slice(0, end);
  const tail = end === -1 ? [] : argv.slice(end);
  const args = [...head.filter((arg) => arg !== '--verbose'), ...tail];
  return { args, verbose: args.length !== argv.length };
}

async function runCommand(command: string | undefined, args: string[], env: NodeJS.ProcessEnv, io: Io) {
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(help);
      return exitCodes.ok;
    case '--version':
    case 'version':
      io.out(version);
      return exitCodes.ok;
  }
  const load = Object.hasOwn(commands, command) ? commands[command] : undefined;
  if (!load) throw new UsageError(`unknown command "${command}"`);
  return await (await load())(args, env, io);
}

/** Entry point of the `regwatch` binary. */
export async function run(): Promise<void> {
  // A reader that stops early (`regwatch config | head`) closes the pipe: that ends the output,
  // it is no error to report with a stack.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  process.exitCode = await main(process.argv.slice(2), process.env, processIo);
}
