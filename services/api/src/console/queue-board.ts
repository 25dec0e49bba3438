import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { createQueues, createRoundupQueue } from '@regwatch/queue';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { AppDeps, PollQueue } from '../types.ts';

export const queueBoardPath = '/console/queues';

/**
 * Bull Board runs a script-driven app from its own assets and calls its JSON API: scripts, styles
 * and fetches from this origin only (its web fonts from Google stay blocked: no third party sees
 * an editor), inline styles for its loading screen, never framed.
 */
export const queueBoardContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join(';');

/**
 * The queue dashboard at /console/queues, over every queue of packages/queue, in a scope of its
 * own: `requireEditor` on every request under it (pages, assets, its API: a visitor without a
 * session is sent to the sign-in), and its own CSP in place of the pages' script-free one. Its
 * actions (retry, clean) are JSON calls: SameSite=Lax keeps the session cookie off other sites'
 * requests, and a JSON body needs a CORS preflight no other origin passes.
 */
export async function registerQueueBoard(
  scope: FastifyInstance,
  deps: Pick<AppDeps, 'redis' | 'config'> & { pollQueue: PollQueue; requireEditor: preHandlerAsyncHookHandler },
): Promise<void> {
  const options = { connection: deps.redis, prefix: deps.config.QUEUE_PREFIX };
  const queues = createQueues(options);
  const roundup = createRoundupQueue(options);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(queueBoardPath);
  createBullBoard({
    queues: [deps.pollQueue, queues.process, queues.article, queues.maintenance, roundup].map(
      (queue) => new BullMQAdapter(queue),
    ),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Regwatch queues' } },
  });
  await scope.register(async (board) => {
    board.addHook('onRequest', deps.requireEditor);
    board.addHook('onSend', async (_request, reply, payload) => {
      reply.header('content-security-policy', queueBoardContentSecurityPolicy);
      reply.header('cache-control', 'no-store');
      return payload;
    });
    board.addHook('onClose', async () => {
      await Promise.all([queues.close(), roundup.close()]);
    });
    await board.register(serverAdapter.registerPlugin(), { prefix: queueBoardPath });
  });
}
