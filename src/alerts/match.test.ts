import { describe, expect, it } from 'vitest';
import type { SubscriptionFilters } from '../domain/subscription.ts';
import { clauseChange, newsItem, newsPublished, sourceFailed, subscription, termsChanged } from './alerts-test-kit.ts';
import { matchesSubscription, matchingSubscriptions, matchNewsItems, relevantChanges } from './match.ts';

const training = clauseChange({ label: 'training' });
const liability = clauseChange({
  label: 'liability',
  section: 'Terms › 9. Limitation of Liability',
  before: 'Our liability is limited to the fees paid in the last twelve months.',
  after: 'Our liability is limited to one hundred dollars.',
  significance: 'medium',
  topics: ['liability'],
  summary: 'Liability cap lowered to $100',
});
const optOut = clauseChange({
  label: 'opt-out',
  section: 'Terms › 4. Privacy',
  before: null,
  after: 'You can opt-out of data sharing in your account settings.',
  kind: 'added',
  significance: 'low',
  topics: ['privacy'],
  summary: 'Data sharing opt-out added',
});
const kuendigung = clauseChange({
  label: 'kündigung',
  section: 'AGB › 12. Laufzeit und Kündigung',
  before: 'Die Kündigungsfrist beträgt 30 Tage zum Monatsende.',
  after: 'Die Kündigungsfrist beträgt 7 Tage. Dafür entfällt die Mindestlaufzeit.',
  significance: 'high',
  topics: ['termination'],
  summary: 'Kündigungsfrist auf 7 Tage verkürzt',
});
const terms = termsChanged([training, liability, optOut, kuendigung]);

function labels(filters: Partial<SubscriptionFilters>): (string | null)[] {
  return relevantChanges(terms, subscription(filters)).map((change) => change.label);
}

const ALL = ['training', 'liability', 'opt-out', 'kündigung'];

describe('relevantChanges', () => {
  it.each<{ name: string; filters: Partial<SubscriptionFilters>; expected: string[] }>([
    { name: 'no filters: everything', filters: {}, expected: ALL },
    { name: 'vendor listed', filters: { vendors: ['openai', 'anthropic'] }, expected: ALL },
    { name: 'vendor in other case', filters: { vendors: ['Anthropic'] }, expected: ALL },
    { name: 'other vendor', filters: { vendors: ['openai'] }, expected: [] },
    { name: 'source listed', filters: { sources: ['anthropic/commercial-terms'] }, expected: ALL },
    { name: 'other source', filters: { sources: ['anthropic/usage-policy'] }, expected: [] },
    { name: 'kind terms', filters: { kind: 'terms' }, expected: ALL },
    { name: 'kind news', filters: { kind: 'news' }, expected: [] },
    {
      name: 'at least medium',
      filters: { minSignificance: 'medium' },
      expected: ['training', 'liability', 'kündigung'],
    },
    { name: 'at least high', filters: { minSignificance: 'high' }, expected: ['training', 'kündigung'] },
    { name: 'one topic', filters: { topics: ['privacy'] }, expected: ['opt-out'] },
    {
      name: 'any of two topics',
      filters: { topics: ['liability', 'termination'] },
      expected: ['liability', 'kündigung'],
    },
    { name: 'topic and significance', filters: { topics: ['privacy'], minSignificance: 'medium' }, expected: [] },
    { name: 'keyword in a clause', filters: { keywords: ['hundred dollars'] }, expected: ['liability'] },
    { name: 'keyword in a summary, other case', filters: { keywords: ['LIABILITY CAP'] }, expected: ['liability'] },
    { name: 'keyword in a section', filters: { keywords: ['limitation of liability'] }, expected: ['liability'] },
    { name: 'keyword is a whole word', filters: { keywords: ['train'] }, expected: ['training'] },
    { name: 'whole word only', filters: { keywords: ['trai'] }, expected: [] },
    { name: 'prefix with a star', filters: { keywords: ['liab*'] }, expected: ['liability'] },
    { name: 'space matches hyphen', filters: { keywords: ['opt out'] }, expected: ['opt-out'] },
    { name: 'any of two keywords', filters: { keywords: ['opt-out', 'hundred'] }, expected: ['liability', 'opt-out'] },
    { name: 'German with umlaut', filters: { keywords: ['Kündigungsfrist'] }, expected: ['kündigung'] },
    { name: 'German upper case', filters: { keywords: ['KÜNDIGUNGSFRIST'] }, expected: ['kündigung'] },
    { name: 'German umlaut as ue', filters: { keywords: ['kuendigungsfrist'] }, expected: ['kündigung'] },
    { name: 'German umlaut as bare vowel', filters: { keywords: ['kundigungsfrist'] }, expected: ['kündigung'] },
    { name: 'German word in a section', filters: { keywords: ['Kündigung'] }, expected: ['kündigung'] },
    { name: 'German compound prefix', filters: { keywords: ['kündigungs*'] }, expected: ['kündigung'] },
    { name: 'German word not inside another', filters: { keywords: ['für'] }, expected: [] },
    {
      name: 'any of two German keywords',
      filters: { keywords: ['Mindestlaufzeit', 'Haftung'] },
      expected: ['kündigung'],
    },
    { name: 'keyword and topic', filters: { keywords: ['liability'], topics: ['privacy'] }, expected: [] },
    { name: 'keyword only in the title: all', filters: { keywords: ['commercial terms'] }, expected: ALL },
    {
      name: 'keyword only in the title, other filters still apply',
      filters: { keywords: ['commercial terms'], minSignificance: 'high' },
      expected: ['training', 'kündigung'],
    },
    { name: 'keyword nowhere', filters: { keywords: ['arbitration'] }, expected: [] },
    { name: 'empty keyword ignored', filters: { keywords: ['  ', '*'] }, expected: ALL },
  ])('$name', ({ filters, expected }) => {
    expect(labels(filters)).toEqual(expected);
  });

  it('matches nothing while paused', () => {
    expect(relevantChanges(terms, subscription({}, { paused: true }))).toEqual([]);
    expect(matchesSubscription(terms, subscription({}, { paused: true }))).toBe(false);
  });

  it('keeps matching a German title keyword written without umlauts', () => {
    const agb = termsChanged([liability], { title: 'Allgemeine Geschäftsbedingungen' });
    expect(relevantChanges(agb, subscription({ keywords: ['geschaeftsbedingungen'] }))).toEqual([liability]);
  });

  it('folds a keyword typed with the Straße spelling onto the text', () => {
    const street = termsChanged([clauseChange({ after: 'Sitz: Hauptstrasse 1, Berlin' })]);
    expect(matchesSubscription(street, subscription({ keywords: ['Hauptstraße'] }))).toBe(true);
  });
});

