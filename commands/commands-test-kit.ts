// A command context for tests: real SQLite store in a temp dir, in-memory subscriptions and event log, a
// fixed clock, a scripted URL check and a recording list of watched sources. Imported by tests only.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMemorySubscriptions, type MemorySubscriptions } from '../test/fakes/memory-subscriptions.ts';
import type { Logger } from '../src/domain/logger.ts';
import type { SourceDeclaration, SourceKind } from '../src/domain/source.ts';
import { createSqliteStore, type SqliteStore } from '../src/store/sqlite-store.ts';
import type { PollRecord } from '../src/store/store.ts';
import type { CommandContext, Invocation, RawOptions, UrlCheck, WatchedSources, WatchKind } from './command.ts';
import { runCommand } from './run-command.ts';

/** Wednesday 1 April 2026, 10:00 UTC. */
export const NOW = '2026-04-01T10:00:00.000Z';

export const ADMIN: Invocation = {
  platform: 'discord',
  workspaceId: 'guild-1',
  channelId: 'chan-1',
  userId: 'user-admin',
  canManageChannel: true,
};
export const MEMBER: Invocation = { ...ADMIN, userId: 'user-member', canManageChannel: false };
export const MEMBER_DM: Invocation = { ...MEMBER, channelId: null };

export function source(id: string, kind: SourceKind = 'terms'): SourceDeclaration {
  const vendor = id.slice(0, id.indexOf('/'));
  return {
    id,
    kind,
    vendor,
    title: titleOf(id),
    url: `https://${vendor}.example/${id.slice(vendor.length + 1)}`,
    select: [],
    remove: [],
  };
}

export const SOURCES: readonly SourceDeclaration[] = [
  source('anthropic/commercial-terms'),
  source('anthropic/usage-policy'),
  source('openai/terms-of-use'),
  source('techcrunch/ai', 'feed'),
];

/** Everything a test looks at after running a command. */
export interface TestBed {
  readonly store: SqliteStore;
  readonly subscriptions: MemorySubscriptions;
  /** Sources added with /watch (the bed's `sources` include them from then on). */
  readonly watched: SourceDeclaration[];
  /** Calls of `checkUrl`. */
  readonly checks: { url: string; kind: WatchKind; selector: string | undefined }[];
  readonly logged: { fields: object; message: string | undefined }[];
  /** What `checkUrl` answers; ok by default. */
  answer: (url: string) => UrlCheck;
  context(invocation?: Invocation): CommandContext;
  run(name: string, options?: RawOptions, invocation?: Invocation): ReturnType<typeof runCommand>;
  close(): Promise<void>;
}

export async function createTestBed(sources: readonly SourceDeclaration[] = SOURCES): Promise<TestBed> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'clausewatch-commands-'));
  const store = await createSqliteStore({ dataDir });
  const subscriptions = createMemorySubscriptions();
  const watched: SourceDeclaration[] = [];
  const checks: TestBed['checks'] = [];
  const logged: TestBed['logged'] = [];
  const bed: TestBed = {
    store,
    subscriptions,
    watched,
    checks,
    logged,
    answer: () => ({ ok: true }),
    context: (invocation = ADMIN) => ({
      invocation,
      sources: [...sources, ...watched],
      store,
      subscriptions,
      events: subscriptions,
      clock: { now: () => new Date(NOW) },
      failureThreshold: 2,
      checkUrl: (url, kind, selector) => {
        checks.push({ url, kind, selector });
        return Promise.resolve(bed.answer(url));
      },
      watched: recordingWatched(watched),
      logger: recordingLogger(logged),
    }),
    run: (name, options = {}, invocation = ADMIN) => runCommand(name, options, bed.context(invocation)),
    close: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return bed;
}

function recordingWatched(watched: SourceDeclaration[]): WatchedSources {
  return {
    add: (declaration) => {
      if (watched.some((entry) => entry.id === declaration.id)) return false;
      watched.push(declaration);
      return true;
    },
    remove: (id) => {
      const index = watched.findIndex((entry) => entry.id === id);
      if (index === -1) return false;
      watched.splice(index, 1);
      return true;
    },
  };
}

function recordingLogger(logged: TestBed['logged']): Logger {
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (fields, message) => logged.push({ fields, message }),
  };
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A successful terms poll storing `text` as a version of `kind`. */
export function versionPoll(sourceId: string, at: string, text: string, kind: 'baseline' | 'change'): PollRecord {
  const body = Buffer.from(`<main>${text}</main>`);
  return {
    sourceId,
    at,
    result: { ok: true, etag: null, lastModified: null, changed: true, currentVersionId: sha256(text) },
    snapshot: { id: sha256(body.toString()), mediaType: 'text/html', body },
    version: { id: sha256(text), text, snapshotId: sha256(body.toString()), kind },
    events: [],
  };
}

function titleOf(id: string): string {
  const words = id.slice(id.indexOf('/') + 1).replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
