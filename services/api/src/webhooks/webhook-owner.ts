import { RegwatchError } from '@regwatch/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The API key a webhook request acts for: webhooks belong to a key, so an anonymous caller (when
 * anonymous reads are allowed) gets 401 with the Bearer challenge. Rejected keys never get here
 * (plugins/auth.ts answers them first).
 */
export function webhookOwner(request: FastifyRequest, reply: FastifyReply): number {
  const principal = request.principal;
  if (principal?.kind === 'api_key') return principal.keyId;
  reply.header('www-authenticate', 'Bearer realm="regwatch"');
  throw new RegwatchError('unauthorized', 'webhooks belong to an API key: send "Authorization: Bearer <API key>"');
}
