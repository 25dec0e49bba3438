import type { FastifyRequest } from 'fastify';

/** The absolute base URL of the API: PUBLIC_URL, else what the request says it was sent to. */
export function baseUrl(request: FastifyRequest, publicUrl: string): string {
  return publicUrl !== '' ? publicUrl : `${request.protocol}://${request.host}`;
}

/**
 * The query of a feed URL with its parameters sorted and empty ones left out, so two spellings of
 * one filter share a cache entry, an ETag and a feed id.
 */
export function canonicalQuery(query: Record<string, unknown>): string {
  const parameters = new URLSearchParams();
  for (const name of Object.keys(query).sort()) {
    const value = query[name];
    if (value === undefined || value === '') continue;
    parameters.set(name, String(value));
  }
  const text = parameters.toString();
  return text === '' ? '' : `?${text}`;
}
