import { allConfigFields, describeConfig, loadConfig } from '@regwatch/config';
import type { Io } from '../io.ts';

export function configCommand(env: NodeJS.ProcessEnv, io: Io): number {
  for (const line of describeConfig(allConfigFields, loadConfig(allConfigFields, env))) io.out(line);
  return 0;
}
