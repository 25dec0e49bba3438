import { RegwatchError } from '@regwatch/core';
import type { SourceAdapter } from '../types.ts';

// Placeholder until the adapter lands: refuses every document with a classified error.
export const jsonFeedAdapter: SourceAdapter = {
  format: 'json-feed',
  async parse() {
    throw new RegwatchError('parse_unsupported', 'the json-feed adapter is not written yet');
  },
};
