import type { NewSource } from '@regwatch/db';
import type { SourceDefinition } from '@regwatch/sources';

/**
 * The sources-table row of a catalog source. `replayBase` points the poll at a server that
 * replays recorded responses (the demo); links still resolve against the real URL.
 */
export function catalogRow(definition: SourceDefinition, replayBase?: string): NewSource {
  return {
    id: definition.id,
    name: definition.name,
    kind: definition.kind,
    publisher: definition.publisher ?? null,
    url: replayBase ? `${replayBase}/${definition.id}` : definition.url,
    homepage: definition.homepage,
    format: definition.format,
    formatOptions: { ...definition.options },
    requestBody: definition.request?.body ?? null,
    linkBase: replayBase ? definition.url : null,
    relevance: definition.relevance ?? null,
    fetchArticlePages: definition.fetchArticlePages ?? 'never',
    language: definition.language,
    jurisdictions: [...definition.jurisdictions],
    pollIntervalSeconds: definition.pollIntervalSeconds,
  };
}
