import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceDeclaration } from '../src/domain/source.ts';
import { createSqliteStore, type SqliteStore } from '../src/store/sqlite-store.ts';
import { commands, findCommand, type CommandContext } from './index.ts';

const source = (id: string, vendor: string): SourceDeclaration => ({
  id,
  kind: 'terms',
  vendor,
  title: id,
  url: `https://${vendor}.example/terms`,
  select: [],
  remove: [],
});

let store: SqliteStore;
let context: CommandContext;

beforeEach(async () => {
  store = await createSqliteStore({ dataDir: await mkdtemp(path.join(tmpdir(), 'clausewatch-commands-')) });
  context = { sources: [source('acme/terms', 'acme'), source('globex/terms', 'globex')], store, failureThreshold: 2 };
});

afterEach(async () => {
  await store.close();
});

describe('commands', () => {
  it('have unique lower-case names and descriptions that fit chat limits', () => {
    const names = commands.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of commands) {
      expect(command.name).toMatch(/^[a-z][a-z-]{0,31}$/);
      expect(command.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('sources lists health, filtered by vendor', async () => {
    const failure = { ok: false as const, code: 'http_status', message: 'HTTP 503' };
    await store.recordPoll({ sourceId: 'globex/terms', at: '2026-01-01T00:00:00Z', result: failure, events: [] });
    await store.recordPoll({ sourceId: 'globex/terms', at: '2026-01-01T00:15:00Z', result: failure, events: [] });
    const all = await findCommand('sources')?.run({}, context);
    expect(all?.lines).toEqual(['acme/terms (terms) — not checked yet', 'globex/terms (terms) — failing: HTTP 503']);
    const acme = await findCommand('sources')?.run({ vendor: 'ACME' }, context);
    expect(acme?.lines).toEqual(['acme/terms (terms) — not checked yet']);
    const none = await findCommand('sources')?.run({ vendor: 'initech' }, context);
    expect(none?.lines).toEqual(['No sources for vendor "initech".']);
  });

  it('help lists every command', async () => {
    const reply = await findCommand('help')?.run({}, context);
    expect(reply?.lines).toEqual(commands.map((command) => `/${command.name} — ${command.description}`));
  });
});
