import type { SourceDeclaration, SourceHealth } from '../domain/source.ts';
import type { PollRecord } from '../store/store.ts';
import { sha256 } from './document-text.ts';
import { newsItemsOf, parseSource, toNewsRecord, triageNews } from './news-pipeline.ts';
import { eventBase, fetchSince, renderedBrowser, snapshotOf, unchangedPoll } from './poll-records.ts';
import type { TrackerDeps } from './tracker-deps.ts';

/** Stored stories compared against a feed's new items at most; the window is hours, not months. */
const MAX_RECENT_STORIES = 5000;

/**
 * Polls one feed or listing page. The first poll records every story silently (no flood into channels); later
 * polls announce only stories no watched source carried before. An item whose date alone changed is the same
 * item (same key); a story another feed carried first joins that item's `alsoReportedBy` instead.
 */
export async function pollFeed(
  source: SourceDeclaration,
  health: SourceHealth | undefined,
  deps: TrackerDeps,
): Promise<PollRecord> {
  const at = deps.clock.now().toISOString();
  const current = health?.currentVersionId ?? null;
  const page = await fetchSince(source, health, deps);
  if (page.kind === 'not-modified') return unchangedPoll(source.id, at, health);
  const bodyHash = sha256(page.body);
  if (bodyHash === current) return unchangedPoll(source.id, at, health, page);
  const { news } = deps.options;
  const items = newsItemsOf(source, parseSource(source, page, news), news);
  const known = await deps.store.knownNewsKeys(source.id);
  const unseen = items.filter((item) => !known.has(item.key));
  const since = new Date(Date.parse(at) - news.dedupeWindowMs).toISOString();
  const recent = unseen.length === 0 ? [] : await deps.store.listRecentNews(since, MAX_RECENT_STORIES);
  const { fresh, reports } = triageNews(source.id, unseen, recent, { windowMs: news.dedupeWindowMs, at });
  const baseline = current === null;
  return {
    sourceId: source.id,
    at,
    result: {
      ok: true,
      etag: page.etag,
      lastModified: page.lastModified,
      changed: fresh.length > 0,
      currentVersionId: bodyHash,
      ...renderedBrowser(page),
    },
    newsItems: fresh.map((item) => toNewsRecord(item, at)),
    newsReports: reports,
    snapshot: baseline || fresh.length > 0 ? snapshotOf(page, bodyHash) : undefined,
    events: baseline
      ? [{ type: 'baseline', ...eventBase(source, at), kind: source.kind, versionId: bodyHash }]
      : fresh.length > 0
        ? [{ type: 'news', ...eventBase(source, at), items: fresh }]
        : [],
  };
}
