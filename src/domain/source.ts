/** What a source publishes: a terms document, a news feed, or a news listing page without a feed. */
export type SourceKind = 'terms' | 'feed' | 'page';

/**
 * Whether a source is fetched through a headless browser. `auto`: plain HTTP first, the browser when HTTP meets a
 * bot wall (403/406/503, a challenge page, a script-only shell) or the body selector matches nothing, and from
 * then on straight away (remembered in the source's health). `always`: the page renders only with scripts.
 * `never`: plain HTTP only.
 */
export type BrowserMode = 'auto' | 'always' | 'never';

/** CSS selectors that find news items on a listing page (`kind: page`). */
export interface ListingSelectors {
  /** Each match is one item. */
  readonly item: string;
  /** Inside an item: its title. */
  readonly title: string;
  /** Inside an item: the link (default: the first `a[href]`). */
  readonly link?: string | undefined;
  /** Inside an item: the date (a `datetime` attribute or the text). */
  readonly date?: string | undefined;
  /** Inside an item: a teaser. */
  readonly summary?: string | undefined;
}

/**
 * One watched document or feed, as declared in the built-in catalog or the user's config file.
 * `id` is stable and unique (`vendor/document`, e.g. `anthropic/commercial-terms`).
 */
export interface SourceDeclaration {
  readonly id: string;
  readonly kind: SourceKind;
  /** Vendor slug (`anthropic`, `openai`) or, for news outlets, the outlet slug. */
  readonly vendor: string;
  /** Human title, e.g. "Commercial Terms". */
  readonly title: string;
  readonly url: string;
  /** CSS selectors of the document body; their matches are joined in document order. */
  readonly select: readonly string[];
  /** CSS selectors removed inside the body before extraction. */
  readonly remove: readonly string[];
  /** node-cron expression; defaults to the kind's cadence. */
  readonly schedule?: string | undefined;
  /** ISO 639-1 language of the source, when known. */
  readonly language?: string | undefined;
  /** Item selectors of a listing page (`kind: page`). */
  readonly listing?: ListingSelectors | undefined;
  /** Browser use; absent means the configured default (`browser.default`, itself `auto` by default). */
  readonly browser?: BrowserMode | undefined;
}

/** How a source has fared lately. */
export interface SourceHealth {
  readonly sourceId: string;
  readonly lastFetchAt: string | null;
  readonly lastSuccessAt: string | null;
  readonly lastChangeAt: string | null;
  readonly consecutiveFailures: number;
  readonly lastError: string | null;
  readonly lastErrorCode: string | null;
  /** Conditional GET validators of the last successful response. */
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** Hash of the current version (terms) or of the last feed body (feeds). */
  readonly currentVersionId: string | null;
  /** A poll needed the browser (an `auto` source met a bot wall): later polls go straight to the browser. */
  readonly needsBrowser: boolean;
}

export function isFailing(health: Pick<SourceHealth, 'consecutiveFailures'>, threshold: number): boolean {
  return health.consecutiveFailures >= threshold;
}

/**
 * Whether polls of a source go through the headless browser: it says `always`, or it is `auto` (also when it
 * says nothing and the default is `auto`) and a poll found plain HTTP walled off.
 */
export function fetchedWithBrowser(
  source: Pick<SourceDeclaration, 'browser'>,
  health: Pick<SourceHealth, 'needsBrowser'> | undefined,
  defaultMode: BrowserMode = 'auto',
): boolean {
  const mode = source.browser ?? defaultMode;
  return mode === 'always' || (mode === 'auto' && health?.needsBrowser === true);
}
