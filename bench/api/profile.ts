import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a server process spent its CPU, from the V8 profile `node --cpu-prof` wrote at exit: self
 * time grouped by package (node_modules), by Regwatch source file, or by Node internal module.
 * The profile covers the process's whole life, so start-up (module loading, about a second) is in
 * it; tsx's loader thread writes a second profile, which is left out.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function groupOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules !== -1) {
    const [first, second] = url.slice(modules + '/node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? url);
  }
  const own = /\/((?:packages|services)\/.+)$/.exec(url);
  if (own?.[1]) return own[1];
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  return functionName ? `(${functionName.replace(/[()]/g, '')})` : '(native)';
}

/** The largest groups, as lines "share  ms  group", out of the time the process was not idle. */
export function profileSummary(folder: string, top = 25): string {
  // The main thread's profile is numbered first (CPU.<date>.<time>.<pid>.0.001.cpuprofile).
  const file = readdirSync(folder)
    .filter((name) => name.endsWith('.cpuprofile'))
    .sort()[0];
  if (!file) return `no .cpuprofile in ${folder}`;
  const profile = JSON.parse(readFileSync(join(folder, file), 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const spent = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    if (!node) return;
    const group = groupOf(node);
    spent.set(group, (spent.get(group) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  spent.delete('(idle)');
  const busy = [...spent.values()].reduce((sum, ms) => sum + ms, 0);
  return [...spent]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([group, ms]) => `${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${group}`)
    .join('\n');
}
