/**
 * Compiles the emails' MJML (packages/render/src/email/templates/sources.ts) into the HTML the
 * renderers fill in. Run after changing the MJML: `npx tsx scripts/compile-email-templates.ts`
 * (packages/render/test/email-templates.test.ts fails while compiled.json is stale).
 */
import { writeFile } from 'node:fs/promises';
import { compileEmailTemplates } from '../packages/render/src/email/templates/compile.ts';

const target = new URL('../packages/render/src/email/templates/compiled.json', import.meta.url);
const templates = await compileEmailTemplates();
await writeFile(target, `${JSON.stringify(templates, null, 2)}\n`);
process.stdout.write(
  `wrote ${target.pathname}: roundup ${templates.roundup.length} B, confirmation ${templates.confirmation.length} B\n`,
);
