import { describe, expect, it } from 'vitest';
import { resolveLogFormat } from '../src/logger.ts';

describe('LOG_FORMAT (issue 14)', () => {
  it('auto is pretty on a terminal and JSON in a pipe; json and pretty are kept', () => {
    expect(resolveLogFormat('auto', true)).toBe('pretty');
    expect(resolveLogFormat('auto', false)).toBe('json');
    expect(resolveLogFormat('json', true)).toBe('json');
    expect(resolveLogFormat('pretty', false)).toBe('pretty');
  });
});
