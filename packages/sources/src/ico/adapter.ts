import { RegwatchError } from '@regwatch/core';
import type { SourceAdapter } from '../types.ts';

// Placeholder until the adapter lands: refuses every document with a classified error.
export const icoSearchAdapter: SourceAdapter = {
  format: 'ico-search',
  async parse() {
    throw new RegwatchError('parse_unsupported', 'the ico-search adapter is not written yet');
  },
};
