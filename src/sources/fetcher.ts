/**
 * The port through which clausewatch reads the web. The default adapter is the polite HTTP fetcher
 * (`createHttpFetcher`); a browser fetcher can implement the same port.
 */
export interface Fetcher {
  /** Fetches one URL. Throws `SourceFetchError` for every operational failure. */
  fetch(request: FetchRequest): Promise<FetchResult>;
  /** Releases sockets and timers. */
  close(): Promise<void>;
  /**
   * Checks what a fetch would check before any request is made — today robots.txt — and throws the same
   * `SourceFetchError` the fetch would. Lets another fetcher (the browser) honour the same rules.
   */
  permits?(url: string): Promise<void>;
}

import type { BrowserMode } from '../domain/source.ts';

export interface FetchRequest {
  readonly url: string;
  /** Validators from the previous successful fetch, for a conditional GET. */
  readonly etag?: string | null | undefined;
  readonly lastModified?: string | null | undefined;
  /** Value of the Accept header. @defaultValue HTML, XML and feeds */
  readonly accept?: string | undefined;
  /** Aborts the request (shutdown). */
  readonly signal?: AbortSignal | undefined;
  /**
   * Whether to render the page in a headless browser (see `BrowserMode`). Absent: the configured default. A
   * fetcher without a browser ignores it.
   */
  readonly browser?: BrowserMode | undefined;
  /** The source's body selectors: a browser waits for them; `auto` takes "matches nothing" as a bot wall. */
  readonly select?: readonly string[] | undefined;
  /** An earlier poll needed the browser: with `auto`, skip plain HTTP and render straight away. */
  readonly knownToNeedBrowser?: boolean | undefined;
}

export type FetchResult = NotModified | Fetched;

/** The server answered 304: nothing new since the validators were issued. */
export interface NotModified {
  readonly kind: 'not-modified';
  readonly url: string;
}

export interface Fetched {
  readonly kind: 'fetched';
  /** The URL requested. */
  readonly url: string;
  /** The URL after redirects. */
  readonly finalUrl: string;
  readonly status: number;
  /** Media type without parameters, lower case (`text/html`). Empty when the server sent none. */
  readonly mediaType: string;
  /** The raw body as received (after content decoding), never longer than the body cap. */
  readonly body: Buffer;
  /** The body decoded to text using the charset from the header, a meta tag or the XML prolog. */
  readonly text: string;
  /** Label of the charset used to decode `text`. */
  readonly charset: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** `browser` when a headless browser rendered the page (the HTML after scripts ran). @defaultValue `http` */
  readonly renderedBy?: 'http' | 'browser' | undefined;
}
