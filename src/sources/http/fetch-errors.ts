// Internal failure signals of the HTTP fetcher and the one place that turns anything thrown into SourceFetchError.
import { SourceFetchError } from '../../domain/errors.ts';
import type { BlockedRange } from './address-guard.ts';

/** The SSRF guard refused a host or a resolved address before any connection was opened. */
export class AddressRefusedError extends Error {
  constructor(
    readonly range: BlockedRange,
    /** The refused IP, or the host name when the name itself is refused (metadata services). */
    readonly address: string,
  ) {
    super(`refused ${range} address ${address}`);
    this.name = 'AddressRefusedError';
  }
}

/** A connect (DNS + TCP + TLS) or whole-exchange deadline passed. */
export class DeadlineError extends Error {
  constructor(
    readonly phase: 'connect' | 'total',
    readonly timeoutMs: number,
  ) {
    super(`${phase === 'connect' ? 'connect ' : ''}timed out after ${timeoutMs} ms`);
    this.name = 'DeadlineError';
  }
}

/** The body passed the cap, or its Content-Length announced that it would. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly limitBytes: number,
    readonly announcedBytes?: number,
  ) {
    super(
      announcedBytes === undefined
        ? `body larger than ${limitBytes} bytes`
        : `Content-Length ${announcedBytes} exceeds the ${limitBytes}-byte cap`,
    );
    this.name = 'BodyTooLargeError';
  }
}

/** What `toFetchError` needs to know to word timeouts raised by undici itself. */
export interface TimeoutSettings {
  readonly connectTimeoutMs: number;
  readonly totalTimeoutMs: number;
}

// undici error codes that mean "too slow" rather than "broken".
const UNDICI_TIMEOUTS: Readonly<Record<string, 'connect' | 'total'>> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect',
  UND_ERR_HEADERS_TIMEOUT: 'total',
  UND_ERR_BODY_TIMEOUT: 'total',
};

/**
 * Wraps anything thrown while fetching `url` into a `SourceFetchError` whose message names the URL and the reason.
 * `SourceFetchError`s pass through untouched.
 */
export function toFetchError(error: unknown, url: string, timeouts: TimeoutSettings): SourceFetchError {
  if (error instanceof SourceFetchError) return error;
  const cause = error;
  if (error instanceof AddressRefusedError) {
    return new SourceFetchError('blocked_address', `${error.message} for ${url}`, { url, cause });
  }
  if (error instanceof DeadlineError) {
    return new SourceFetchError('timeout', `${error.message}: ${url}`, { url, cause });
  }
  if (error instanceof BodyTooLargeError) {
    return new SourceFetchError('too_large', `${error.message}: ${url}`, { url, cause });
  }
  const code = errorCode(error);
  const phase = code === undefined ? undefined : UNDICI_TIMEOUTS[code];
  if (phase !== undefined) {
    const deadline = new DeadlineError(
      phase,
      phase === 'connect' ? timeouts.connectTimeoutMs : timeouts.totalTimeoutMs,
    );
    return new SourceFetchError('timeout', `${deadline.message}: ${url}`, { url, cause });
  }
  return new SourceFetchError('network', `network error for ${url}: ${describe(error, code)}`, { url, cause });
}

/**
 * True for failures worth another try: network trouble such as a reset, a refused connection or a DNS hiccup.
 * TLS certificate rejections are network errors too, but retrying cannot fix them.
 */
export function isTransientFailure(error: unknown): boolean {
  if (!(error instanceof SourceFetchError) || error.code !== 'network') return false;
  const code = errorCode(error.cause);
  return code === undefined || !(code.startsWith('ERR_TLS_') || code.includes('CERT'));
}

/** The caller's signal stopped the fetch (shutdown); reported as a network failure and never retried. */
export function abortedFetchError(url: string, reason: unknown): SourceFetchError {
  return new SourceFetchError('network', `aborted: ${url}`, { url, cause: reason });
}

function errorCode(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object' || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function describe(error: unknown, code: string | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  return code === undefined || message.includes(code) ? message : `${code} ${message}`;
}
