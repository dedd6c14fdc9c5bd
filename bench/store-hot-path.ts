// `npx tsx bench/store-hot-path.ts [sources] [rounds]`: µs per call of the three store calls an unchanged terms
// poll makes (getHealth, listVersionEntries(id, 1), health-only recordPoll), through the SQLite store and
// through the portable Kysely store over the same database file, as a baseline measured in the same run.
// Figures are the best of the rounds: on a busy machine the fastest round is the one least disturbed by other
// processes, so it tracks the code's own cost; the median is printed beside it.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSqlStore } from '../src/store/sql-store.ts';
import { createSqliteStore } from '../src/store/sqlite-store.ts';
import type { PollRecord, Store } from '../src/store/store.ts';

const sources = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 9);

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const ids = Array.from({ length: sources }, (_, i) => `bench/doc-${i}`);

function baselinePoll(sourceId: string, at: string): PollRecord {
  const text = `Terms of ${sourceId}`;
  const body = Buffer.from(`<main>${text}</main>`);
  const snapshotId = sha256(body);
  return {
    sourceId,
    at,
    result: { ok: true, etag: null, lastModified: null, changed: true, currentVersionId: sha256(text) },
    snapshot: { id: snapshotId, mediaType: 'text/html', body },
    version: { id: sha256(text), text, snapshotId, kind: 'baseline' },
    events: [],
  };
}

function unchangedPoll(sourceId: string, at: string, currentVersionId: string): PollRecord {
  return {
    sourceId,
    at,
    result: { ok: true, etag: null, lastModified: null, changed: false, currentVersionId },
    events: [],
  };
}

type Call = 'getHealth' | 'listVersionEntries' | 'recordPoll';
const CALLS: readonly Call[] = ['getHealth', 'listVersionEntries', 'recordPoll'];

/** One call for every source, awaited one at a time as a poll does; returns µs per call. */
async function timeCall(store: Store, call: Call, round: number): Promise<number> {
  const at = new Date(Date.UTC(2025, 0, 2, 0, 0, round)).toISOString();
  const start = performance.now();
  for (const id of ids) {
    if (call === 'getHealth') await store.getHealth(id);
    else if (call === 'listVersionEntries') await store.listVersionEntries(id, 1);
    else await store.recordPoll(unchangedPoll(id, at, sha256(`Terms of ${id}`)));
  }
  return ((performance.now() - start) * 1000) / ids.length;
}

interface Figure {
  readonly best: number;
  readonly median: number;
}

function summarize(times: readonly number[]): Figure {
  const sorted = [...times].sort((a, b) => a - b);
  return { best: sorted[0] ?? NaN, median: sorted[Math.floor(sorted.length / 2)] ?? NaN };
}

/** Rounds alternate between the stores, so a burst of load elsewhere on the machine hits both alike. */
async function measure(stores: readonly Store[]): Promise<Record<Call, Figure>[]> {
  const times = stores.map(() => ({
    getHealth: [] as number[],
    listVersionEntries: [] as number[],
    recordPoll: [] as number[],
  }));
  for (let round = 0; round <= rounds; round += 1) {
    for (const call of CALLS) {
      for (const [index, store] of stores.entries()) {
        const perCall = await timeCall(store, call, round * stores.length + index);
        // Round 0 is the warm-up: JIT, statement preparation, page cache.
        if (round > 0) times[index]?.[call].push(perCall);
      }
    }
  }
  return times.map((byCall) => ({
    getHealth: summarize(byCall.getHealth),
    listVersionEntries: summarize(byCall.listVersionEntries),
    recordPoll: summarize(byCall.recordPoll),
  }));
}

const us = (value: number): string => value.toFixed(1).padStart(6);

function format(label: string, figures: Record<Call, Figure>): string {
  const cells = CALLS.map((call) => `${call} ${us(figures[call].best)} (${us(figures[call].median)})`);
  const best = CALLS.reduce((sum, call) => sum + figures[call].best, 0);
  const median = CALLS.reduce((sum, call) => sum + figures[call].median, 0);
  return `  ${label.padEnd(16)} ${cells.join('  ')}  = ${us(best)} (${us(median)}) µs per unchanged poll`;
}

const dir = await mkdtemp(path.join(tmpdir(), 'clausewatch-store-bench-'));
try {
  const clock = { now: () => new Date('2025-01-01T00:00:00.000Z') };
  const store = await createSqliteStore({ dataDir: dir, clock });
  try {
    for (const id of ids) await store.recordPoll(baselinePoll(id, '2025-01-01T00:00:00.000Z'));
    const portable = createSqlStore(store.db, { clock });
    console.log(`store hot path: ${sources} terms sources, µs per call, best (median) of ${rounds} rounds`);
    const [portableFigures, storeFigures] = await measure([portable, store]);
    if (portableFigures !== undefined) console.log(format('portable Kysely', portableFigures));
    if (storeFigures !== undefined) console.log(format('SQLite store', storeFigures));
  } finally {
    await store.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
