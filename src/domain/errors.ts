/**
 * One base class for every error clausewatch raises on purpose. `code` is stable and snake_case so callers
 * and logs can branch on it; `cause` keeps the underlying error.
 */
export class AppError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Codes a fetch can fail with; the tracker reports them, never crashes on them. */
export type FetchErrorCode =
  | 'http_status'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'blocked_address'
  | 'robots_disallowed'
  | 'invalid_url'
  | 'network';

/** A source could not be fetched: network, HTTP status, size, SSRF guard, robots.txt. */
export class SourceFetchError extends AppError {
  readonly url: string;
  readonly status: number | undefined;

  constructor(
    code: FetchErrorCode,
    message: string,
    details: { url: string; status?: number | undefined; cause?: unknown },
  ) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.url = details.url;
    this.status = details.status;
  }
}

/** A fetched page did not yield a document: selector matched nothing, challenge page, empty body. */
export class ExtractError extends AppError {}

/** The configuration is invalid; the message names the key, the bad value and what is expected. */
export class ConfigError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('config_invalid', message, options);
  }
}

/** A chat platform refused or failed a delivery. */
export class DeliveryError extends AppError {}

/** Short, log-safe description of anything thrown. */
export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'unexpected', message: error.message };
  return { code: 'unexpected', message: String(error) };
}
