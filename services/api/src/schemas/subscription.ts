import Type from 'typebox';
import { acceptsKeyword, withoutNul } from './common.ts';

const filterValue = (description: string) =>
  Type.Optional(Type.String({ pattern: withoutNul, maxLength: 4_000, description }));

export const SubscriptionRequest = Type.Object(
  {
    email: Type.String({
      pattern: withoutNul,
      maxLength: 1_000,
      description: 'The address to send the roundup to',
      [acceptsKeyword]: 'an email address such as dpo@example.org',
    }),
    jurisdiction: filterValue('Jurisdiction codes, comma-separated, as in /v1 (`GB,EU`); absent: all'),
    platform: filterValue('Platform ids, comma-separated (`linkedin,meta`); absent: all'),
    topic: filterValue('Topic ids, comma-separated (`enforcement,children`); absent: all'),
    kind: filterValue('Source kinds, comma-separated (`regulator,press`); absent: all'),
    expand: Type.Optional(Type.Boolean({ description: 'A bloc (`EU`, `EEA`) also means its member states' })),
  },
  {
    additionalProperties: false,
    examples: [{ email: 'dpo@example.org', jurisdiction: 'GB,IE', topic: 'enforcement' }],
  },
);

/** The one answer to every well-formed sign-up, so it never tells whether an address is subscribed. */
export const subscriptionAccepted = {
  status: 'pending' as const,
  message: 'If this address can subscribe, a confirmation email is on its way. Nothing is sent until it is confirmed.',
};

export const SubscriptionAccepted = Type.Object(
  {
    status: Type.Literal('pending'),
    message: Type.String(),
  },
  {
    description: 'The same for every well-formed sign-up, whether the address is new, pending or already subscribed',
    examples: [subscriptionAccepted],
  },
);
