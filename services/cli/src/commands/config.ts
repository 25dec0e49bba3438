import { allConfigFields, describeConfig, loadConfig } from '@regwatch/config';
import type { Io } from '../io.ts';

export const configHelp = `regwatch config
  Prints the configuration this environment gives, secrets redacted, or every problem with it.`;

export function configCommand(env: NodeJS.ProcessEnv, io: Io): number {
  for (const line of describeConfig(allConfigFields, loadConfig(allConfigFields, env))) io.out(line);
  return 0;
}
