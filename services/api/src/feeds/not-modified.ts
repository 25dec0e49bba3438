import type { FastifyReply } from 'fastify';

/**
 * 304 with no body. Sent without a payload: the route's `null` schema would serialise to four
 * bytes, announced by a Content-Length some clients then wait for.
 */
export function sendNotModified(reply: FastifyReply) {
  reply.code(304);
  reply.removeHeader('content-type');
  return reply.send();
}
