import Type from 'typebox';
import type { FastifyTypeBox } from '../types.ts';

export function healthzRoute(app: FastifyTypeBox): void {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness: the process is up',
        tags: ['health'],
        response: { 200: Type.Object({ status: Type.Literal('ok') }, { examples: [{ status: 'ok' }] }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
}
