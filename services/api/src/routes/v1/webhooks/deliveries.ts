import { RegwatchError } from '@regwatch/core';
import { getWebhook, listWebhookDeliveries } from '@regwatch/db';
import { errorResponses } from '../../../schemas/common.ts';
import { DeliveriesQuery, DeliveryList, WebhookNotFound, WebhookParams } from '../../../schemas/webhook.ts';
import type { AppDeps, FastifyTypeBox } from '../../../types.ts';
import { webhookOwner } from '../../../webhooks/webhook-owner.ts';

export function listWebhookDeliveriesRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.get(
    '/v1/webhooks/:id/deliveries',
    {
      schema: {
        operationId: 'listWebhookDeliveries',
        summary: "A webhook's deliveries and their attempts",
        description:
          'Newest first: each event with its status (`pending`, `delivered`, `failed`), every attempt (when, the ' +
          "receiver's status code or what went wrong) and, while pending, when the next attempt is due.",
        tags: ['webhooks'],
        params: WebhookParams,
        querystring: DeliveriesQuery,
        response: { 200: DeliveryList, 404: WebhookNotFound, ...errorResponses },
      },
    },
    async (request, reply) => {
      const apiKeyId = webhookOwner(request, reply);
      const webhook = await getWebhook(deps.database.db, apiKeyId, request.params.id);
      if (!webhook)
        throw new RegwatchError('not_found', `webhook ${request.params.id} does not exist for this API key`);
      return { deliveries: await listWebhookDeliveries(deps.database.db, webhook.id, request.query.limit) };
    },
  );
}
