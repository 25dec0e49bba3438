/**
 * The closed set of error codes Regwatch uses. Every edge (HTTP, workers, CLI) maps these,
 * and nothing else, to its own vocabulary: a status code, a retry decision, an exit code.
 */
export const errorCodes = {
  // Caller mistakes (HTTP 4xx, CLI usage errors).
  invalid_parameter: { status: 400, permanent: true },
  invalid_cursor: { status: 400, permanent: true },
  unauthorized: { status: 401, permanent: true },
  not_found: { status: 404, permanent: true },
  method_not_allowed: { status: 405, permanent: true },
  request_timeout: { status: 408, permanent: false },
  conflict: { status: 409, permanent: true },
  payload_too_large: { status: 413, permanent: true },
  uri_too_long: { status: 414, permanent: true },
  unsupported_media_type: { status: 415, permanent: true },
  rate_limited: { status: 429, permanent: false },
  headers_too_large: { status: 431, permanent: true },
  invalid_config: { status: 500, permanent: true },
  // Fetching a source.
  fetch_timeout: { status: 502, permanent: false },
  fetch_network: { status: 502, permanent: false },
  fetch_http_status: { status: 502, permanent: false },
  fetch_too_large: { status: 502, permanent: false },
  fetch_too_many_redirects: { status: 502, permanent: false },
  fetch_bad_url: { status: 400, permanent: true },
  fetch_blocked_address: { status: 502, permanent: true },
  // Parsing what a source served.
  parse_malformed: { status: 422, permanent: true },
  parse_unsupported: { status: 422, permanent: true },
  // Infrastructure.
  unavailable: { status: 503, permanent: false },
  internal: { status: 500, permanent: false },
} as const satisfies Record<string, { status: number; permanent: boolean }>;

export type ErrorCode = keyof typeof errorCodes;

export class RegwatchError extends Error {
  override readonly name = 'RegwatchError';
  readonly code: ErrorCode;
  /** Extra, non-secret facts an edge may show (e.g. the HTTP status a source answered). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options?.details ?? {};
  }

  get status(): number {
    return errorCodes[this.code].status;
  }

  /** A permanent failure will fail the same way if retried unchanged. */
  get permanent(): boolean {
    return errorCodes[this.code].permanent;
  }
}

export function isRegwatchError(value: unknown): value is RegwatchError {
  return value instanceof RegwatchError;
}
