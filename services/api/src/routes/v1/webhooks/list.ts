import { listWebhooks } from '@regwatch/db';
import { errorResponses } from '../../../schemas/common.ts';
import { WebhookList } from '../../../schemas/webhook.ts';
import type { AppDeps, FastifyTypeBox } from '../../../types.ts';
import { webhookOwner } from '../../../webhooks/webhook-owner.ts';

export function listWebhooksRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.get(
    '/v1/webhooks',
    {
      schema: {
        operationId: 'listWebhooks',
        summary: "This API key's webhooks",
        description: 'Only the webhooks registered with the key sent; never their secrets.',
        tags: ['webhooks'],
        response: { 200: WebhookList, ...errorResponses },
      },
    },
    async (request, reply) => {
      const apiKeyId = webhookOwner(request, reply);
      return { webhooks: await listWebhooks(deps.database.db, apiKeyId) };
    },
  );
}
