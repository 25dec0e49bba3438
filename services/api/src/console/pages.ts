import type { SafeHtml } from '@regwatch/render';
import { type ConsolePageContext, consoleStyleSource, pageStyleSource, renderConsolePage } from '@regwatch/render';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../types.ts';
import { consoleCookieOptions, flashCookieName } from './cookies.ts';
import { csrfToken } from './csrf.ts';
import { signedInEditor } from './require-editor.ts';

/**
 * The pages' policy (plugins/pages.ts) with the console's second stylesheet allowed by its hash,
 * and frames of this origin (the edition preview is the email's HTML in an iframe).
 */
export const consoleContentSecurityPolicy = [
  "default-src 'none'",
  `style-src ${pageStyleSource} ${consoleStyleSource}`,
  "frame-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join(';');

/** Sends console markup: never cached (it is one editor's view), under the console's policy. */
export function sendConsoleMarkup(reply: FastifyReply, status: number, markup: string): FastifyReply {
  return reply
    .code(status)
    .header('content-security-policy', consoleContentSecurityPolicy)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(markup);
}

/** What a console page template needs: the signed-in editor, a fresh CSRF token, the section. */
export function consoleContext(
  request: FastifyRequest,
  reply: FastifyReply,
  section: ConsolePageContext['section'],
): ConsolePageContext {
  return { editor: signedInEditor(request), csrfToken: csrfToken(reply), section };
}

/** Sends a page in the console layout (sub-nav, sign-out) for the signed-in editor. */
export function sendConsolePage(
  request: FastifyRequest,
  reply: FastifyReply,
  page: {
    section: ConsolePageContext['section'];
    title: string;
    body: SafeHtml | ((context: ConsolePageContext) => SafeHtml);
    status?: number;
    message?: { text: string; tone: 'info' | 'error' } | undefined;
  },
): FastifyReply {
  const context = consoleContext(request, reply, page.section);
  const body = typeof page.body === 'function' ? page.body(context) : page.body;
  return sendConsoleMarkup(
    reply,
    page.status ?? 200,
    renderConsolePage(context, { title: page.title, body, message: page.message ?? takeMessage(request, reply) }),
  );
}

/**
 * After a POST: back to a console page (Post/Redirect/Get, so a reload sends nothing again) with
 * a one-line message for it in a short-lived signed cookie, not the URL (a link cannot fake one).
 */
export function redirectWithMessage(
  reply: FastifyReply,
  config: Pick<AppDeps['config'], 'PUBLIC_URL'>,
  path: string,
  message: string,
): FastifyReply {
  reply.setCookie(flashCookieName, message.slice(0, 300), { ...consoleCookieOptions(config), maxAge: 60 });
  return reply.redirect(path, 303);
}

/** The message the last redirect left, once (the cookie is cleared as it is read). */
function takeMessage(request: FastifyRequest, reply: FastifyReply): { text: string; tone: 'info' } | undefined {
  const raw = request.cookies[flashCookieName];
  if (raw === undefined) return undefined;
  reply.clearCookie(flashCookieName, { path: '/console' });
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? { text: unsigned.value, tone: 'info' } : undefined;
}
