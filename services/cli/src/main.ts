import { apikeyCommand, apikeyHelp } from './commands/apikey.ts';
import { configCommand, configHelp } from './commands/config.ts';
import { demoCommand, demoHelp } from './commands/demo.ts';
import { importCommand, importHelp } from './commands/import.ts';
import { migrateCommand, migrateHelp } from './commands/migrate.ts';
import { retagCommand, retagHelp } from './commands/retag.ts';
import { sourcesCommand, sourcesHelp } from './commands/sources.ts';
import { startCommand, startHelp } from './commands/start.ts';
import { describeError, exitCodes, targetsOf, verboseDetails } from './errors.ts';
import { type Io, processIo, UsageError } from './io.ts';
import { version } from './version.ts';

const help = `regwatch ${version}: a regulatory newsfeed for data-protection officers

${migrateHelp}
${startHelp}
${demoHelp}
${sourcesHelp}
${importHelp}
${retagHelp}
${apikeyHelp}
${configHelp}

Configuration comes from environment variables (see README.md); \`regwatch config\` shows it.
--verbose (with any command) prints an error's causes and stacks after its one line.
Exit codes: 0 done, 1 not possible as asked (unknown source or key, duplicate id), 2 bad usage or
configuration, 3 PostgreSQL or Redis unreachable, refusing the credentials, or not migrated.`;

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
    case 'migrate':
      return await migrateCommand(env, io);
    case 'start':
      return await startCommand(args, env, io);
    case 'demo':
      return await demoCommand(env, io);
    case 'sources':
      return await sourcesCommand(args, env, io);
    case 'import':
      return await importCommand(args, env, io);
    case 'retag':
      return await retagCommand(args, env, io);
    case 'apikey':
      return await apikeyCommand(args, env, io);
    case 'config':
      return configCommand(env, io);
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
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** Entry point of the `regwatch` binary. */
export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), process.env, processIo);
}
