import { type Correction, RegwatchError } from '@regwatch/core';
import { applyCorrection, getStory, listStories, storyEditorState } from '@regwatch/db';
import { type ConsoleStoryView, html, renderConsoleStory } from '@regwatch/render';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { redirectWithMessage, sendConsolePage } from '../../console/pages.ts';
import { signedInEditor } from '../../console/require-editor.ts';
import type { FormFields } from '../../subscriptions/preferences-input.ts';
import type { ConsoleDeps, ConsoleScope } from './types.ts';

// The console's stories (issue 14): each story with its items, tags and evidence, and a form for
// each correction. Every form only builds a `Correction` and calls db's `applyCorrection` (one
// transaction with its audit row); the pipeline then keeps it.

type StoryParams = { Params: { id: string } };
type StoryForm = { Params: { id: string }; Body: FormFields | undefined };
type ItemForm = { Params: { id: string; itemId: string }; Body: FormFields | undefined };

const hidden = { hide: true };
const field = (form: FormFields | undefined, name: string) => (form?.[name]?.[0] ?? '').trim();
const storyPath = (id: string) => `/console/stories/${id}`;

export function storyRoutes(scope: ConsoleScope, deps: ConsoleDeps): void {
  const editorOnly = { schema: hidden, preHandler: [deps.requireEditor] };
  const editorForm = { schema: hidden, preHandler: [deps.requireEditor, deps.verifyCsrf] };
  const db = deps.database.db;

  scope.get('/console/stories', editorOnly, async (request, reply) => {
    const page = await listStories(db, { limit: 50 });
    return sendConsolePage(request, reply, {
      section: 'stories',
      title: 'Stories',
      body: html`<p>The newest stories; open one to correct it.</p>
<ul>${page.stories.map((story) => html`<li><a href="${storyPath(story.id)}">${story.title}</a> (story ${story.id}, ${String(story.itemCount)} items)</li>`)}</ul>`,
    });
  });

  scope.get<StoryParams>('/console/stories/:id', editorOnly, async (request, reply) => {
    const found = await getStory(db, request.params.id);
    if (!found) {
      return sendConsolePage(request, reply, {
        section: 'stories',
        title: 'No such story',
        status: 404,
        body: html`<p>There is no story ${request.params.id}: it may have lost its last item. <a href="/console/stories">All stories</a></p>`,
      });
    }
    if (found.mergedInto !== undefined) return reply.redirect(storyPath(found.mergedInto), 301);
    const { story } = found;
    const state = await storyEditorState(db, story.id);
    const view: ConsoleStoryView = {
      id: story.id,
      title: story.title,
      summary: story.summary,
      platforms: story.platforms,
      jurisdictions: story.jurisdictions,
      topics: story.topics,
      items: story.items.map((item) => ({
        id: item.id,
        title: item.title,
        url: item.url,
        sourceName: item.source.name,
        publishedAt: item.publishedAt,
      })),
      editorTags: state?.editorTags ?? [],
      editorText: state?.editorTitle !== null && state?.editorTitle !== undefined,
    };
    return sendConsolePage(request, reply, {
      section: 'stories',
      title: story.title,
      body: (context) => renderConsoleStory(view, { action: storyPath(story.id), csrfToken: context.csrfToken }),
    });
  });

  /** Applies a correction as the signed-in editor, then back to `back` with what happened in one line. */
  async function correct(
    request: FastifyRequest,
    reply: FastifyReply,
    correction: Correction,
    back: (after: Record<string, unknown>) => { path: string; message: string },
    failed: string,
  ) {
    try {
      const result = await applyCorrection(db, signedInEditor(request), correction);
      const next = back(result.after);
      return redirectWithMessage(reply, deps.config, next.path, next.message);
    } catch (error) {
      if (!(error instanceof RegwatchError) || error.status >= 500) throw error;
      return redirectWithMessage(reply, deps.config, failed, error.message);
    }
  }

  scope.post<StoryForm>('/console/stories/:id/text', editorForm, async (request, reply) => {
    const id = request.params.id;
    const correction: Correction = {
      kind: 'write-story-text',
      storyId: id,
      title: field(request.body, 'title'),
      summary: field(request.body, 'summary'),
    };
    return correct(
      request,
      reply,
      correction,
      () => ({ path: storyPath(id), message: 'Title and summary saved.' }),
      storyPath(id),
    );
  });

  scope.post<StoryForm>('/console/stories/:id/merge', editorForm, async (request, reply) => {
    const id = request.params.id;
    const other = field(request.body, 'other');
    const correction: Correction = { kind: 'merge-stories', storyId: other, intoStoryId: id };
    return correct(
      request,
      reply,
      correction,
      () => ({ path: storyPath(id), message: `Story ${other} merged into this one.` }),
      storyPath(id),
    );
  });

  scope.post<StoryForm>('/console/stories/:id/tags', editorForm, async (request, reply) => {
    const id = request.params.id;
    const change = field(request.body, 'change') === 'remove' ? 'remove' : 'add';
    const tag = field(request.body, 'tag');
    // The dimension is as posted: applyCorrection checks it against the schema.
    const correction = {
      kind: 'change-tag',
      storyId: id,
      dimension: field(request.body, 'dimension'),
      tag,
      change,
    } as Correction;
    const message = change === 'add' ? `Tag ${tag} added.` : `Tag ${tag} removed.`;
    return correct(request, reply, correction, () => ({ path: storyPath(id), message }), storyPath(id));
  });

  scope.post<ItemForm>('/console/stories/:id/items/:itemId/move', editorForm, async (request, reply) => {
    const { id, itemId } = request.params;
    const to = field(request.body, 'to');
    const correction: Correction =
      to === '' ? { kind: 'move-item', itemId } : { kind: 'move-item', itemId, toStoryId: to };
    return correct(
      request,
      reply,
      correction,
      (after) => ({ path: storyPath(String(after.storyId)), message: `Item ${itemId} moved here.` }),
      storyPath(id),
    );
  });

  for (const [path, kind, done] of [
    ['take-down', 'take-down-item', 'taken down'],
    ['not-news', 'mark-not-news', 'marked not news'],
  ] as const) {
    scope.post<ItemForm>(`/console/stories/:id/items/:itemId/${path}`, editorForm, async (request, reply) => {
      const { id, itemId } = request.params;
      const story = await getStory(db, id);
      // The story goes when its last item does: back to the list then.
      const back = story && story.story.itemCount > 1 ? storyPath(story.story.id) : '/console/stories';
      return correct(
        request,
        reply,
        { kind, itemId },
        () => ({ path: back, message: `Item ${itemId} ${done}: it stays out of the newsfeed.` }),
        storyPath(id),
      );
    });
  }
}
