import { describe, expect, it } from 'vitest';
import { CHANNEL, clauseChange, DM, newsItem, termsChanged } from './alerts-test-kit.ts';
import { digestMessage, type AlertMessage, type DigestEntry, type DigestOptions } from './message.ts';

const period: DigestOptions = { target: CHANNEL, since: '2025-04-01T08:00:00.000Z', until: '2025-04-02T08:00:00.000Z' };

const renamed = clauseChange({ significance: 'low', topics: [], summary: 'Heading renamed' });
const anthropicLow = termsChanged([renamed], {
  source: 'anthropic/usage-policy',
  title: 'Usage Policy',
  toVersion: 'c'.repeat(64),
  diff: { changes: [renamed], effectiveDate: null, summary: 'Anthropic Usage Policy: 1 low' },
});
const anthropicHigh = termsChanged([
  clauseChange(),
  clauseChange({ significance: 'medium', topics: ['privacy'], summary: 'Retention extended' }),
]);
const fees = clauseChange({ topics: ['pricing'], summary: 'Fees may change without notice' });
const openaiHigh = termsChanged([fees], {
  source: 'openai/terms-of-use',
  vendor: 'openai',
  title: 'Terms of Use',
  url: 'https://openai.com/policies/terms-of-use',
  diff: {
    changes: [fees],
    effectiveDate: null,
    summary: 'OpenAI Terms of Use: 1 high — Fees may change without notice',
  },
});

const entries: DigestEntry[] = [
  { type: 'news', item: newsItem() },
  { type: 'terms-change', event: anthropicLow, changes: anthropicLow.diff.changes },
  { type: 'news', item: newsItem({ key: 'g', title: 'Gemini gets a new tier', vendors: ['google'], topics: [] }) },
  {
    type: 'news',
    item: newsItem({ key: 'n', title: 'EU AI Act guidance', vendors: [], topics: ['terms-and-policy'] }),
  },
  { type: 'news', item: newsItem({ key: 'a', title: 'Anthropic opens Berlin office', vendors: ['anthropic'] }) },
  { type: 'terms-change', event: openaiHigh, changes: openaiHigh.diff.changes },
  { type: 'terms-change', event: anthropicHigh, changes: anthropicHigh.diff.changes },
];

describe('digestMessage', () => {
  it('sends nothing for an empty period', () => {
    expect(digestMessage([], period)).toBeNull();
  });

  it('groups by vendor, terms changes first and most significant first, other news last', () => {
    const message = digestMessage(entries, period);
    expect(message?.items.map((item) => [item.group, item.significance, item.title])).toEqual([
      [
        'Anthropic',
        'high',
        'Anthropic Commercial Terms (effective 2025-04-02): 1 high — Training on Inputs now allowed',
      ],
      ['Anthropic', 'low', 'Anthropic Usage Policy: 1 low'],
      ['Anthropic', null, 'Anthropic opens Berlin office'],
      ['OpenAI', 'high', 'OpenAI Terms of Use: 1 high — Fees may change without notice'],
      ['OpenAI', null, 'OpenAI changes API pricing'],
      ['Google', null, 'Gemini gets a new tier'],
      ['Other news', null, 'EU AI Act guidance'],
    ]);
  });

  it('describes the period and what it holds', () => {
    const message = digestMessage(entries, period);
    expect({ ...message, items: message?.items.length }).toEqual({
      kind: 'digest',
      headline: 'Digest: 3 terms changes and 4 news stories',
      significance: 'high',
      vendor: null,
      color: 0xe74c3c,
      url: null,
      fields: [
        { name: 'Period', value: '2025-04-01 08:00 UTC → 2025-04-02 08:00 UTC' },
        { name: 'Terms changes', value: '3 (2 high, 1 low)' },
      ],
      clauseChanges: [],
      items: 7,
      moreChanges: null,
      moreItems: null,
      links: [],
      buttons: [],
      mention: null,
      footer: 'clausewatch digest',
      timestamp: '2025-04-02T08:00:00.000Z',
    });
  });

  it('lists a terms change with the summaries of its most significant matched changes', () => {
    const message = digestMessage([{ type: 'terms-change', event: anthropicHigh }], period);
    expect(message?.items).toEqual<AlertMessage['items']>([
      {
        title: 'Anthropic Commercial Terms (effective 2025-04-02): 1 high — Training on Inputs now allowed',
        url: 'https://www.anthropic.com/legal/commercial-terms',
        source: 'anthropic/commercial-terms',
        summary: 'Training on Inputs now allowed; Retention extended',
        vendors: ['anthropic'],
        topics: ['training-data', 'privacy'],
        significance: 'high',
        group: 'Anthropic',
      },
    ]);
    expect(message?.vendor).toBe('anthropic');
    expect(message?.color).toBe(0xd97757);
  });

  it('lists a story or terms change gathered twice once', () => {
    const twice: DigestEntry[] = [...entries, ...entries];
    expect(digestMessage(twice, period)?.items).toHaveLength(7);
  });

  it('speaks to a user in direct messages and covers everything until now on the first digest', () => {
    const message = digestMessage([{ type: 'news', item: newsItem() }], {
      target: DM,
      since: null,
      until: period.until,
    });
    expect(message?.headline).toBe('Your digest: 1 news story');
    expect(message?.fields).toEqual([{ name: 'Period', value: 'until 2025-04-02 08:00 UTC' }]);
    expect(message?.significance).toBeNull();
    expect(message?.color).toBe(0x10a37f);
  });

  it('counts a single terms change in the singular', () => {
    const message = digestMessage([{ type: 'terms-change', event: openaiHigh }], period);
    expect(message?.headline).toBe('Digest: 1 terms change');
  });
});
