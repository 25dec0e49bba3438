import { RegwatchError } from '@regwatch/core';
import { deleteWebhook } from '@regwatch/db';
import Type from 'typebox';
import { errorResponses } from '../../../schemas/common.ts';
import { WebhookNotFound, WebhookParams } from '../../../schemas/webhook.ts';
import type { AppDeps, FastifyTypeBox } from '../../../types.ts';
import { webhookOwner } from '../../../webhooks/webhook-owner.ts';

export function deleteWebhookRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.delete(
    '/v1/webhooks/:id',
    {
      schema: {
        operationId: 'deleteWebhook',
        summary: 'Delete a webhook of this API key',
        description: 'Stops its deliveries at once and forgets them and their attempts.',
        tags: ['webhooks'],
        params: WebhookParams,
        response: {
          204: Type.Null({ description: 'Deleted' }),
          404: WebhookNotFound,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const apiKeyId = webhookOwner(request, reply);
      const deleted = await deleteWebhook(deps.database.db, apiKeyId, request.params.id);
      if (!deleted)
        throw new RegwatchError('not_found', `webhook ${request.params.id} does not exist for this API key`);
      request.log.info({ webhook: request.params.id, apiKeyId }, 'webhook deleted');
      return reply.code(204).send(null);
    },
  );
}
