import { RegwatchError } from '@regwatch/core';
import type { SourceAdapter } from '../types.ts';

// Placeholder until the adapter lands: refuses every document with a classified error.
export const aiaaicCsvAdapter: SourceAdapter = {
  format: 'aiaaic-csv',
  async parse() {
    throw new RegwatchError('parse_unsupported', 'the aiaaic-csv adapter is not written yet');
  },
};
