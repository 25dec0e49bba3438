import { getStory, storyEditorState, tagEvidenceOfItems } from '@regwatch/db';
import { renderStoryPage, storyPageItemLimit } from '@regwatch/render';
import { sendNotice } from '../../plugins/pages.ts';
import { StoryParams } from '../../schemas/story.ts';
import { storyItemsPath } from '../../story-links.ts';
import type { AppDeps, FastifyTypeBox } from '../../types.ts';
import { sendPublicPage } from './public-page.ts';

const notFound = (id: string) => ({
  title: 'No such story',
  message: `There is no story ${id}: find it again from the newsfeed at /.`,
});

/**
 * GET /stories/:id: one story with every item, their alternates and the evidence behind each tag.
 * A story merged into another answers 301 to the survivor's page, as /v1/stories/:id does.
 */
export function storyPageRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.get<{ Params: { id: string } }>(
    '/stories/:id',
    { schema: { hide: true, params: StoryParams }, attachValidation: true },
    async (request, reply) => {
      const { id } = request.params;
      if (request.validationError) return sendNotice(reply, 404, notFound(id));
      const found = await getStory(deps.database.db, id);
      if (!found) return sendNotice(reply, 404, notFound(id));
      if (found.mergedInto !== undefined) {
        return reply
          .code(301)
          .header('cache-control', `public, max-age=${deps.config.API_CACHE_MAX_AGE}`)
          .redirect(`/stories/${found.mergedInto}`, 301);
      }
      const shown = found.story.items.slice(0, storyPageItemLimit);
      const evidence = await tagEvidenceOfItems(
        deps.database.db,
        shown.map((item) => item.id),
      );
      const editorTags = (await storyEditorState(deps.database.db, found.story.id))?.editorTags ?? [];
      const markup = renderStoryPage({
        story: found.story,
        evidence,
        editorTags,
        allItemsUrl: storyItemsPath(found.story.id),
      });
      return sendPublicPage(request, reply, markup, deps.config.API_CACHE_MAX_AGE);
    },
  );
}
