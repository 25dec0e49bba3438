import { RegwatchError } from '@regwatch/core';
import { getWebhook } from '@regwatch/db';
import { errorResponses } from '../../../schemas/common.ts';
import { OneWebhook, WebhookNotFound, WebhookParams } from '../../../schemas/webhook.ts';
import type { AppDeps, FastifyTypeBox } from '../../../types.ts';
import { webhookOwner } from '../../../webhooks/webhook-owner.ts';

export function getWebhookRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.get(
    '/v1/webhooks/:id',
    {
      schema: {
        operationId: 'getWebhook',
        summary: 'One webhook of this API key',
        description: 'Its status says whether it is still delivered to, and why not (410 Gone, failures in a row).',
        tags: ['webhooks'],
        params: WebhookParams,
        response: { 200: OneWebhook, 404: WebhookNotFound, ...errorResponses },
      },
    },
    async (request, reply) => {
      const apiKeyId = webhookOwner(request, reply);
      const webhook = await getWebhook(deps.database.db, apiKeyId, request.params.id);
      if (!webhook)
        throw new RegwatchError('not_found', `webhook ${request.params.id} does not exist for this API key`);
      return webhook;
    },
  );
}
