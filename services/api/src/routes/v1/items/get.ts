import { RegwatchError } from '@regwatch/core';
import { getItem } from '@regwatch/db';
import { ErrorResponse, errorResponses, withExamples } from '../../../schemas/common.ts';
import { exampleItemDetail } from '../../../schemas/examples.ts';
import { ItemDetail, ItemParams } from '../../../schemas/item.ts';
import type { AppDeps, FastifyTypeBox } from '../../../types.ts';

export function getItemRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.get(
    '/v1/items/:id',
    {
      schema: {
        operationId: 'getItem',
        summary: 'One item, with the evidence behind its tags',
        tags: ['items'],
        params: ItemParams,
        response: { 200: withExamples(ItemDetail, exampleItemDetail), 404: ErrorResponse, ...errorResponses },
      },
    },
    async (request) => {
      const item = await getItem(deps.database.db, request.params.id);
      if (!item) throw new RegwatchError('not_found', `item ${request.params.id} does not exist`);
      return item;
    },
  );
}
