import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clauseChange, newsItem, newsPublished, termsChanged } from '../src/alerts/alerts-test-kit.ts';
import { createTestBed, MEMBER_DM, type TestBed } from './commands-test-kit.ts';

let bed: TestBed;

const anthropicChange = termsChanged([clauseChange({ significance: 'high', topics: ['training-data'] })], {
  at: '2026-03-31T09:00:00.000Z',
});
const openaiChanges = [clauseChange({ significance: 'low', topics: ['pricing'] })];
const openaiChange = termsChanged(openaiChanges, {
  source: 'openai/terms-of-use',
  vendor: 'openai',
  title: 'Terms of use',
  at: '2025-06-01T00:00:00.000Z',
  diff: { changes: openaiChanges, effectiveDate: null, summary: 'OpenAI Terms of use: 1 low — Fees reworded' },
});

beforeEach(async () => {
  bed = await createTestBed();
  bed.subscriptions.addEvent(openaiChange);
  bed.subscriptions.addEvent(
    newsPublished(
      [
        newsItem({
          title: 'Claude gets cheaper',
          vendors: ['anthropic'],
          topics: ['pricing'],
          url: 'https://tc.example/1',
        }),
      ],
      {
        at: '2026-03-20T00:00:00.000Z',
      },
    ),
  );
  bed.subscriptions.addEvent(anthropicChange);
  bed.subscriptions.addEvent(
    newsPublished(
      [
        newsItem({
          title: 'OpenAI raises prices',
          vendors: ['openai'],
          topics: ['pricing'],
          url: 'https://tc.example/2',
        }),
        newsItem({
          title: 'Gemini 4 is out',
          vendors: ['google'],
          topics: ['model-release'],
          url: 'https://tc.example/3',
        }),
      ],
      { at: '2026-03-31T12:00:00.000Z' },
    ),
  );
  bed.subscriptions.addEvent(
    newsPublished([newsItem({ title: 'An old story', vendors: ['openai'], topics: [], url: 'https://tc.example/0' })], {
      at: '2024-01-01T00:00:00.000Z',
    }),
  );
});

afterEach(async () => {
  await bed.close();
});

describe('/latest', () => {
  it('lists terms changes and stories newest first, a feed’s stories in its order', async () => {
    const reply = await bed.run('latest', {}, MEMBER_DM);
    expect(reply).toMatchObject({ status: 'ok', title: 'Latest (5)' });
    expect(reply.lines).toEqual([
      '2026-03-31 · news · OpenAI raises prices (TechCrunch AI) https://tc.example/2',
      '2026-03-31 · news · Gemini 4 is out (TechCrunch AI) https://tc.example/3',
      `2026-03-31 · terms · high · ${anthropicChange.diff.summary} — /diff document:anthropic/commercial-terms`,
      '2026-03-20 · news · Claude gets cheaper (TechCrunch AI) https://tc.example/1',
      '2025-06-01 · terms · low · OpenAI Terms of use: 1 low — Fees reworded — /diff document:openai/terms-of-use',
    ]);
  });

  it('filters by vendor and topic, looking back as far as needed', async () => {
    const openai = await bed.run('latest', { vendor: 'openai', count: 10 });
    expect(openai.lines.map((line) => line.slice(0, 24))).toEqual([
      '2026-03-31 · news · Open',
      '2025-06-01 · terms · low',
      '2024-01-01 · news · An o',
    ]);
    const pricing = await bed.run('latest', { topic: 'pricing', count: 2 });
    expect(pricing.lines).toEqual([
      '2026-03-31 · news · OpenAI raises prices (TechCrunch AI) https://tc.example/2',
      '2026-03-20 · news · Claude gets cheaper (TechCrunch AI) https://tc.example/1',
    ]);
    const training = await bed.run('latest', { vendor: 'anthropic', topic: 'training-data' });
    expect(training.lines).toHaveLength(1);
  });

  it('finds older entries behind a busy day of news', async () => {
    for (let i = 0; i < 1_200; i++) {
      const at = new Date(Date.parse('2026-04-01T09:00:00.000Z') - i * 1000).toISOString();
      bed.subscriptions.addEvent(newsPublished([newsItem({ title: `Story ${i}`, vendors: ['google'] })], { at }));
    }
    const reply = await bed.run('latest', { vendor: 'anthropic', count: 1 });
    expect(reply.lines).toEqual([
      `2026-03-31 · terms · high · ${anthropicChange.diff.summary} — /diff document:anthropic/commercial-terms`,
    ]);
    const google = await bed.run('latest', { vendor: 'google', count: 2 });
    expect(google.lines.map((line) => line.split(' · ')[2]?.split(' (')[0])).toEqual(['Story 0', 'Story 1']);
  });

  it('says when nothing matches', async () => {
    const reply = await bed.run('latest', { vendor: 'mistral', topic: 'legal' });
    expect(reply.lines).toEqual(['No terms change or news story about mistral, legal has been seen yet.']);
  });

  it('refuses unknown vendors and topics with a suggestion, and counts above 20', async () => {
    expect((await bed.run('latest', { vendor: 'antropic' })).lines).toEqual([
      'Unknown vendor "antropic" — did you mean anthropic? /sources lists the watched vendors.',
    ]);
    expect((await bed.run('latest', { topic: 'legl' })).lines[0]).toMatch(
      /^Unknown topic "legl" — did you mean legal\? Topics: /,
    );
    expect((await bed.run('latest', { count: 50 })).lines[0]).toBe('Option count must be from 1 to 20; 50 is not.');
  });
});
