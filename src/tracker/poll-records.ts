import type { SourceDeclaration, SourceHealth } from '../domain/source.ts';
import type { Fetched, FetchRequest, FetchResult } from '../sources/fetcher.ts';
import type { PollRecord } from '../store/store.ts';
import type { TrackerDeps } from './tracker-deps.ts';

/** The fields every event of a source carries. */
export function eventBase(source: SourceDeclaration, at: string) {
  return { source: source.id, vendor: source.vendor, title: source.title, url: source.url, at };
}

/**
 * A successful poll that found nothing new. With `page`, the validators of that response are kept for the next
 * conditional GET; without it (304, or an unconfirmed change) the previous ones stay.
 */
export function unchangedPoll(
  sourceId: string,
  at: string,
  health: SourceHealth | undefined,
  page?: Fetched,
): PollRecord {
  return {
    sourceId,
    at,
    result: {
      ok: true,
      etag: page === undefined ? (health?.etag ?? null) : page.etag,
      lastModified: page === undefined ? (health?.lastModified ?? null) : page.lastModified,
      changed: false,
      currentVersionId: health?.currentVersionId ?? null,
      ...renderedBrowser(page),
    },
    events: [],
  };
}

/** `needsBrowser: true` for a page the headless browser rendered, so the store remembers it; else nothing. */
export function renderedBrowser(page: Fetched | undefined): { needsBrowser?: true } {
  return page?.renderedBy === 'browser' ? { needsBrowser: true } : {};
}

/** The raw response as stored; the charset travels with the media type so the body can be decoded again. */
export function snapshotOf(page: Fetched, id: string): { id: string; mediaType: string; body: Buffer } {
  return { id, mediaType: `${page.mediaType}; charset=${page.charset}`, body: page.body };
}

/** Fetches a source, conditionally once it has a current state (validators of the last successful response). */
export function fetchSince(
  source: SourceDeclaration,
  health: SourceHealth | undefined,
  deps: Pick<TrackerDeps, 'fetcher'>,
): Promise<FetchResult> {
  const known = (health?.currentVersionId ?? null) !== null;
  return deps.fetcher.fetch({
    ...pageRequest(source, health),
    etag: known ? health?.etag : null,
    lastModified: known ? health?.lastModified : null,
  });
}

/**
 * What any fetch of a source asks for besides validators: its URL and how to render it. Feeds are parsed as
 * XML or JSON, which a browser would wrap in a viewer page, so they stay on plain HTTP unless the source itself
 * says otherwise; other sources leave an unset mode to the fetcher's configured default.
 */
export function pageRequest(
  source: SourceDeclaration,
  health: SourceHealth | undefined,
  renderedByBrowser = false,
): FetchRequest {
  const browser = source.browser ?? (source.kind === 'feed' ? 'never' : undefined);
  return {
    url: source.url,
    ...(browser === undefined ? {} : { browser }),
    select: source.select,
    knownToNeedBrowser: renderedByBrowser || health?.needsBrowser === true,
  };
}
