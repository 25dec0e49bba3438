import Type from 'typebox';
import { ErrorResponse, Instant, Nullable, withoutNul } from './common.ts';
import { NewsFilterParams } from './news-filter.ts';

/** The /v1 story filter language, without a period (a webhook is about what changes from now on). */
export const WebhookFilter = Type.Object(
  {
    jurisdiction: NewsFilterParams.jurisdiction,
    platform: NewsFilterParams.platform,
    topic: NewsFilterParams.topic,
    kind: NewsFilterParams.kind,
    source: NewsFilterParams.source,
    expand: NewsFilterParams.expand,
    q: NewsFilterParams.q,
  },
  {
    additionalProperties: false,
    description:
      'The stories wanted, in the /v1 filter language (values comma-separated: any; fields: all); {} is every story',
  },
);

export const WebhookRequest = Type.Object(
  {
    url: Type.String({
      pattern: withoutNul,
      minLength: 8,
      maxLength: 2_048,
      description: 'Where deliveries are POSTed: http(s), a public address, no user name or password',
    }),
    filter: Type.Optional(WebhookFilter),
    description: Type.Optional(
      Type.String({ pattern: withoutNul, maxLength: 200, description: 'A note for yourself (which system this is)' }),
    ),
  },
  {
    additionalProperties: false,
    examples: [
      { url: 'https://partner.example/hooks/regwatch', filter: { jurisdiction: 'GB,IE', topic: 'enforcement' } },
    ],
  },
);

export const WebhookParams = Type.Object({
  id: Type.String({ pattern: '^[0-9]{1,18}$', description: 'Webhook id' }),
});

export const Webhook = Type.Object(
  {
    id: Type.String(),
    url: Type.String(),
    filter: WebhookFilter,
    description: Nullable(Type.String()),
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')], {
      description: '`disabled` after a 410 Gone or WEBHOOK_DISABLE_AFTER_FAILURES failed attempts in a row',
    }),
    disabledReason: Nullable(Type.String({ description: 'Why it was disabled, in one line' })),
    disabledAt: Nullable(Instant),
    consecutiveFailures: Type.Integer({ description: 'Failed attempts since the last delivered one' }),
    createdAt: Instant,
  },
  { additionalProperties: false },
);

const exampleWebhook = {
  id: '7',
  url: 'https://partner.example/hooks/regwatch',
  filter: { jurisdiction: 'GB,IE', topic: 'enforcement' },
  description: 'newsletter CMS',
  status: 'active',
  disabledReason: null,
  disabledAt: null,
  consecutiveFailures: 0,
  createdAt: '2026-12-04T18:00:00.000Z',
};

export const CreatedWebhook = Type.Object(
  {
    ...Webhook.properties,
    secret: Type.String({
      description:
        'The signing secret (`whsec_` + base64), shown this once: verify every delivery with it (Standard Webhooks)',
    }),
  },
  {
    additionalProperties: false,
    description: 'Registered: deliveries start with the next story created or changed (no backfill)',
    examples: [{ ...exampleWebhook, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }],
  },
);

export const WebhookList = Type.Object(
  { webhooks: Type.Array(Webhook) },
  { description: "This API key's webhooks, oldest first", examples: [{ webhooks: [exampleWebhook] }] },
);

export const OneWebhook = { ...Webhook, examples: [exampleWebhook] };

const Attempt = Type.Object(
  {
    at: Instant,
    statusCode: Nullable(Type.Integer({ description: "The receiver's HTTP status, when it answered" })),
    error: Nullable(
      Type.String({ description: 'What went wrong when there was no answer (timeout, refused), one line' }),
    ),
    durationMs: Type.Integer(),
  },
  { additionalProperties: false },
);

const Delivery = Type.Object(
  {
    id: Type.String(),
    messageId: Type.String({ description: 'The `webhook-id` header: the same on every attempt' }),
    eventType: Type.Union([Type.Literal('story.created'), Type.Literal('story.updated')]),
    storyId: Type.String(),
    status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
    createdAt: Instant,
    nextAttemptAt: Nullable({ ...Instant, description: 'When the next attempt is due; null once settled' }),
    attempts: Type.Array(Attempt),
  },
  { additionalProperties: false },
);

export const DeliveryList = Type.Object(
  { deliveries: Type.Array(Delivery) },
  {
    description: 'The newest deliveries first, each with its attempts',
    examples: [
      {
        deliveries: [
          {
            id: '42',
            messageId: 'msg_7_1093_1796407200123',
            eventType: 'story.created',
            storyId: '1093',
            status: 'delivered',
            createdAt: '2026-12-04T18:00:05.000Z',
            nextAttemptAt: null,
            attempts: [
              { at: '2026-12-04T18:00:05.100Z', statusCode: 500, error: null, durationMs: 38 },
              { at: '2026-12-04T18:00:35.200Z', statusCode: 200, error: null, durationMs: 21 },
            ],
          },
        ],
      },
    ],
  },
);

export const DeliveriesQuery = Type.Object(
  { limit: Type.Integer({ minimum: 1, maximum: 100, default: 25, description: 'Deliveries to list' }) },
  { additionalProperties: false },
);

export const WebhookNotFound = {
  ...ErrorResponse,
  description: 'No webhook of this API key has this id (`not_found`)',
};
