import { ConfigError } from '@regwatch/config';
import { isRegwatchError } from '@regwatch/core';
import { apikeyCommand, apikeyHelp } from './commands/apikey.ts';
import { configCommand, configHelp } from './commands/config.ts';
import { demoCommand, demoHelp } from './commands/demo.ts';
import { importCommand, importHelp } from './commands/import.ts';
import { migrateCommand, migrateHelp } from './commands/migrate.ts';
import { retagCommand, retagHelp } from './commands/retag.ts';
import { sourcesCommand, sourcesHelp } from './commands/sources.ts';
import { startCommand, startHelp } from './commands/start.ts';
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

Configuration comes from environment variables (see README.md); \`regwatch config\` shows it.`;

/** Runs one command line; returns the exit code. Never reads process.env itself: `env` is passed in. */
export async function main(argv: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [command, ...args] = argv;
  try {
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
        return 0;
      case '--version':
      case 'version':
        io.out(version);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    io.err(`regwatch: ${error.message}\nrun \`regwatch help\` for usage`);
    return 2;
  }
  if (error instanceof ConfigError) {
    io.err(`regwatch: ${error.message}`);
    return 2;
  }
  // parseArgs throws TypeErrors with codes such as ERR_PARSE_ARGS_UNKNOWN_OPTION.
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    io.err(`regwatch: ${(error as Error).message}\nrun \`regwatch help\` for usage`);
    return 2;
  }
  if (isRegwatchError(error)) {
    io.err(`regwatch: ${error.message}`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`regwatch: ${describeInfrastructureError(error) ?? message}`);
  return 1;
}

/** Connection failures, said in an operator's words. */
function describeInfrastructureError(error: unknown): string | null {
  const { code, address, port } = error as { code?: string; address?: string; port?: number };
  if (code === 'ECONNREFUSED')
    return `cannot connect to ${address ?? 'server'}:${port ?? '?'} (connection refused): is it running?`;
  if (code === '28P01' || code === '28000') return 'PostgreSQL refused the credentials in DATABASE_URL';
  return null;
}

/** Entry point of the `regwatch` binary. */
export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), process.env, processIo);
}
