import type { FastifyRequest, preHandlerAsyncHookHandler, preHandlerHookHandler } from 'fastify';
import type { AppDeps, FastifyTypeBox, PollQueue } from '../../types.ts';

/** The console's page scope: cookies, CSRF and form parsing registered. */
export type ConsoleScope = FastifyTypeBox;

/** What console routes get: the app's dependencies plus the console's guards. */
export interface ConsoleDeps extends AppDeps {
  now: () => number;
  /** deps.pollQueue, or the console's own on `redis` (closed with the app). */
  pollQueue: PollQueue;
  /** preHandler: the signed-in editor in `request.editor`, or a redirect to the sign-in. */
  requireEditor: preHandlerAsyncHookHandler;
  /** preHandler for POST forms, after `requireEditor`: a 403 page unless the CSRF token is valid. */
  verifyCsrf: preHandlerHookHandler;
  /** Spends one sign-in attempt of the client and the account (console/login-limits.ts). */
  loginLimit: (request: FastifyRequest, email: string) => Promise<{ retryAfterSeconds: number } | null>;
}
