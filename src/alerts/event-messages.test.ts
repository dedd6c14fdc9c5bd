import { describe, expect, it } from 'vitest';
import {
  AT,
  clauseChange,
  newsItem,
  newsPublished,
  sourceFailed,
  termsChanged,
  TO_VERSION,
} from './alerts-test-kit.ts';
import { alertColor } from './colors.ts';
import { documentName, formatUtc } from './event-messages.ts';
import { newsMessage, sourceFailedMessage, termsChangeMessage, type AlertMessage } from './message.ts';

const high = clauseChange();
const low = clauseChange({
  kind: 'added',
  section: 'Terms › 1. Accounts',
  label: '1.2',
  before: null,
  after: 'Keep your password secret.',
  significance: 'low',
  topics: [],
  summary: 'Password rule added',
});
const medium = clauseChange({
  kind: 'removed',
  section: 'Terms › 4. Privacy',
  label: null,
  before: 'We delete Inputs after 30 days.',
  after: null,
  significance: 'medium',
  topics: ['privacy'],
  summary: 'Deletion promise removed',
});
const event = termsChanged([low, high, medium]);

describe('termsChangeMessage', () => {
  it('lists the clause changes most significant first, with a full-diff button', () => {
    expect(termsChangeMessage(event)).toEqual<AlertMessage>({
      kind: 'terms-change',
      headline: 'Anthropic Commercial Terms (effective 2025-04-02): 1 high — Training on Inputs now allowed',
      significance: 'high',
      vendor: 'anthropic',
      color: 0xd97757,
      url: 'https://www.anthropic.com/legal/commercial-terms',
      fields: [
        { name: 'Vendor', value: 'Anthropic' },
        { name: 'Document', value: 'Commercial Terms' },
        { name: 'Changes', value: '3 (1 high, 1 medium, 1 low)' },
        { name: 'Effective date', value: '2025-03-01 → 2025-04-02' },
        { name: 'Topics', value: 'training-data, privacy' },
      ],
      clauseChanges: [
        {
          kind: 'modified',
          section: 'Terms › 3. Your Content',
          label: '3.1',
          significance: 'high',
          summary: 'Training on Inputs now allowed',
          before: 'We do not train on your Inputs.',
          after: 'We may train on your Inputs.',
        },
        {
          kind: 'removed',
          section: 'Terms › 4. Privacy',
          label: null,
          significance: 'medium',
          summary: 'Deletion promise removed',
          before: 'We delete Inputs after 30 days.',
          after: null,
        },
        {
          kind: 'added',
          section: 'Terms › 1. Accounts',
          label: '1.2',
          significance: 'low',
          summary: 'Password rule added',
          before: null,
          after: 'Keep your password secret.',
        },
      ],
      items: [],
      moreChanges: null,
      moreItems: null,
      links: [{ label: 'Current version', url: 'https://www.anthropic.com/legal/commercial-terms' }],
      buttons: [{ id: `diff:anthropic/commercial-terms:${TO_VERSION}`, label: 'Full diff' }],
      mention: null,
      footer: 'clausewatch · anthropic/commercial-terms',
      timestamp: AT,
    });
  });

  it('mentions and offers unsubscribing when asked, for a high-significance change', () => {
    const message = termsChangeMessage(event, { subscriptionId: 42, mention: '<@&123>' });
    expect(message.mention).toBe('<@&123>');
    expect(message.buttons).toEqual([
      { id: `diff:anthropic/commercial-terms:${TO_VERSION}`, label: 'Full diff' },
      { id: 'unsubscribe:42', label: 'Unsubscribe' },
    ]);
  });

  it('shows only the changes passed in, and leaves out the mention when none of them is high', () => {
    const message = termsChangeMessage(event, { changes: [low, medium], mention: '<@&123>' });
    expect(message.clauseChanges.map((change) => change.summary)).toEqual([
      'Deletion promise removed',
      'Password rule added',
    ]);
    expect(message.significance).toBe('medium');
    expect(message.mention).toBeNull();
    expect(message.fields[2]).toEqual({ name: 'Changes', value: '2 of 3 (1 medium, 1 low)' });
    expect(message.fields.find((field) => field.name === 'Topics')).toEqual({ name: 'Topics', value: 'privacy' });
  });

  it('names the document when the diff has no headline and shows one unchanged effective date once', () => {
    const quiet = termsChanged([low], {
      vendor: 'deepseek',
      title: 'Terms of Use',
      diff: { changes: [low], effectiveDate: { before: '2025-01-01', after: '2025-01-01' }, summary: ' ' },
    });
    const message = termsChangeMessage(quiet);
    expect(message.headline).toBe('DeepSeek Terms of Use changed');
    expect(message.color).toBe(0x95a5a6);
    expect(message.fields).toEqual([
      { name: 'Vendor', value: 'DeepSeek' },
      { name: 'Document', value: 'Terms of Use' },
      { name: 'Changes', value: '1 (1 low)' },
      { name: 'Effective date', value: '2025-01-01' },
    ]);
  });
});

