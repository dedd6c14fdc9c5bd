import type { SourceDeclaration, SourceHealth } from '../domain/source.ts';
import { extractFeedItems, type FeedItem } from '../sources/extract-feed-items.ts';
import type { NewsItemRecord, PollRecord } from '../store/store.ts';
import { sha256 } from './document-text.ts';
import { eventBase, snapshotOf, unchangedPoll } from './poll-records.ts';
import type { TrackerDeps } from './tracker-deps.ts';

/**
 * Polls one feed. The first poll records every item silently (no flood into channels); later polls announce
 * only items never seen before. An item whose date alone changed is the same item (same key).
 */
export async function pollFeed(
  source: SourceDeclaration,
  health: SourceHealth | undefined,
  deps: TrackerDeps,
): Promise<PollRecord> {
  const at = deps.clock.now().toISOString();
  const current = health?.currentVersionId ?? null;
  const page = await deps.fetcher.fetch({
    url: source.url,
    etag: current === null ? null : health?.etag,
    lastModified: current === null ? null : health?.lastModified,
  });
  if (page.kind === 'not-modified') return unchangedPoll(source.id, at, health);
  const bodyHash = sha256(page.body);
  if (bodyHash === current) return unchangedPoll(source.id, at, health, page);
  const items = extractFeedItems(page.text, page.finalUrl);
  const known = await deps.store.knownNewsKeys(source.id);
  const fresh = items.filter((item) => !known.has(item.key));
  const base = {
    sourceId: source.id,
    at,
    result: {
      ok: true as const,
      etag: page.etag,
      lastModified: page.lastModified,
      changed: fresh.length > 0,
      currentVersionId: bodyHash,
    },
    newsItems: fresh.map((item) => toRecord(source.id, item, at)),
  };
  if (current === null) {
    return {
      ...base,
      snapshot: snapshotOf(page, bodyHash),
      events: [{ type: 'baseline', ...eventBase(source, at), kind: 'feed', versionId: bodyHash }],
    };
  }
  if (fresh.length === 0) return { ...base, events: [] };
  return {
    ...base,
    snapshot: snapshotOf(page, bodyHash),
    events: [
      {
        type: 'news',
        ...eventBase(source, at),
        items: fresh.map(({ title, url, published, summary }) => ({ title, url, published, summary })),
      },
    ],
  };
}

function toRecord(sourceId: string, item: FeedItem, at: string): NewsItemRecord {
  return {
    sourceId,
    key: item.key,
    title: item.title,
    url: item.url,
    published: item.published,
    summary: item.summary,
    firstSeenAt: at,
  };
}
