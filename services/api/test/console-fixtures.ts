import { hashPassword } from '@regwatch/core';
import { type Db, insertEditor } from '@regwatch/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** The secret the console tests sign cookies with. */
export const testConsoleSecret = 'test-console-secret-0123456789abcdef';
export const editorPassword = 'correct horse battery staple';

export async function addTestEditor(db: Db, email: string, password = editorPassword) {
  const editor = await insertEditor(db, { email, passwordHash: await hashPassword(password) });
  if (!editor) throw new Error(`editor ${email} exists`);
  return editor;
}

/** A cookie jar for inject: what the responses set, sent back on the next request. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  take(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now());
      if (expired || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** The CSRF token of the first form of a page. */
export function csrfTokenOf(markup: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(markup);
  if (!match?.[1]) throw new Error('no CSRF field on the page');
  return match[1];
}

let lastAddress = 0;

/** A console client over inject: GET and POST forms with the jar's cookies, from its own client address. */
export function consoleClient(app: FastifyInstance, jar = new CookieJar(), remoteAddress = nextAddress()) {
  return {
    remoteAddress,
    jar,
    async get(url: string) {
      return jar.take(await app.inject({ method: 'GET', url, remoteAddress, headers: { cookie: jar.header() } }));
    },
    async post(url: string, form: Record<string, string | string[]>) {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries(form)) {
        for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
      }
      return jar.take(
        await app.inject({
          method: 'POST',
          url,
          remoteAddress,
          headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
          payload: body.toString(),
        }),
      );
    },
    /** A POST of a page's form: the CSRF token taken from `page` first. */
    async submit(page: string, url: string, form: Record<string, string | string[]>) {
      const token = csrfTokenOf((await this.get(page)).body);
      return this.post(url, { _csrf: token, ...form });
    },
    async signIn(email: string, password = editorPassword) {
      return this.submit('/console/login', '/console/login', { email, password });
    },
  };
}

/** A client address of its own for each client (the sign-in limit counts per address). */
function nextAddress(): string {
  lastAddress += 1;
  return `10.0.${Math.floor(lastAddress / 250)}.${(lastAddress % 250) + 1}`;
}
