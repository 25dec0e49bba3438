import { RegwatchError } from '@regwatch/core';
import type { SourceAdapter } from '../types.ts';

// Placeholder until the adapter lands: refuses every document with a classified error.
export const htmlListAdapter: SourceAdapter = {
  format: 'html-list',
  async parse() {
    throw new RegwatchError('parse_unsupported', 'the html-list adapter is not written yet');
  },
};
