import { parseEditionWeek, RegwatchError } from '@regwatch/core';
import { getRoundupEdition, listRoundupEditions } from '@regwatch/db';
import { renderRoundupsPage } from '@regwatch/render';
import { editionContentSecurityPolicy, sendNotice, sendPage } from '../../plugins/pages.ts';
import type { AppDeps, FastifyTypeBox } from '../../types.ts';

type WeekParams = { Params: { week: string } };

/** GET /roundups: the stored editions; GET /roundups/:week: one edition's stored HTML, as mailed. */
export function roundupPageRoutes(app: FastifyTypeBox, deps: AppDeps): void {
  const cacheControl = `public, max-age=${deps.config.API_CACHE_MAX_AGE}`;

  app.get('/roundups', { schema: { hide: true } }, async (_request, reply) => {
    const editions = await listRoundupEditions(deps.database.db);
    return sendPage(reply, 200, renderRoundupsPage(editions)).header('cache-control', cacheControl);
  });

  app.get<WeekParams>('/roundups/:week', { schema: { hide: true } }, async (request, reply) => {
    const { week } = request.params;
    try {
      parseEditionWeek(week);
    } catch (error) {
      if (!(error instanceof RegwatchError)) throw error;
      return sendNotice(reply, 400, {
        title: 'Not a week',
        message: `${error.message}: see /roundups for the editions.`,
      });
    }
    const edition = await getRoundupEdition(deps.database.db, week);
    if (!edition) {
      return sendNotice(reply, 404, {
        title: 'No such edition',
        message: `No roundup was built for ${week}: see /roundups for the editions.`,
      });
    }
    return reply
      .code(200)
      .header('content-security-policy', editionContentSecurityPolicy)
      .header('cache-control', cacheControl)
      .type('text/html; charset=utf-8')
      .send(edition.html);
  });
}
