import Type from 'typebox';
import { UriTooLong } from '../schemas/common.ts';
import type { FastifyTypeBox } from '../types.ts';

export function healthzRoute(app: FastifyTypeBox): void {
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'getLiveness',
        summary: 'Liveness: the process is up',
        tags: ['health'],
        response: {
          200: Type.Object({ status: Type.Literal('ok') }, { examples: [{ status: 'ok' }] }),
          414: UriTooLong,
        },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
}
