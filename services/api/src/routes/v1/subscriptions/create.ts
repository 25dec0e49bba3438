import { ErrorResponse, errorResponses, RateLimited } from '../../../schemas/common.ts';
import { SubscriptionAccepted, SubscriptionRequest, subscriptionAccepted } from '../../../schemas/subscription.ts';
import { closedMessage, type Subscriptions } from '../../../subscriptions/context.ts';
import { checkedSignUp, signUp } from '../../../subscriptions/sign-up.ts';
import type { FastifyTypeBox } from '../../../types.ts';

const SignUpsClosed = {
  ...ErrorResponse,
  description:
    'Sign-ups are not open on this instance (no ROUNDUP_SECRET), or PostgreSQL is unreachable (`unavailable`)',
  examples: [{ error: { code: 'unavailable', message: closedMessage } }],
};

export function createSubscriptionRoute(app: FastifyTypeBox, subscriptions: Subscriptions): void {
  app.post(
    '/v1/subscriptions',
    {
      schema: {
        operationId: 'createSubscription',
        summary: 'Sign up for the weekly roundup email',
        description:
          'Asks for the Friday roundup at an address, filtered by the /v1 filter language (all absent: everything). ' +
          'Nothing is mailed but a confirmation email (at most one a day per address); the roundup starts once its ' +
          'link is confirmed. The answer is 202 and the same for every well-formed request, so it never tells whether ' +
          'an address is already subscribed. At most SUBSCRIBE_CLIENT_RATE sign-ups per client address and ' +
          'SUBSCRIBE_DOMAIN_RATE per mail domain an hour (429 with Retry-After).',
        tags: ['roundup'],
        body: SubscriptionRequest,
        response: {
          202: SubscriptionAccepted,
          ...errorResponses,
          429: RateLimited,
          503: SignUpsClosed,
        },
      },
    },
    async (request, reply) => {
      if (!subscriptions.open(request.log)) {
        return reply.code(503).send({ error: { code: 'unavailable', message: closedMessage } });
      }
      const checked = checkedSignUp(request.body, 'body field');
      const outcome = await signUp(subscriptions, request, checked);
      if (!outcome.accepted) {
        return reply
          .code(429)
          .header('retry-after', String(outcome.refusal.retryAfterSeconds))
          .send({ error: { code: 'rate_limited', message: outcome.refusal.message } });
      }
      return reply.code(202).send(subscriptionAccepted);
    },
  );
}