const openai = newsItem({ key: 'openai' });
const berlin = newsItem({
  key: 'berlin',
  source: 'heise/ki',
  title: 'Anthropic eröffnet Büro in München',
  summary: 'Der KI-Anbieter wächst in Europa und ändert dafür seine Geschäftsbedingungen.',
  vendors: ['anthropic'],
  topics: ['terms-and-policy'],
  language: 'de',
  alsoReportedBy: ['golem/ki'],
});
const mixed = newsItem({
  key: 'mixed',
  title: 'Microsoft and OpenAI renegotiate their deal',
  summary: 'The companies agreed on new terms for model access.',
  vendors: ['microsoft', 'openai'],
  topics: ['access'],
});
const news = newsPublished([openai, berlin, mixed]);

function keys(filters: Partial<SubscriptionFilters>): string[] {
  return matchNewsItems(news, subscription(filters)).map((item) => item.key);
}

describe('matchNewsItems', () => {
  it.each<{ name: string; filters: Partial<SubscriptionFilters>; expected: string[] }>([
    { name: 'no filters: every story', filters: {}, expected: ['openai', 'berlin', 'mixed'] },
    { name: 'kind news', filters: { kind: 'news' }, expected: ['openai', 'berlin', 'mixed'] },
    { name: 'kind terms', filters: { kind: 'terms' }, expected: [] },
    { name: 'any item vendor', filters: { vendors: ['openai'] }, expected: ['openai', 'mixed'] },
    { name: 'second vendor of a story', filters: { vendors: ['microsoft'] }, expected: ['mixed'] },
    { name: 'topic', filters: { topics: ['terms-and-policy', 'access'] }, expected: ['berlin', 'mixed'] },
    { name: 'keyword in a title', filters: { keywords: ['renegotiate'] }, expected: ['mixed'] },
    { name: 'keyword in a summary', filters: { keywords: ['model access'] }, expected: ['mixed'] },
    { name: 'German keyword without umlaut', filters: { keywords: ['Munchen'] }, expected: ['berlin'] },
    { name: 'German keyword spelled with oe', filters: { keywords: ['eroeffnet'] }, expected: ['berlin'] },
    { name: 'German compound prefix', filters: { keywords: ['geschäfts*'] }, expected: ['berlin'] },
    { name: 'German word not inside another', filters: { keywords: ['für'] }, expected: [] },
    { name: 'source that carried it first', filters: { sources: ['heise/ki'] }, expected: ['berlin'] },
    { name: 'source that also reported it', filters: { sources: ['golem/ki'] }, expected: ['berlin'] },
    { name: 'source of the feed', filters: { sources: ['techcrunch/ai'] }, expected: ['openai', 'berlin', 'mixed'] },
    {
      name: 'significance does not apply',
      filters: { minSignificance: 'high' },
      expected: ['openai', 'berlin', 'mixed'],
    },
    { name: 'vendor and keyword', filters: { vendors: ['anthropic'], keywords: ['pricing'] }, expected: [] },
  ])('$name', ({ filters, expected }) => {
    expect(keys(filters)).toEqual(expected);
  });

  it('matches nothing while paused', () => {
    expect(matchNewsItems(news, subscription({}, { paused: true }))).toEqual([]);
  });
});

describe('matchingSubscriptions', () => {
  const byVendor = subscription({ vendors: ['openai'] }, { id: 1 });
  const highTerms = subscription({ kind: 'terms', minSignificance: 'high' }, { id: 2 });
  const paused = subscription({}, { id: 3, paused: true });
  const german = subscription({ keywords: ['Kündigung*'] }, { id: 4 });

  it('returns the subscriptions a terms change concerns, in order', () => {
    const ids = matchingSubscriptions(terms, [byVendor, highTerms, paused, german]).map((s) => s.id);
    expect(ids).toEqual([2, 4]);
  });

  it('returns the subscriptions a news event concerns', () => {
    expect(matchingSubscriptions(news, [byVendor, highTerms, paused, german]).map((s) => s.id)).toEqual([1]);
  });

  it('never matches baselines or source errors', () => {
    const baseline = {
      type: 'baseline',
      kind: 'terms',
      versionId: 'v1',
      source: 'anthropic/commercial-terms',
      vendor: 'anthropic',
      title: 'Commercial Terms',
      url: 'https://www.anthropic.com/legal/commercial-terms',
      at: '2025-04-02T08:15:00.000Z',
    } as const;
    const everything = subscription();
    expect(matchesSubscription(baseline, everything)).toBe(false);
    expect(matchesSubscription(sourceFailed(), everything)).toBe(false);
    expect(matchingSubscriptions(sourceFailed(), [everything])).toEqual([]);
  });
});
