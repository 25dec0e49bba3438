import { randomBytes } from 'node:crypto';
import { checkWebhookFilter, parseWebhookUrl, RegwatchError, webhookSecret, webhookSecretBytes } from '@regwatch/core';
import { createWebhook, listWebhooks } from '@regwatch/db';
import { ErrorResponse, errorResponses } from '../../../schemas/common.ts';
import { CreatedWebhook, WebhookRequest } from '../../../schemas/webhook.ts';
import type { AppDeps, FastifyTypeBox } from '../../../types.ts';
import { allowedCidrs, checkWebhookTarget } from '../../../webhooks/check-target.ts';
import { webhookOwner } from '../../../webhooks/webhook-owner.ts';

/** Webhooks one API key may hold: enough for a few systems, not a way to fan one key's events out. */
export const maxWebhooksPerKey = 20;

export function createWebhookRoute(app: FastifyTypeBox, deps: AppDeps): void {
  const allow = allowedCidrs(deps.config.FETCH_ALLOW_ADDRESSES);
  app.post(
    '/v1/webhooks',
    {
      schema: {
        operationId: 'createWebhook',
        summary: 'Register a webhook: story events POSTed to a URL',
        description:
          'Registers a URL and a filter (the /v1 story filter language) for this API key. From now on (no backfill), ' +
          'every story created or changed that the filter matches is POSTed to the URL as `story.created` or ' +
          '`story.updated`, signed the Standard Webhooks way (`webhook-id`, `webhook-timestamp`, `webhook-signature`) ' +
          'with the secret in this answer, which is shown only once. The URL must be http(s) on a public address.',
        tags: ['webhooks'],
        body: WebhookRequest,
        response: {
          201: CreatedWebhook,
          409: { ...ErrorResponse, description: `This key already has ${maxWebhooksPerKey} webhooks (\`conflict\`)` },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const apiKeyId = webhookOwner(request, reply);
      const url = parseWebhookUrl(request.body.url);
      const filter = checkWebhookFilter(request.body.filter ?? {});
      await checkWebhookTarget(url, allow);
      if ((await listWebhooks(deps.database.db, apiKeyId)).length >= maxWebhooksPerKey) {
        throw new RegwatchError(
          'conflict',
          `this API key already has ${maxWebhooksPerKey} webhooks: delete one (DELETE /v1/webhooks/:id) first`,
        );
      }
      const secret = webhookSecret(randomBytes(webhookSecretBytes));
      const description = request.body.description?.trim() || null;
      const webhook = await createWebhook(deps.database.db, { apiKeyId, url: url.href, filter, description, secret });
      request.log.info({ webhook: webhook.id, apiKeyId }, 'webhook registered');
      return reply
        .code(201)
        .header('location', `/v1/webhooks/${webhook.id}`)
        .send({ ...webhook, secret });
    },
  );
}
