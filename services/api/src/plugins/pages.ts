import { isRegwatchError } from '@regwatch/core';
import { isConnectionError } from '@regwatch/db';
import { pageStyleSource, renderNoticePage } from '@regwatch/render';
import type { FastifyError, FastifyReply } from 'fastify';
import { parseForm } from '../subscriptions/preferences-input.ts';
import type { FastifyTypeBox } from '../types.ts';
import { unavailableRetryAfterSeconds } from './errors.ts';

/**
 * The HTML pages' policy (the API's own allows nothing: plugins/security-headers.ts): their one
 * stylesheet by its hash, forms posting back here, nothing else. No script runs on them.
 */
export const pageContentSecurityPolicy = [
  "default-src 'none'",
  `style-src ${pageStyleSource}`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join(';');

/**
 * A stored edition is email HTML (MJML's output), styled by `style` attributes and blocks a hash
 * cannot list (a hash covers `<style>` elements only): 'unsafe-inline' for styles is the only
 * sane choice. Scripts and forms stay forbidden, so inline style is all it allows.
 */
export const editionContentSecurityPolicy = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join(';');

/**
 * Sends a page. `no-store`: pages reached by a link's token are the subscriber's own and must not
 * be kept by caches (Referrer-Policy no-referrer, from helmet, keeps the token out of the next site's logs).
 */
export function sendPage(reply: FastifyReply, status: number, markup: string): FastifyReply {
  return reply
    .code(status)
    .header('content-security-policy', pageContentSecurityPolicy)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(markup);
}

export function sendNotice(
  reply: FastifyReply,
  status: number,
  notice: { title: string; message: string },
): FastifyReply {
  return sendPage(reply, status, renderNoticePage({ ...notice, tone: status >= 400 ? 'error' : 'info' }));
}

/**
 * A scope for the HTML pages: form bodies parsed into lists of values; any other body accepted
 * and ignored (RFC 8058's one-click POST may come as multipart/form-data, and the confirm and
 * unsubscribe buttons need no body at all); errors answered as pages, not JSON.
 */
export async function registerPageScope(
  app: FastifyTypeBox,
  routes: (scope: FastifyTypeBox) => void | Promise<void>,
): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
      done(null, parseForm(String(body))),
    );
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined));
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      if (isConnectionError(error)) {
        reply.header('retry-after', String(unavailableRetryAfterSeconds));
        return sendNotice(reply, 503, {
          title: 'Temporarily unavailable',
          message: `The service is temporarily unavailable: try again in ${unavailableRetryAfterSeconds} seconds.`,
        });
      }
      const status = isRegwatchError(error) ? error.status : (error.statusCode ?? 500);
      if (status < 500) return sendNotice(reply, status, { title: 'That did not work', message: error.message });
      request.log.error({ err: error }, 'page failed');
      return sendNotice(reply, 500, {
        title: 'Something went wrong',
        message: 'Something went wrong on our side: try again later.',
      });
    });
    await routes(scope as unknown as FastifyTypeBox);
  });
}
