/** What `regwatch status` shows, gathered from PostgreSQL and (when it answers) Redis. */
export interface StatusView {
  sources: {
    counts: Record<string, number>;
    /** The sources not ok: failing, dead (and their last error in one line). */
    troubled: { id: string; status: string; lastError: string | null }[];
  };
  /** Per queue: waiting, prioritized (backfill), active, delayed, failed; null when Redis did not answer (`redisProblem` says why). */
  queues: Record<string, Record<string, number>> | null;
  redisProblem: string | null;
  lastEdition: { week: string; status: string; sent: number; failed: number; uncertain: number } | null;
  nextEdition: { week: string; buildAt: string };
}

// 'prioritized': an import's backfill jobs wait there, behind live polls' 'waiting' ones.
const queueStates = ['waiting', 'prioritized', 'active', 'delayed', 'failed'] as const;

// The edition's clock is London's (it is built Friday 08:00 Europe/London); --json keeps the ISO instant.
const londonTime = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** One screen: sources by health (the troubled ones named), queues, the last and next roundup. */
export function formatStatus(view: StatusView): string[] {
  const { counts, troubled } = view.sources;
  const order = ['ok', 'pending', 'failing', 'dead', 'disabled'];
  const summary = order
    .filter((status) => (counts[status] ?? 0) > 0)
    .map((status) => `${counts[status]} ${status === 'disabled' ? 'paused' : status}`);
  const lines = [`sources: ${summary.length > 0 ? summary.join(', ') : 'none yet'}`];
  for (const source of troubled) {
    lines.push(`  ${source.id} (${source.status}): ${oneLine(source.lastError ?? 'no error recorded')}`);
  }
  if (view.queues === null) lines.push(`queues: unknown (${view.redisProblem ?? 'Redis did not answer'})`);
  else {
    lines.push(`queues: ${queueStates.join('/')}`);
    const width = Math.max(...Object.keys(view.queues).map((name) => name.length));
    for (const [name, depth] of Object.entries(view.queues)) {
      lines.push(`  ${name.padEnd(width)}  ${queueStates.map((state) => depth[state] ?? 0).join('/')}`);
    }
  }
  const last = view.lastEdition;
  lines.push(
    last
      ? `last roundup: ${last.week} (${last.status}): ${last.sent} sent, ${last.failed} failed, ${last.uncertain} uncertain`
      : 'last roundup: none yet',
  );
  lines.push(
    `next roundup: ${view.nextEdition.week}, built ${londonTime.format(new Date(view.nextEdition.buildAt))} London time`,
  );
  return lines;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}
