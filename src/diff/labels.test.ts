import { describe, expect, it } from 'vitest';
import { joinLabel, splitLabel } from './labels.ts';

describe('splitLabel', () => {
  it.each([
    ['3.2 You may not', '3.2', 1, 'You may not'],
    ['3. Fees', '3', 1, 'Fees'],
    ['1.4. Limitations', '1.4', 1, 'Limitations'],
    ['Section 4 Notices', '4', 1, 'Notices'],
    ['§ 12 Haftung', '12', 1, 'Haftung'],
    ['D.4 Credits', 'D.4', 1, 'Credits'],
    ['(b) resell', 'b', 2, 'resell'],
    ['b. Taxes', 'b', 2, 'Taxes'],
    ['(iv) by sharing', 'iv', 3, 'by sharing'],
    ['1) first', '1', 3, 'first'],
    ['(2) Im Übrigen', '2', 3, 'Im Übrigen'],
  ])('%s', (text, core, level, rest) => {
    expect(splitLabel(text)).toEqual({ label: { core, level }, rest });
  });

  it.each(['18 years or older', '3D models are allowed', 'a.m. is morning', 'Hello there'])(
    'no label in %s',
    (text) => {
      expect(splitLabel(text).label).toBeNull();
    },
  );

  it('reads (i) after (h) as a letter, not a roman numeral', () => {
    expect(splitLabel('(i) ninth', { core: 'h', level: 2 }).label).toEqual({ core: 'i', level: 2 });
    expect(splitLabel('(i) first', { core: 'a', level: 2 }).label).toEqual({ core: 'i', level: 3 });
  });
});

describe('joinLabel', () => {
  it.each([
    [null, { core: '3.2', level: 1 as const }, '3.2'],
    ['7', { core: '7.1', level: 1 as const }, '7.1'],
    ['3.2', { core: 'b', level: 2 as const }, '3.2(b)'],
    ['6(f)', { core: '1', level: 1 as const }, '6(f)(1)'],
    ['3', { core: '1', level: 1 as const }, '3.1'],
    [null, { core: 'b', level: 2 as const }, '(b)'],
  ])('%s + %o = %s', (parent, own, expected) => {
    expect(joinLabel(parent, own)).toBe(expected);
  });
});
