import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { FormFields } from '../subscriptions/preferences-input.ts';
import type { AppDeps } from '../types.ts';
import { consoleCookieOptions, csrfCookieName } from './cookies.ts';

/** The form field every console POST carries its token in (packages/render `csrfField`). */
export const csrfFieldName = '_csrf';

/**
 * @fastify/csrf-protection's options for the console: the secret lives in its own signed cookie
 * (the plugin's @fastify/cookie mode), each page's forms carry a token made from it, and the token
 * is read from the parsed form (the page scope parses forms into lists of values) or a header.
 */
export function csrfOptions(config: Pick<AppDeps['config'], 'PUBLIC_URL'>) {
  return {
    sessionPlugin: '@fastify/cookie' as const,
    cookieKey: csrfCookieName,
    cookieOpts: consoleCookieOptions(config),
    getToken: (request: FastifyRequest) => {
      const body = request.body as FormFields | undefined;
      const fromForm = body?.[csrfFieldName]?.[0];
      const fromHeader = request.headers['x-csrf-token'];
      return fromForm ?? (typeof fromHeader === 'string' ? fromHeader : undefined);
    },
  };
}

/** A token for the forms of the page being answered (sets the secret cookie on a first visit). */
export function csrfToken(reply: FastifyReply): string {
  return reply.generateCsrf();
}

/**
 * The preHandler that refuses a POST without a valid token: 403, before the handler runs, so
 * nothing changes (the console's error handler answers it as a page). Put it after `requireEditor`.
 */
export function verifyCsrf(scope: FastifyInstance): preHandlerHookHandler {
  return scope.csrfProtection;
}

/** Whether an error is the CSRF plugin's refusal (missing secret or invalid token). */
export function isCsrfRefusal(error: { code?: string }): boolean {
  return error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET';
}
