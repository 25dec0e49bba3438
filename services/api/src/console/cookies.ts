import type { CookieSerializeOptions } from '@fastify/cookie';
import type { AppDeps } from '../types.ts';

/** The session cookie's name; the CSRF secret's is `csrfCookieName`. */
export const sessionCookieName = 'regwatch_console';
export const csrfCookieName = 'regwatch_console_csrf';
/** A one-line message for the page a form's POST redirects to (console/pages.ts). */
export const flashCookieName = 'regwatch_console_flash';

/**
 * Both console cookies: signed, never read by scripts, sent only to /console, not on cross-site
 * subresource requests or POSTs (Lax), and only over HTTPS when the instance is served over it.
 */
export function consoleCookieOptions(config: Pick<AppDeps['config'], 'PUBLIC_URL'>): CookieSerializeOptions {
  return {
    path: '/console',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.PUBLIC_URL.startsWith('https:'),
    signed: true,
  };
}
