import type { LoadFigures } from './load.ts';
import type { ReadyScenario } from './prepare.ts';

export interface ScenarioOutcome {
  scenario: ReadyScenario;
  figures?: LoadFigures;
}

const fixed = (value: number, digits: number) => value.toFixed(digits);

function statuses(outcome: ScenarioOutcome): string {
  const figures = outcome.figures;
  if (!figures) return '';
  const parts = Object.entries(figures.statusCounts).map(([status, count]) => {
    const unexpected = Number(status) !== outcome.scenario.expect;
    return `${unexpected ? 'UNEXPECTED ' : ''}${status}×${count}`;
  });
  if (figures.errors > 0) parts.push(`ERRORS ${figures.errors}`);
  return parts.join(' ');
}

function aimVerdict(outcome: ScenarioOutcome, ratio: number): string {
  const aim = outcome.scenario.aim;
  if (!aim) return '';
  const wanted = `≥ ${aim.ratio}${aim.p99Ms ? `, p99 < ${aim.p99Ms} ms` : ''}`;
  const figures = outcome.figures;
  if (!figures) return `not measured (${wanted})`;
  const clean = Object.keys(figures.statusCounts).every((status) => Number(status) === outcome.scenario.expect);
  const meets = clean && ratio >= aim.ratio && (aim.p99Ms === undefined || figures.p99Ms < aim.p99Ms);
  return `${meets ? 'meets aim' : 'misses aim'} (${wanted})`;
}

/** The ceiling's requests/s: the mean of its measurements (first and last), as the machine drifts. */
export function ceilingOf(outcomes: readonly ScenarioOutcome[]): number {
  const measured = outcomes.filter((outcome) => outcome.scenario.server === 'ceiling' && outcome.figures);
  return measured.reduce((sum, outcome) => sum + (outcome.figures?.requestsPerSecond ?? 0), 0) / measured.length;
}

/** One Markdown table: a row per scenario, figures as ratios to the ceiling, aims checked. */
export function resultsTable(outcomes: readonly ScenarioOutcome[]): string {
  const ceiling = ceilingOf(outcomes);
  const lines = [
    '| scenario | req/s | p50 ms | p99 ms | × ceiling | statuses | server CPU ms/req | PostgreSQL CPU ms/req | aim |',
    '|---|--:|--:|--:|--:|---|--:|--:|---|',
  ];
  for (const outcome of outcomes) {
    const { scenario, figures } = outcome;
    const name = `${scenario.name}`;
    if (!figures) {
      lines.push(`| ${name} | | | | | ${scenario.unavailable ?? 'not run'} | | | ${aimVerdict(outcome, 0)} |`);
      continue;
    }
    const ratio = figures.requestsPerSecond / ceiling;
    const cpu = figures.cpuMsPerRequest;
    lines.push(
      `| ${name} | ${fixed(figures.requestsPerSecond, 0)} | ${fixed(figures.p50Ms, 0)} | ${fixed(figures.p99Ms, 0)} | ` +
        `${fixed(ratio, 2)} | ${statuses(outcome)} | ${fixed(cpu.server ?? 0, 2)} | ` +
        `${cpu.postgres === undefined ? '' : fixed(cpu.postgres, 2)} | ${aimVerdict(outcome, ratio)} |`,
    );
  }
  return lines.join('\n');
}

/** Each scenario's request: path and headers (the API key masked). */
export function requestsTable(outcomes: readonly ScenarioOutcome[]): string {
  return outcomes
    .map(({ scenario }) => {
      const headers = Object.entries(scenario.headers)
        .map(([name, value]) => `${name}: ${name === 'authorization' ? 'Bearer rwk_…' : value}`)
        .join('; ');
      const path = scenario.path.length > 90 ? `${scenario.path.slice(0, 87)}…` : scenario.path;
      return `  ${scenario.name}: GET ${path}${headers ? ` [${headers}]` : ''} → ${scenario.expect}`;
    })
    .join('\n');
}
