import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diffTerms } from '../src/diff/index.ts';
import { createTestBed, MEMBER_DM, versionPoll, type TestBed } from './commands-test-kit.ts';
import { MAX_LISTED_CHANGES } from './diff.ts';
import { DOCUMENT, shortId, storeHistory, V1, V2, V3 } from './terms-fixtures.ts';

let bed: TestBed;

beforeEach(async () => {
  bed = await createTestBed();
  await storeHistory(bed);
});

afterEach(async () => {
  await bed.close();
});

const options = { vendor: 'Anthropic', title: 'Commercial terms' };

describe('/diff', () => {
  it('shows the latest change by default, with a rich message', async () => {
    const reply = await bed.run('diff', { document: DOCUMENT }, MEMBER_DM);
    const expected = diffTerms(V2, V3, options);
    expect(reply).toMatchObject({ status: 'ok', title: 'Diff: Anthropic Commercial terms', private: true });
    expect(reply.lines).toEqual([
      expected.summary,
      `From 2026-02-15 (version ${shortId(V2)}) to 2026-03-20 (version ${shortId(V3)}).`,
      `[high] modified 2.1 Commercial Terms › 2. Your Content: ${expected.changes[0]?.summary ?? ''}`,
    ]);
    expect(reply.message).toMatchObject({
      kind: 'terms-change',
      headline: expected.summary,
      significance: 'high',
      vendor: 'anthropic',
      timestamp: '2026-03-20T00:00:00.000Z',
      clauseChanges: [{ kind: 'modified', label: '2.1', before: 'We do not train our models on Customer Content.' }],
    });
  });

  it('compares with the version current at a date', async () => {
    const reply = await bed.run('diff', { document: DOCUMENT, since: '2026-02-01' });
    expect(reply.lines[0]).toBe(diffTerms(V1, V3, options).summary);
    expect(reply.lines[1]).toBe(`From 2026-01-10 (version ${shortId(V1)}) to 2026-03-20 (version ${shortId(V3)}).`);
    expect(reply.lines.slice(2).map((line) => line.slice(0, 18))).toEqual(['[high] modified 2.', '[low] modified 1.1']);
    const withOffset = await bed.run('diff', { document: DOCUMENT, since: '2026-02-14T23:30:00-05:00' });
    expect(withOffset.lines[1]).toBe(
      `From 2026-02-15 (version ${shortId(V2)}) to 2026-03-20 (version ${shortId(V3)}).`,
    );
    const sameDay = await bed.run('diff', { document: DOCUMENT, since: '2026-02-15T00:00:00Z' });
    expect(sameDay.lines[1]).toBe(`From 2026-02-15 (version ${shortId(V2)}) to 2026-03-20 (version ${shortId(V3)}).`);
  });

  it('shows the change that produced a given version, by its id or first characters', async () => {
    const v2 = shortId(V2);
    const reply = await bed.run('diff', { document: DOCUMENT, version: v2.slice(0, 8).toUpperCase() });
    expect(reply.status).toBe('ok');
    expect(reply.lines[0]).toBe(diffTerms(V1, V2, options).summary);
    expect(reply.lines[1]).toBe(`From 2026-01-10 (version ${shortId(V1)}) to 2026-02-15 (version ${shortId(V2)}).`);
    const v1 = shortId(V1);
    const first = await bed.run('diff', { document: DOCUMENT, version: v1 });
    expect(first.lines).toEqual([
      `Version ${v1} is the first one recorded (2026-01-10): nothing before it to compare.`,
    ]);
    const unknown = await bed.run('diff', { document: DOCUMENT, version: 'abcdef0' });
    expect(unknown.lines[0]).toMatch(/^No version abcdef0 is recorded for this document/u);
  });

  it.each([
    [{ version: 'abc' }, 'version:abc is not a version id; give at least 6 of its hex characters'],
    [{ version: 'not-hex-at-all' }, 'version:not-hex-at-all is not a version id'],
    [{ version: 'abcdef', since: '2026-01-01' }, 'Give either since (a date) or version, not both.'],
  ])('refuses a bad version or both since and version: %o', async (extra, message) => {
    const reply = await bed.run('diff', { document: DOCUMENT, ...extra });
    expect(reply.status).toBe('invalid');
    expect(reply.lines[0]?.startsWith(message)).toBe(true);
  });

  it('compares with the first version when the date is older', async () => {
    const reply = await bed.run('diff', { document: DOCUMENT, since: '2025-12-01' });
    expect(reply.lines.slice(1, 3)).toEqual([
      'Watching began 2026-01-10, after that date; comparing with the first version.',
      `From 2026-01-10 (version ${shortId(V1)}) to 2026-03-20 (version ${shortId(V3)}).`,
    ]);
  });

  it('says when nothing changed since the date, or nothing can be compared yet', async () => {
    expect((await bed.run('diff', { document: DOCUMENT, since: '2026-03-25' })).lines).toEqual([
      'No change since 2026-03-25.',
    ]);
    expect((await bed.run('diff', { document: 'openai/terms-of-use' })).lines).toEqual([
      'Only one version so far (recorded 2026-02-01): nothing to compare yet.',
    ]);
    expect((await bed.run('diff', { document: 'anthropic/usage-policy' })).lines).toEqual([
      'No version is recorded yet; the document has not been checked successfully.',
    ]);
  });

  it('summarises a long diff: the most significant changes, the rest counted', async () => {
    const clauses = (fee: number) =>
      Array.from(
        { length: 15 },
        (_, i) => `## ${i + 1}. Part ${i + 1}\n\n${i + 1}.1 Item ${i + 1} costs ${fee + i} dollars a month.`,
      );
    const before = ['# Price list', ...clauses(100)].join('\n\n');
    const after = ['# Price list', ...clauses(200)].join('\n\n');
    await bed.store.recordPoll(versionPoll('openai/terms-of-use', '2026-03-01T00:00:00.000Z', before, 'change'));
    await bed.store.recordPoll(versionPoll('openai/terms-of-use', '2026-03-02T00:00:00.000Z', after, 'change'));
    const diff = diffTerms(before, after, { vendor: 'OpenAI', title: 'Terms of use' });
    expect(diff.changes.length).toBeGreaterThan(MAX_LISTED_CHANGES);
    const reply = await bed.run('diff', { document: 'openai/terms-of-use' });
    const listed = reply.lines.filter((line) => line.startsWith('['));
    expect(listed).toHaveLength(MAX_LISTED_CHANGES);
    expect(reply.lines.at(-1)).toMatch(new RegExp(`^…and ${diff.changes.length - MAX_LISTED_CHANGES} more \\(`));
    expect(reply.message?.clauseChanges).toHaveLength(MAX_LISTED_CHANGES);
    const changesField = reply.message?.fields.find((field) => field.name === 'Changes');
    expect(changesField?.value).toMatch(new RegExp(`^${MAX_LISTED_CHANGES} of ${diff.changes.length} `));
  });

  it.each([
    [
      { since: 'last week' },
      'since:last week is not a date; use YYYY-MM-DD, e.g. 2026-01-31 (or an ISO time such as 2026-01-31T12:00Z).',
    ],
    [{ since: '2026-13-45' }, 'since:2026-13-45 is not a date; use YYYY-MM-DD'],
    [{ since: '2026-02-30' }, 'since:2026-02-30 is not a date; use YYYY-MM-DD'],
    [{ since: '2026-05-01' }, 'since:2026-05-01 is in the future; give a past date.'],
    [
      { document: 'anthropic/comercial-terms' },
      'Unknown document "anthropic/comercial-terms" — did you mean anthropic/commercial-terms?',
    ],
    [{ document: 'techcrunch/ai' }, '"techcrunch/ai" is a news source, not a terms document; /latest shows its news.'],
  ])('refuses bad input: %o', async (input, message) => {
    const reply = await bed.run('diff', { document: DOCUMENT, ...input });
    expect(reply.status).toBe('invalid');
    expect(reply.lines[0]?.startsWith(message)).toBe(true);
  });
});
