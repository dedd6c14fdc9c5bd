import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../news/test-strings.ts';
import { findDate, parseDate, readWholeDate } from './parse-date.ts';

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

describe('calendar arithmetic', () => {
  /** How the instant was built before: a Date from Date.UTC, its roll-over checked, the offset subtracted. */
  function dateBased(parts: readonly number[], offsetMinutes: number): string | null {
    const [year = NaN, month = NaN, day = NaN, hour = 0, minute = 0, second = 0] = parts;
    if (year < 1900 || year > 2999 || hour > 23 || minute > 59 || second > 60) return null;
    const instant = new Date(Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)));
    if (instant.getUTCMonth() !== month - 1 || instant.getUTCDate() !== day) return null;
    if (offsetMinutes !== 0) instant.setTime(instant.getTime() - offsetMinutes * 60_000);
    return instant.toISOString();
  }

  it('gives the Date-based instants for valid and impossible dates at any offset', () => {
    const random = seededRandom(61);
    const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
    const pad = (value: number, width: number): string => String(value).padStart(width, '0');
    let valid = 0;
    for (let round = 0; round < 20_000; round++) {
      const parts = [
        between(1890, 3005),
        between(0, 13),
        between(0, 32),
        between(0, 24),
        between(0, 60),
        between(0, 61),
      ];
      const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
      const offset = round % 5 === 0 ? 0 : between(-99 * 60 - 59, 99 * 60 + 59);
      const zone =
        offset === 0
          ? 'Z'
          : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60), 2)}${pad(Math.abs(offset) % 60, 2)}`;
      const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${zone}`;
      const expected = dateBased(parts, offset);
      expect(parseDate(text), text).toBe(expected);
      if (expected !== null) valid++;
    }
    expect(valid).toBeGreaterThan(5_000);
  });

  it('leaps like the Gregorian calendar', () => {
    expect(parseDate('2000-02-29')).toBe('2000-02-29T00:00:00.000Z');
    expect(parseDate('2100-02-29')).toBeNull();
    expect(parseDate('2024-02-29T23:30:00-01:00')).toBe('2024-03-01T00:30:00.000Z');
    expect(parseDate('1900-01-01T00:30:00+01:00')).toBe('1899-12-31T23:30:00.000Z');
    expect(parseDate('2999-12-31T23:30:00-01:00')).toBe('3000-01-01T00:30:00.000Z');
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
