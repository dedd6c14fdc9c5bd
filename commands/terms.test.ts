import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestBed, MEMBER, type TestBed } from './commands-test-kit.ts';
import { shortId, storeHistory, V2, V3 } from './terms-fixtures.ts';

let bed: TestBed;

beforeEach(async () => {
  bed = await createTestBed();
  await storeHistory(bed);
});

afterEach(async () => {
  await bed.close();
});

describe('/terms', () => {
  it("lists a vendor's documents with their last change and health", async () => {
    const failure = { ok: false as const, code: 'http_status', message: 'HTTP 503' };
    await bed.store.recordPoll({
      sourceId: 'anthropic/usage-policy',
      at: '2026-03-31T00:00:00Z',
      result: failure,
      events: [],
    });
    await bed.store.recordPoll({
      sourceId: 'anthropic/usage-policy',
      at: '2026-03-31T01:00:00Z',
      result: failure,
      events: [],
    });
    const reply = await bed.run('terms', { vendor: 'Anthropic' }, MEMBER);
    expect(reply).toMatchObject({ status: 'ok', title: 'Anthropic terms (2)' });
    expect(reply.lines).toEqual([
      'Commercial terms (anthropic/commercial-terms) — last change 2026-03-20',
      'Usage policy (anthropic/usage-policy) — not recorded yet (failing: HTTP 503)',
      'Details: /terms vendor:anthropic document:<document>; changes: /diff document:<id>.',
    ]);
    const openai = await bed.run('terms', { vendor: 'openai' });
    expect(openai.lines[0]).toBe('Terms of use (openai/terms-of-use) — no change since 2026-02-01');
  });

  it('shows one document with its recent changes', async () => {
    const reply = await bed.run('terms', { vendor: 'anthropic', document: 'commercial-terms' });
    expect(reply.title).toBe('Anthropic Commercial terms');
    expect(reply.lines).toEqual([
      'anthropic/commercial-terms — https://anthropic.example/commercial-terms',
      'Last change 2026-03-20',
      'Recent changes:',
      `2026-03-20 · version ${shortId(V3)}`,
      `2026-02-15 · version ${shortId(V2)}`,
      'What changed: /diff document:anthropic/commercial-terms',
    ]);
    const byId = await bed.run('terms', { vendor: 'anthropic', document: 'anthropic/commercial-terms' });
    expect(byId.lines).toEqual(reply.lines);
  });

  it('says when a vendor has no documents watched', async () => {
    const reply = await bed.run('terms', { vendor: 'nvidia' });
    expect(reply.lines).toEqual(['No terms documents of Nvidia are watched. /watch adds one.']);
  });

  it('refuses unknown vendors and documents with suggestions', async () => {
    expect((await bed.run('terms', { vendor: 'anthropik' })).lines).toEqual([
      'Unknown vendor "anthropik" — did you mean anthropic? /sources lists the watched vendors.',
    ]);
    expect((await bed.run('terms', { vendor: 'anthropic', document: 'comercial-terms' })).lines).toEqual([
      'Unknown document "comercial-terms" — did you mean anthropic/commercial-terms? /terms vendor:<vendor> lists a vendor\'s documents.',
    ]);
    expect((await bed.run('terms', { vendor: 'openai', document: 'anthropic/commercial-terms' })).lines).toEqual([
      'anthropic/commercial-terms is not a document of OpenAI.',
    ]);
    expect((await bed.run('terms', { vendor: 'anthropic', document: 'techcrunch/ai' })).lines).toEqual([
      '"techcrunch/ai" is a news source, not a terms document; /latest shows its news.',
    ]);
  });
});
