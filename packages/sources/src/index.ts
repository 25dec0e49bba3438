export { feedAdapter } from './feed/adapter.ts';
export { adapterFor, sourceFormats } from './registry.ts';
export { charsetFromContentType, decodeDocument } from './shared/decode.ts';
export { testdataDir } from './testdata.ts';
export type { FetchedDocument, SourceAdapter } from './types.ts';
