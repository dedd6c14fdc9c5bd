// Builders and a temp-directory lifecycle shared by the store's tests. Imported by tests only.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../domain/clock.ts';
import type { TrackerEvent } from '../domain/events.ts';
import { createSqliteStore } from './sqlite-store.ts';
import type { SqliteStore, SqliteStoreOptions } from './sqlite-store.ts';
import type { NewsItemRecord, PollRecord, VersionEntryKind } from './store.ts';

export const SOURCE = 'acme/terms';

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** Stores opened on real files in one temp directory, all closed and removed by `cleanup()`. */
export interface TempStores {
  readonly dataDir: string;
  /** A settable clock, starting at 2025-01-01T00:00:00Z. */
  readonly clock: Clock & { set(iso: string): void };
  open(options?: Partial<SqliteStoreOptions>): Promise<SqliteStore>;
  close(store: SqliteStore): Promise<void>;
  cleanup(): Promise<void>;
}

export async function createTempStores(): Promise<TempStores> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clausewatch-store-'));
  let time = new Date('2025-01-01T00:00:00.000Z');
  const clock = { now: () => time, set: (iso: string) => (time = new Date(iso)) };
  const opened = new Set<SqliteStore>();
  return {
    dataDir,
    clock,
    async open(options = {}) {
      const store = await createSqliteStore({ dataDir, clock, ...options });
      opened.add(store);
      return store;
    },
    async close(store) {
      opened.delete(store);
      await store.close();
    },
    async cleanup() {
      for (const store of opened) await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function makeEvent(type: 'baseline' | 'source-error', at: string, source = SOURCE): TrackerEvent {
  const base = { source, vendor: 'acme', title: 'Terms', url: 'https://acme.test/terms', at };
  if (type === 'baseline') return { ...base, type, kind: 'terms', versionId: 'v' };
  return { ...base, type, code: 'http_status', message: 'HTTP 503', consecutiveFailures: 1, failing: false };
}

/** A successful terms poll storing `text` (inside a page `<main>text</main>`) as a version of `kind`. */
export function versionPoll(at: string, text: string, kind: VersionEntryKind, source = SOURCE): PollRecord {
  const body = Buffer.from(`<main>${text}</main>`);
  const snapshotId = sha256(body);
  return {
    sourceId: source,
    at,
    result: {
      ok: true,
      etag: `"${sha256(text).slice(0, 8)}"`,
      lastModified: at,
      changed: true,
      currentVersionId: sha256(text),
    },
    snapshot: { id: snapshotId, mediaType: 'text/html', body },
    version: { id: sha256(text), text, snapshotId, kind },
    events: [makeEvent('baseline', at, source)],
  };
}

/** A successful poll that found nothing new: health only. */
export function unchangedPoll(at: string, source = SOURCE): PollRecord {
  return {
    sourceId: source,
    at,
    result: { ok: true, etag: '"same"', lastModified: null, changed: false, currentVersionId: 'feedhash' },
    events: [],
  };
}

export function failedPoll(at: string, source = SOURCE): PollRecord {
  return {
    sourceId: source,
    at,
    result: { ok: false, code: 'http_status', message: 'HTTP 503' },
    events: [makeEvent('source-error', at, source)],
  };
}

export function newsItem(
  key: string,
  firstSeenAt: string,
  published: string | null,
  source = 'acme/news',
): NewsItemRecord {
  return {
    sourceId: source,
    key,
    title: `Title ${key}`,
    url: `https://acme.test/${key}`,
    published,
    summary: `About ${key}`,
    vendors: [],
    topics: [],
    language: null,
    alsoReportedBy: [],
    firstSeenAt,
  };
}

type CountedTable = 'snapshots' | 'versions' | 'version_entries' | 'news_items' | 'events' | 'source_health';

export async function countRows(store: SqliteStore, table: CountedTable): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
