import { describe, expect, it } from 'vitest';
import { compileEmailTemplates } from '../src/email/templates/compile.ts';
import compiled from '../src/email/templates/compiled.json' with { type: 'json' };

describe('compiled email templates', () => {
  it('are what the MJML compiles to now (run `npx tsx scripts/compile-email-templates.ts` after editing it)', async () => {
    expect(await compileEmailTemplates()).toEqual(compiled);
  });

  it('hold every slot the renderers fill and load nothing from the network', () => {
    for (const slot of ['TITLE', 'PREHEADER', 'WEEK', 'COUNT', 'CONTENTS', 'SECTIONS', 'FOOTER']) {
      expect(compiled.roundup).toContain(`%%${slot}%%`);
    }
    for (const slot of ['TITLE', 'PREHEADER', 'ASKED', 'CONFIRM_URL', 'DETAILS', 'FOOTER']) {
      expect(compiled.confirmation).toContain(`%%${slot}%%`);
    }
    for (const template of [compiled.roundup, compiled.confirmation]) {
      expect(template.replace(/xmlns(:\w+)?="[^"]*"/g, '')).not.toMatch(/https?:\/\/|<img|<link|@import/i);
    }
  });
});
