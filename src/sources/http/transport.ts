// One HTTP exchange: a single GET to a single URL, bounded in time and size. No redirects, retries or robots.
import type { Dispatcher } from 'undici';
import { abortedFetchError, DeadlineError, toFetchError, type TimeoutSettings } from './fetch-errors.ts';
import { assertAnnouncedLength, readCappedBody } from './read-body.ts';

/** Response headers as undici reports them. */
export type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** The outcome of one exchange. */
export interface Exchange {
  readonly status: number;
  readonly headers: ResponseHeaders;
  /** The decoded body of a 2xx response; `null` for every other status (its body is discarded). */
  readonly body: Buffer | null;
}

export interface ExchangeRequest {
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly maxBodyBytes: number;
  readonly signal?: AbortSignal | undefined;
}

/** Performs one exchange; throws `SourceFetchError` on every failure. */
export type PerformExchange = (request: ExchangeRequest) => Promise<Exchange>;

export interface TransportOptions {
  readonly dispatcher: Dispatcher;
  readonly timeouts: TimeoutSettings;
}

/**
 * Creates the exchange function. `totalTimeoutMs` bounds one exchange from sending the request to the last body
 * byte; the connect deadline is enforced by the connector.
 */
export function createTransport({ dispatcher, timeouts }: TransportOptions): PerformExchange {
  return async (request) => {
    const deadline = new AbortController();
    const timer = setTimeout(() => {
      deadline.abort(new DeadlineError('total', timeouts.totalTimeoutMs));
    }, timeouts.totalTimeoutMs);
    const signal = request.signal === undefined ? deadline.signal : AbortSignal.any([request.signal, deadline.signal]);
    try {
      const response = await dispatcher.request({
        origin: request.url.origin,
        path: `${request.url.pathname}${request.url.search}`,
        method: 'GET',
        headers: request.headers,
        signal,
      });
      return await readResponse(response, request.maxBodyBytes);
    } catch (error) {
      if (request.signal?.aborted === true) throw abortedFetchError(request.url.href, request.signal.reason);
      // Once our deadline fired, whatever undici or the stream pipeline threw is a consequence of it.
      throw toFetchError(deadline.signal.aborted ? deadline.signal.reason : error, request.url.href, timeouts);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** First value of a response header. */
export function headerValue(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readResponse(response: Dispatcher.ResponseData, maxBodyBytes: number): Promise<Exchange> {
  const { statusCode: status, headers, body } = response;
  if (status < 200 || status > 299) {
    await body.dump();
    return { status, headers, body: null };
  }
  try {
    assertAnnouncedLength(headerValue(headers, 'content-length'), maxBodyBytes);
  } catch (error) {
    body.destroy();
    throw error;
  }
  const decoded = await readCappedBody(body, headerValue(headers, 'content-encoding'), maxBodyBytes);
  return { status, headers, body: decoded };
}
