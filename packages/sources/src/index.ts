export { type ArticleText, articleMinChars, extractArticleText } from './article/extract.ts';
export { catalogSource, sourceCatalog } from './catalog.ts';
export { definitionProblems } from './definition-check.ts';
export { feedAdapter } from './feed/adapter.ts';
export { adapterFor, sourceFormats } from './registry.ts';
export { charsetFromContentType, decodeDocument } from './shared/decode.ts';
export { testdataDir } from './testdata.ts';
export type {
  AdapterOptions,
  FetchedDocument,
  RecordedResponse,
  RelevanceFilter,
  SourceAdapter,
  SourceDefinition,
} from './types.ts';