describe('newsMessage', () => {
  it('makes one story the headline', () => {
    const item = newsItem({ alsoReportedBy: ['theverge/ai'] });
    expect(newsMessage(newsPublished([item]), { subscriptionId: 3 })).toEqual<AlertMessage>({
      kind: 'news',
      headline: 'OpenAI changes API pricing',
      significance: null,
      vendor: 'openai',
      color: 0x10a37f,
      url: 'https://techcrunch.com/2025/04/02/openai-pricing',
      fields: [
        { name: 'Source', value: 'TechCrunch AI' },
        { name: 'Published', value: '2025-04-02 07:00 UTC' },
        { name: 'Vendors', value: 'OpenAI' },
        { name: 'Topics', value: 'pricing' },
        { name: 'Also reported by', value: 'theverge/ai' },
      ],
      clauseChanges: [],
      items: [
        {
          title: 'OpenAI changes API pricing',
          url: 'https://techcrunch.com/2025/04/02/openai-pricing',
          source: 'techcrunch/ai',
          summary: 'OpenAI raised prices for its flagship model.',
          vendors: ['openai'],
          topics: ['pricing'],
          significance: null,
          group: null,
        },
      ],
      moreChanges: null,
      moreItems: null,
      links: [{ label: 'Read the story', url: 'https://techcrunch.com/2025/04/02/openai-pricing' }],
      buttons: [{ id: 'unsubscribe:3', label: 'Unsubscribe' }],
      mention: null,
      footer: 'clausewatch · techcrunch/ai',
      timestamp: AT,
    });
  });

  it('lists several stories under a count, without a vendor colour when they concern different vendors', () => {
    const items = [
      newsItem(),
      newsItem({ key: 'b', title: 'Anthropic opens Berlin office', vendors: ['anthropic'] }),
      newsItem({ key: 'c', title: 'EU AI Act guidance', vendors: [] }),
    ];
    const message = newsMessage(newsPublished(items));
    expect(message.headline).toBe('3 new stories from TechCrunch AI');
    expect(message.vendor).toBeNull();
    expect(message.color).toBe(0x5865f2);
    expect(message.url).toBe('https://techcrunch.com/category/artificial-intelligence/feed/');
    expect(message.fields).toEqual([{ name: 'Source', value: 'TechCrunch AI' }]);
    expect(message.items.map((item) => item.title)).toEqual([
      'OpenAI changes API pricing',
      'Anthropic opens Berlin office',
      'EU AI Act guidance',
    ]);
    expect(message.links).toEqual([]);
  });

  it('shows only the stories passed in', () => {
    const items = [newsItem(), newsItem({ key: 'b', title: 'Anthropic opens Berlin office', vendors: ['anthropic'] })];
    const message = newsMessage(newsPublished(items), { items: [items[1] ?? newsItem()] });
    expect(message.headline).toBe('Anthropic opens Berlin office');
    expect(message.vendor).toBe('anthropic');
    expect(message.color).toBe(0xd97757);
  });
});

describe('sourceFailedMessage', () => {
  it('reports a failing source with the error', () => {
    expect(sourceFailedMessage(sourceFailed())).toEqual<AlertMessage>({
      kind: 'source-error',
      headline: 'OpenAI Terms of Use is failing: 5 checks in a row went wrong',
      significance: null,
      vendor: 'openai',
      color: 0xed4245,
      url: 'https://openai.com/policies/terms-of-use',
      fields: [
        { name: 'Source', value: 'openai/terms-of-use' },
        {
          name: 'Error',
          value: 'fetch failed: HTTP 503 for openai/terms-of-use (https://openai.com/policies/terms-of-use)',
        },
        { name: 'Code', value: 'http_status' },
        { name: 'Failures in a row', value: '5' },
      ],
      clauseChanges: [],
      items: [],
      moreChanges: null,
      moreItems: null,
      links: [{ label: 'Source page', url: 'https://openai.com/policies/terms-of-use' }],
      buttons: [],
      mention: null,
      footer: 'clausewatch · source health',
      timestamp: AT,
    });
  });

  it('says a source could not be checked before it counts as failing', () => {
    const message = sourceFailedMessage(sourceFailed({ failing: false, consecutiveFailures: 1 }));
    expect(message.headline).toBe('OpenAI Terms of Use could not be checked');
  });
});

describe('helpers', () => {
  it.each([
    { vendor: 'anthropic', significance: null, expected: 0xd97757 },
    { vendor: 'openai', significance: 'low', expected: 0x10a37f },
    { vendor: 'google', significance: 'high', expected: 0x4285f4 },
    { vendor: 'xai', significance: 'high', expected: 0x000000 },
    { vendor: 'meta', significance: null, expected: 0x0866ff },
    { vendor: 'mistral', significance: null, expected: 0xfa520f },
    { vendor: 'cursor', significance: null, expected: 0x000000 },
    { vendor: 'github', significance: null, expected: 0x24292f },
    { vendor: 'acme', significance: 'high', expected: 0xe74c3c },
    { vendor: 'acme', significance: 'medium', expected: 0xf1c40f },
    { vendor: null, significance: 'low', expected: 0x95a5a6 },
    { vendor: null, significance: null, expected: 0x5865f2 },
  ] as const)('colours $vendor at $significance', ({ vendor, significance, expected }) => {
    expect(alertColor(vendor, significance)).toBe(expected);
  });

  it('does not repeat a vendor name the title already has', () => {
    expect(documentName({ vendor: 'openai', title: 'OpenAI News' })).toBe('OpenAI News');
    expect(documentName({ vendor: 'mistral', title: 'Terms of Service' })).toBe('Mistral AI Terms of Service');
  });

  it('formats times as UTC minutes and leaves other text alone', () => {
    expect(formatUtc('2025-04-02T08:15:59.000Z')).toBe('2025-04-02 08:15 UTC');
    expect(formatUtc('2025-04-02T10:15:00+02:00')).toBe('2025-04-02 08:15 UTC');
    expect(formatUtc('yesterday')).toBe('yesterday');
  });
});
