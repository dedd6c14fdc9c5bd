import { describe, expect, it } from 'vitest';
import { clauseChangeLength, fitClauseChange, fitItem, itemLength, shareRoom, truncateText } from './fit-text.ts';
import type { AlertClauseChange, AlertItem } from './message.ts';

describe('truncateText', () => {
  it.each([
    { name: 'a text that fits is unchanged', text: 'Short enough', max: 12, expected: 'Short enough' },
    { name: 'cut back to the last word', text: 'The quick brown fox jumps', max: 12, expected: 'The quick…' },
    { name: 'cut exactly before a space', text: 'The quick brown fox', max: 10, expected: 'The quick…' },
    { name: 'punctuation before the cut goes', text: 'Hello, world again', max: 8, expected: 'Hello…' },
    { name: 'one long word is cut where it must be', text: 'a'.repeat(50), max: 10, expected: `${'a'.repeat(9)}…` },
    {
      name: 'a far-away space is not worth it',
      text: `ab ${'c'.repeat(40)}`,
      max: 20,
      expected: `ab ${'c'.repeat(16)}…`,
    },
    { name: 'no half emoji', text: '😀😀😀😀', max: 4, expected: '😀…' },
    { name: 'room for the ellipsis only', text: 'Anything', max: 1, expected: '…' },
    { name: 'no room at all', text: 'Anything', max: 0, expected: '' },
  ])('$name', ({ text, max, expected }) => {
    const cut = truncateText(text, max);
    expect(cut).toBe(expected);
    expect(cut.length).toBeLessThanOrEqual(max);
  });
});

describe('shareRoom', () => {
  it.each([
    { lengths: [10, 100, 100], room: 110, expected: [10, 50, 50] },
    { lengths: [5, 5], room: 100, expected: [5, 5] },
    { lengths: [300, 300, 10], room: 100, expected: [45, 45, 10] },
    { lengths: [7, 0, 30], room: 20, expected: [7, 0, 13] },
    { lengths: [50, 50], room: -5, expected: [0, 0] },
  ])('shares $room among $lengths', ({ lengths, room, expected }) => {
    expect(shareRoom(lengths, room)).toEqual(expected);
  });
});

const longClause: AlertClauseChange = {
  kind: 'modified',
  section: 'Terms › 3. Your Content',
  label: '3.1',
  significance: 'high',
  summary: 'Training on Inputs now allowed',
  before: 'We will not use your Inputs to train our models. '.repeat(40),
  after: 'We may use your Inputs to train our models unless you opt out. '.repeat(40),
};

describe('fitClauseChange', () => {
  it('keeps short texts whole and shares the rest between before and after', () => {
    const fitted = fitClauseChange(longClause, 300);
    expect(fitted.section).toBe('Terms › 3. Your Content');
    expect(fitted.label).toBe('3.1');
    expect(fitted.summary).toBe('Training on Inputs now allowed');
    expect(fitted.before?.endsWith('…')).toBe(true);
    expect(fitted.after?.endsWith('…')).toBe(true);
    expect(fitted.before?.length).toBeLessThanOrEqual(122);
    expect(clauseChangeLength(fitted)).toBeLessThanOrEqual(300);
    expect(clauseChangeLength(fitted)).toBeGreaterThan(280);
  });

  it('keeps null texts null', () => {
    const added = { ...longClause, kind: 'added' as const, before: null };
    const fitted = fitClauseChange(added, 200);
    expect(fitted.before).toBeNull();
    expect(clauseChangeLength(fitted)).toBeLessThanOrEqual(200);
  });
});

describe('fitItem', () => {
  const item: AlertItem = {
    title: 'OpenAI changes API pricing '.repeat(20),
    url: 'https://techcrunch.com/2025/04/02/openai-pricing',
    source: 'techcrunch/ai',
    summary: 'OpenAI raised prices for its flagship model. '.repeat(30),
    vendors: ['openai', 'microsoft', 'anthropic'],
    topics: ['pricing'],
    significance: null,
    group: null,
  };

  it('keeps the link and shortens title and summary', () => {
    const fitted = fitItem(item, 300);
    expect(fitted.url).toBe(item.url);
    expect(fitted.source).toBe('techcrunch/ai');
    expect(itemLength(fitted)).toBeLessThanOrEqual(300);
  });

  it('drops a link too long for the room rather than the line', () => {
    const fitted = fitItem({ ...item, url: `https://example.com/${'x'.repeat(400)}` }, 300);
    expect(fitted.url).toBeNull();
    expect(fitted.title).not.toBe('');
    expect(itemLength(fitted)).toBeLessThanOrEqual(300);
  });
});
