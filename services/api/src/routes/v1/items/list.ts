import { decodeCursor, encodeCursor, newsFilter } from '@regwatch/core';
import { listItems } from '@regwatch/db';
import { errorResponses, withExamples } from '../../../schemas/common.ts';
import { exampleItemList, exampleSearchList } from '../../../schemas/examples.ts';
import { ItemList, ItemListQuery } from '../../../schemas/item.ts';
import type { AppDeps, FastifyTypeBox } from '../../../types.ts';

export function listItemsRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.get(
    '/v1/items',
    {
      schema: {
        operationId: 'listItems',
        summary: 'Items, newest first',
        description: 'Keyset-paginated: follow `nextCursor` until it is null. Pages never skip or repeat items.',
        tags: ['items'],
        querystring: ItemListQuery,
        response: { 200: withExamples(ItemList, exampleItemList, exampleSearchList), ...errorResponses },
      },
    },
    async (request) => {
      const { limit = 25, cursor, ...filterQuery } = request.query;
      const page = await listItems(deps.database.db, {
        limit,
        after: cursor === undefined ? undefined : decodeCursor(cursor),
        filter: newsFilter(filterQuery),
      });
      return { data: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  );
}
