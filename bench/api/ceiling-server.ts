/**
 * The ceiling of the API bench: a bare Fastify app with one route answering a small JSON object,
 * run as its own process the same way as the API, so the ratio to it shows what Regwatch's
 * plugins, queries and serialisation cost on this machine at this moment.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: Number(process.argv[2]) });
process.on('SIGTERM', () => {
  app.close().then(() => process.exit(0));
});
