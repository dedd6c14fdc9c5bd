import { describe, expect, it } from 'vitest';
import { parseDate, readDateLine } from './effective-date.ts';

describe('readDateLine', () => {
  it.each([
    ['Last updated: March 1, 2025', { value: '2025-03-01', priority: 2 }],
    ['Last Updated: June 13, 2025', { value: '2025-06-13', priority: 2 }],
    ['Updated: January 10, 2024', { value: '2024-01-10', priority: 2 }],
    ['Effective October 8, 2025Previous Version', { value: '2025-10-08', priority: 1 }],
    ['Effective 15 September 2025', { value: '2025-09-15', priority: 1 }],
    ['Effective: February 14, 2025 (previous version)', { value: '2025-02-14', priority: 1 }],
    ['Effective date: 11-04-2023', { value: '2023-11-04', priority: 1 }],
    ['Effective date: 2023-11-04', { value: '2023-11-04', priority: 1 }],
    ['Zuletzt aktualisiert: 1. März 2025', { value: '2025-03-01', priority: 2 }],
    ['Stand: 15.04.2025', { value: '2025-04-15', priority: 2 }],
    ['Gültig ab 1. Januar 2026', { value: '2026-01-01', priority: 1 }],
    ['Last updated: 3rd quarter 2025', { value: '3rd quarter 2025', priority: 2 }],
    ['Last updated: 2025 Q3', { value: '2025 Q3', priority: 2 }],
  ])('%s', (text, expected) => {
    expect(readDateLine(text)).toEqual(expected);
  });

  it.each([
    'Updated terms apply to all users from the day they are posted.',
    'Standard plans renew monthly.',
    'Effective communication with support is encouraged.',
    'Note: This policy is effective on October 8, 2025 or the date you acknowledge it.',
  ])('is not fooled by a sentence: %s', (text) => {
    expect(readDateLine(text)).toBeNull();
  });
});

describe('parseDate', () => {
  it.each([
    ['Sept. 5, 2024', '2024-09-05'],
    ['5th of May 2024', '2024-05-05'],
    ['31/12/2024', '2024-12-31'],
    ['1. Okt. 2024', '2024-10-01'],
    ['Smarch 3, 2024', null],
    ['2024-13-01', null],
  ])('%s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });
});
