import { nextEditionWeek, parseEditionWeek, RegwatchError } from '@regwatch/core';
import { composeWeek, recordAudit, saveEditionNote } from '@regwatch/db';
import { consoleRoundupBody, renderRoundupEmail } from '@regwatch/render';
import { redirectWithMessage, sendConsolePage } from '../../console/pages.ts';
import { signedInEditor } from '../../console/require-editor.ts';
import { editionContentSecurityPolicy } from '../../plugins/pages.ts';
import type { FormFields } from '../../subscriptions/preferences-input.ts';
import type { ConsoleDeps, ConsoleScope } from './types.ts';

const maxNoteLength = 2_000;
/** The stored-edition policy (plugins/pages.ts), but framed by the console page that shows it. */
const previewContentSecurityPolicy = editionContentSecurityPolicy.replace(
  "frame-ancestors 'none'",
  "frame-ancestors 'self'",
);

function checkedWeek(raw: string | undefined): string {
  if (!raw) throw new RegwatchError('invalid_parameter', 'No edition week was given: reload the page and try again.');
  parseEditionWeek(raw);
  return raw;
}

/** /console/roundup: the next edition as it would be built now, and the editor's note for it (audited). */
export function roundupRoutes(scope: ConsoleScope, deps: ConsoleDeps): void {
  const page = { schema: { hide: true }, preHandler: [deps.requireEditor] };
  const form = { schema: { hide: true }, preHandler: [deps.requireEditor, deps.verifyCsrf] };
  const db = deps.database.db;
  const base = (deps.config.PUBLIC_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');

  scope.get('/console/roundup', page, async (request, reply) => {
    const now = new Date(deps.now());
    const week = nextEditionWeek(now);
    const edition = await composeWeek(db, week, now);
    return sendConsolePage(request, reply, {
      section: 'roundup',
      title: `Next edition: ${week}`,
      body: (context) =>
        consoleRoundupBody(context, {
          week,
          storyCount: edition.storyCount,
          note: edition.note ?? '',
          previewUrl: `/console/roundup/preview?week=${week}`,
        }),
    });
  });

  scope.get<{ Querystring: { week?: string } }>('/console/roundup/preview', page, async (request, reply) => {
    const now = new Date(deps.now());
    const week = request.query.week ? checkedWeek(request.query.week) : nextEditionWeek(now);
    const edition = await composeWeek(db, week, now);
    const rendered = renderRoundupEmail(edition, {
      editionUrl: `${base}/roundups/${week}`,
      subscribeUrl: `${base}/subscribe`,
      manageUrl: null,
      unsubscribeUrl: null,
    });
    return reply
      .code(200)
      .header('content-security-policy', previewContentSecurityPolicy)
      .header('x-frame-options', 'SAMEORIGIN')
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(rendered.html);
  });

  scope.post<{ Body: FormFields | undefined }>('/console/roundup/note', form, async (request, reply) => {
    const week = checkedWeek(request.body?.week?.[0]);
    const note = (request.body?.note?.[0] ?? '').replace(/\r\n/g, '\n').trim();
    if (note.length > maxNoteLength) {
      throw new RegwatchError('invalid_parameter', `The note is longer than ${maxNoteLength} characters: shorten it.`);
    }
    const actor = signedInEditor(request);
    await db.transaction(async (tx) => {
      const { before } = await saveEditionNote(tx, { week, note, editorId: actor.editorId });
      await recordAudit(tx, {
        actor,
        action: 'edition.note',
        subject: `edition:${week}`,
        before: { note: before },
        after: { note: note === '' ? null : note },
      });
    });
    return redirectWithMessage(
      reply,
      deps.config,
      '/console/roundup',
      note === '' ? `The note of ${week} is removed.` : `The note of ${week} is saved.`,
    );
  });
}
