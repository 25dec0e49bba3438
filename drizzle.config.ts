import { defineConfig } from 'drizzle-kit';

// Used only by `npm run db:generate` to write SQL migrations; runtime migration is `regwatch migrate`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema/index.ts',
  out: './migrations',
  strict: true,
});
