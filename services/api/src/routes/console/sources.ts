import { checkNewSource, RegwatchError } from '@regwatch/core';
import { getSource, insertSource, recordAudit, setSourceEnabled } from '@regwatch/db';
import { pollIfDue, pollNow, schedulePoll, unschedulePoll } from '@regwatch/queue';
import { type AddSourceForm, consoleSourcesBody } from '@regwatch/render';
import { sourceFormats } from '@regwatch/sources';
import { redirectWithMessage, sendConsolePage } from '../../console/pages.ts';
import { signedInEditor } from '../../console/require-editor.ts';
import { consoleSourceRows } from '../../console/source-rows.ts';
import type { FormFields } from '../../subscriptions/preferences-input.ts';
import type { ConsoleDeps, ConsoleScope } from './types.ts';

type SourceAction = { Params: { id: string }; Body: FormFields | undefined };
const addFields = ['id', 'url', 'name', 'kind', 'jurisdiction', 'interval', 'format', 'homepage'] as const;

/** /console/sources: the list, and the add, pause, resume and poll-now forms (each audited). */
export function sourceRoutes(scope: ConsoleScope, deps: ConsoleDeps): void {
  const page = { schema: { hide: true }, preHandler: [deps.requireEditor] };
  const form = { schema: { hide: true }, preHandler: [deps.requireEditor, deps.verifyCsrf] };
  const db = deps.database.db;

  const showSources = async (
    request: Parameters<typeof sendConsolePage>[0],
    reply: Parameters<typeof sendConsolePage>[1],
    added?: AddSourceForm,
  ) => {
    const rows = await consoleSourceRows(deps.database, new Date(deps.now()));
    return sendConsolePage(request, reply, {
      section: 'sources',
      title: 'Sources',
      status: added ? 400 : 200,
      body: (context) => consoleSourcesBody(context, rows, added),
    });
  };

  scope.get('/console/sources', page, async (request, reply) => showSources(request, reply));

  scope.post<SourceAction>('/console/sources', form, async (request, reply) => {
    const values = Object.fromEntries(addFields.map((name) => [name, request.body?.[name]?.[0]?.trim() ?? '']));
    const checked = checkNewSource(
      { ...values, jurisdictions: (values.jurisdiction ?? '').split(/[\s,]+/) },
      { formats: sourceFormats, label: (field) => field },
    );
    if (!checked.ok) return showSources(request, reply, { values, problems: checked.problems });
    const actor = signedInEditor(request);
    try {
      await db.transaction(async (tx) => {
        const source = await insertSource(tx, checked.source);
        await recordAudit(tx, { actor, action: 'source.add', subject: `source:${source.id}`, after: checked.source });
      });
    } catch (error) {
      if (!(error instanceof RegwatchError && error.code === 'conflict')) throw error;
      return showSources(request, reply, {
        values,
        problems: [`a source with the id "${checked.source.id}" exists already`],
      });
    }
    // Stored; scheduling is a convenience the ingest workers also do within a minute.
    const scheduled = await tryQueue(request, async () => {
      await schedulePoll(deps.pollQueue, checked.source);
      await pollIfDue(deps.pollQueue, checked.source.id);
    });
    return redirectWithMessage(
      reply,
      deps.config,
      '/console/sources',
      `Added ${checked.source.name}${scheduled ? ': its first poll is queued.' : '; the workers will schedule its first poll within a minute.'}`,
    );
  });

  const setEnabled = (enabled: boolean) =>
    async function toggle(
      request: Parameters<typeof sendConsolePage>[0] & { params: { id: string } },
      reply: Parameters<typeof sendConsolePage>[1],
    ) {
      const actor = signedInEditor(request);
      const reason = `paused in the console by ${actor.email}`;
      const changed = await db.transaction(async (tx) => {
        const source = await getSource(tx, request.params.id);
        if (!source) return null;
        await setSourceEnabled(tx, source.id, enabled, enabled ? null : reason);
        await recordAudit(tx, {
          actor,
          action: enabled ? 'source.resume' : 'source.pause',
          subject: `source:${source.id}`,
          before: { enabled: source.enabled, disabledReason: source.disabledReason },
          after: { enabled, disabledReason: enabled ? null : reason },
        });
        return source;
      });
      if (!changed) throw new RegwatchError('not_found', `No source "${request.params.id}": see the list of sources.`);
      await tryQueue(request, () =>
        enabled
          ? schedulePoll(deps.pollQueue, changed).then(() => pollIfDue(deps.pollQueue, changed.id))
          : unschedulePoll(deps.pollQueue, changed.id),
      );
      return redirectWithMessage(
        reply,
        deps.config,
        '/console/sources',
        `${enabled ? 'Resumed' : 'Paused'} ${changed.name}.`,
      );
    };

  scope.post<SourceAction>('/console/sources/:id/pause', form, setEnabled(false));
  scope.post<SourceAction>('/console/sources/:id/resume', form, setEnabled(true));

  scope.post<SourceAction>('/console/sources/:id/poll', form, async (request, reply) => {
    const actor = signedInEditor(request);
    const source = await getSource(db, request.params.id);
    if (!source) throw new RegwatchError('not_found', `No source "${request.params.id}": see the list of sources.`);
    const queued = await tryQueue(request, () => pollNow(deps.pollQueue, source.id).then(() => undefined));
    if (!queued)
      throw new RegwatchError('unavailable', 'The poll could not be queued (Redis is unreachable): try again shortly.');
    await recordAudit(db, { actor, action: 'source.poll', subject: `source:${source.id}`, after: { queued: true } });
    return redirectWithMessage(reply, deps.config, '/console/sources', `Poll of ${source.name} queued.`);
  });
}

/** Runs a queue operation; false (logged) when Redis refuses, so the stored change still stands. */
async function tryQueue(request: { log: { warn: (...args: unknown[]) => void } }, work: () => Promise<void>) {
  try {
    await work();
    return true;
  } catch (error) {
    request.log.warn({ err: error }, 'console: the poll queue is unreachable');
    return false;
  }
}
