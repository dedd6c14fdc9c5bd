import { describe, expect, it } from 'vitest';
import { findDate, isoString, parseDate, readWholeDate } from './parse-date.ts';

describe('parseDate', () => {
  it.each([
    { text: 'Wed, 12 Mar 2025 10:00:00 GMT', expected: '2025-03-12T10:00:00.000Z' },
    { text: 'Wed, 12 Mar 2025 10:00:00 +0200', expected: '2025-03-12T08:00:00.000Z' },
    { text: 'Wed, 12 Mar 2025 10:00:00 -05:30', expected: '2025-03-12T15:30:00.000Z' },
    { text: 'Wed, 12 Mar 2025 10:00:00 PST', expected: '2025-03-12T18:00:00.000Z' },
    { text: 'Wed, 12 Mar 2025 10:00:00 EDT', expected: '2025-03-12T14:00:00.000Z' },
    { text: 'Wed, 12 Mar 2025 10:00 CET', expected: '2025-03-12T09:00:00.000Z' },
    { text: '12 Mar 2025 10:00:00 UT', expected: '2025-03-12T10:00:00.000Z' },
    { text: 'Wed, 12 Mar 25 10:00:00 Z', expected: '2025-03-12T10:00:00.000Z' },
    { text: 'Wed, 12 Mar 2025 10:00:00 XYZ', expected: '2025-03-12T10:00:00.000Z' },
    { text: 'Wed, 12 Mar 2025 10:00:00', expected: '2025-03-12T10:00:00.000Z' },
    { text: 'Mi, 12 Mär 2025 10:00:00 +0200', expected: '2025-03-12T08:00:00.000Z' },
    { text: 'Mittwoch, 12. März 2025 10:00 MESZ', expected: '2025-03-12T08:00:00.000Z' },
    { text: '1. Dezember 2024', expected: '2024-12-01T00:00:00.000Z' },
    { text: '3. Okt. 2024', expected: '2024-10-03T00:00:00.000Z' },
    { text: '12 March 2025', expected: '2025-03-12T00:00:00.000Z' },
    { text: 'March 12, 2025', expected: '2025-03-12T00:00:00.000Z' },
    { text: 'Sept 3rd, 2024 4:05 PM PDT', expected: '2024-09-03T23:05:00.000Z' },
    { text: '12.03.2025', expected: '2025-03-12T00:00:00.000Z' },
    { text: '2025-03-12', expected: '2025-03-12T00:00:00.000Z' },
    { text: '2025-03-12T10:00:00Z', expected: '2025-03-12T10:00:00.000Z' },
    { text: '2025-03-12T10:00:00.123456+02:00', expected: '2025-03-12T08:00:00.000Z' },
    { text: '2025-03-12 10:00', expected: '2025-03-12T10:00:00.000Z' },
    { text: ' 2025-03-12T10:00:00-0800 ', expected: '2025-03-12T18:00:00.000Z' },
  ])('$text', ({ text, expected }) => {
    expect(parseDate(text)).toBe(expected);
  });

  it.each([
    '',
    'soon',
    'Item 5',
    'yesterday at noon',
    '31 Feb 2025',
    '2025-02-30',
    '2025-13-01',
    'Wed, 12 Foo 2025 10:00:00 GMT',
    '12 Mar 2025 25:00:00 GMT',
    '0001-01-01T00:00:00Z',
    '2025-03-12 and then some',
    `${'9'.repeat(5_000)}-03-12`,
  ])('%j is no date', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it('returns null for null and undefined', () => {
    expect(parseDate(null)).toBeNull();
    expect(parseDate(undefined)).toBeNull();
  });
});

describe('parseDate shortcut for common RFC 822', () => {
  it('gives the readers’ answer for every combination of valid and invalid parts', () => {
    const weekdays = ['Wed', 'Mi'];
    const days = ['01', '29', '31', '00', '7'];
    const months = ['Mar', 'Feb', 'feb', 'DEC', 'Foo', 'Mär', 'Dez', 'May', 'Mai'];
    const years = ['2025', '2024', '1899', '3000', '25'];
    const times = ['10:00:00', '23:59:60', '24:00:00', '10:60:00', '00:00:00', '9:00:00'];
    const zones = ['GMT', 'UT', 'Z', 'EST', 'PDT', 'CEST', 'MEZ', 'BST', '+0200', '-0530', '+2400', '-0000'];
    const odd = ['PM', 'AM', 'PMT', 'XYZ', 'gmt', '+02:00', ''];
    let compared = 0;
    for (const weekday of weekdays) {
      for (const day of days) {
        for (const month of months) {
          for (const year of years) {
            for (const time of times) {
              for (const zone of [...zones, ...odd]) {
                const text = `${weekday}, ${day} ${month} ${year} ${time}${zone === '' ? '' : ` ${zone}`}`;
                expect(parseDate(text), text).toBe(readWholeDate(text.trim()));
                compared++;
              }
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(20_000);
  });
});

describe('isoString', () => {
  it('spells instants as toISOString does', () => {
    const instants = [
      Date.UTC(2025, 2, 12, 10, 0, 0),
      Date.UTC(1899, 11, 31, 23, 59, 59, 999),
      Date.UTC(1000, 0, 1),
      Date.UTC(9999, 11, 31, 23, 59, 59, 5),
      Date.UTC(999, 11, 31),
      Date.UTC(10000, 0, 1),
      Date.UTC(-1, 0, 1),
      0,
      NaN,
    ];
    for (let step = 0; step < 2000; step++) instants.push(Date.UTC(1890 + (step % 120), 0, 1) + step * 86_345_678);
    for (const time of instants) {
      const instant = new Date(time);
      if (Number.isNaN(time)) expect(() => isoString(instant)).toThrow(RangeError);
      else expect(isoString(instant), String(time)).toBe(instant.toISOString());
    }
  });
});

describe('findDate', () => {
  it.each([
    { text: 'Published 12 March 2025 · 3 min read', expected: '2025-03-12T00:00:00.000Z' },
    { text: 'Veröffentlicht am 12. März 2025 von Max', expected: '2025-03-12T00:00:00.000Z' },
    { text: 'Updated: March 12, 2025', expected: '2025-03-12T00:00:00.000Z' },
    { text: 'Posted 2025-03-12 in News', expected: '2025-03-12T00:00:00.000Z' },
    { text: 'Stand: 12.03.2025, 14:30 Uhr', expected: '2025-03-12T14:30:00.000Z' },
    { text: 'Release 12 of 2025, 3 models', expected: null },
    { text: 'No date here', expected: null },
  ])('$text', ({ text, expected }) => {
    expect(findDate(text)).toBe(expected);
  });

  it('stays fast on long digit-heavy text', () => {
    const started = performance.now();
    expect(findDate('1 2 3 '.repeat(50_000))).toBeNull();
    expect(performance.now() - started).toBeLessThan(500);
  });
});
