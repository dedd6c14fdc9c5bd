import { describe, expect, it } from 'vitest';
import { compareQuantities, extractQuantities, parseNumber } from './quantities.ts';

describe('extractQuantities', () => {
  it.each([
    ['the 12 months before the claim', [['duration', 'time', 365, '12 months']]],
    ['thirty (30) days', [['duration', 'time', 30, '(30) days']]],
    ['a 12-month period', [['duration', 'time', 365, '12-month']]],
    [
      '2 weeks or 1 year',
      [
        ['duration', 'time', 14, '2 weeks'],
        ['duration', 'time', 365, '1 year'],
      ],
    ],
    ['innerhalb von 14 Tagen', [['duration', 'time', 14, '14 Tagen']]],
    ['für 6 Monate', [['duration', 'time', 182.5, '6 Monate']]],
    [
      'the greater of $100 or US$1,000.50',
      [
        ['money', 'USD', 100, '$100'],
        ['money', 'USD', 1000.5, 'US$1,000.50'],
      ],
    ],
    [
      'bis zu 1.000 € oder 50 EUR',
      [
        ['money', 'EUR', 1000, '1.000 €'],
        ['money', 'EUR', 50, '50 EUR'],
      ],
    ],
    ['£20 a month', [['money', 'GBP', 20, '£20']]],
    [
      'a 15% discount, 2,5 Prozent',
      [
        ['percent', '%', 15, '15%'],
        ['percent', '%', 2.5, '2,5 Prozent'],
      ],
    ],
    [
      'up to 50 messages or 10 queries',
      [
        ['count', 'message', 50, '50 messages'],
        ['count', 'query', 10, '10 queries'],
      ],
    ],
    ['Section 3.2 and clause 14', []],
  ])('%s', (text, expected) => {
    expect(extractQuantities(text).map((q) => [q.unit, q.key, Math.round(q.value * 1000) / 1000, q.text])).toEqual(
      expected,
    );
  });

  it('keeps positions into the text', () => {
    const text = 'within 30 days of notice';
    const [quantity] = extractQuantities(text);
    expect(quantity && text.slice(quantity.start, quantity.end)).toBe('30 days');
  });
});

describe('parseNumber', () => {
  it.each([
    ['1,000', 1000],
    ['1.000', 1000],
    ['1,5', 1.5],
    ['12.50', 12.5],
    ['1.000,75', 1000.75],
    ['7', 7],
  ])('%s → %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
});

describe('compareQuantities', () => {
  const pairs = (before: string, after: string): string[] =>
    compareQuantities(extractQuantities(before), extractQuantities(after)).map(
      (change) => `${change.before.text} → ${change.after.text}`,
    );

  it.each([
    ['12 months and $100', '6 months and $100', ['12 months → 6 months']],
    ['$100 or 12 months', '$50 or 6 months', ['$100 → $50', '12 months → 6 months']],
    ['30 days, then 60 days', '60 days, then 30 days', []],
    ['$100', '30 days', []],
    ['12 months', '1 year', []],
    ['1 year', '6 months', ['1 year → 6 months']],
    ['2 weeks', '14 days', []],
    ['$100', '€100', []],
  ])('%s / %s', (before, after, expected) => {
    expect(pairs(before, after)).toEqual(expected);
  });
});
