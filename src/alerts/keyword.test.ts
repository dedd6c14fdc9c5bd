import { describe, expect, it } from 'vitest';
import { compileKeyword, containsKeyword, foldText } from './keyword.ts';

describe('foldText', () => {
  it.each([
    { text: 'Kündigung', expected: { plain: 'kundigung', expanded: 'kuendigung' } },
    { text: 'GROẞE Straße', expected: { plain: 'grosse strasse', expanded: 'grosse strasse' } },
    {
      text: 'Öffnungszeiten für Ärzte',
      expected: { plain: 'offnungszeiten fur arzte', expanded: 'oeffnungszeiten fuer aerzte' },
    },
    { text: 'Ku\u0308ndigung', expected: { plain: 'kundigung', expanded: 'kuendigung' } },
    {
      text: 'Café – “opt‑out” isn’t',
      expected: { plain: "cafe - “opt-out” isn't", expanded: "cafe - “opt-out” isn't" },
    },
  ])('folds $text', ({ text, expected }) => {
    expect(foldText(text)).toEqual(expected);
  });
});

describe('compileKeyword', () => {
  const matches = (keyword: string, text: string): boolean => {
    const pattern = compileKeyword(keyword);
    return pattern !== null && containsKeyword([pattern], [foldText(text)]);
  };

  it.each([
    { keyword: 'AI', text: 'Said the AI vendor', expected: true },
    { keyword: 'AI', text: 'They said so', expected: false },
    { keyword: 'C++', text: 'Written in C++ and Rust', expected: true },
    { keyword: 'a.b', text: 'axb', expected: false },
    { keyword: 'opt-out', text: 'you may opt out at any time', expected: true },
    { keyword: 'opt out', text: 'optout', expected: false },
    { keyword: 'data  retention', text: 'Data\nretention periods', expected: true },
    { keyword: 'train*', text: 'Training data', expected: true },
    { keyword: 'train*', text: 'Retraining data', expected: false },
    { keyword: 'Gebühr', text: 'Die Gebuehren steigen', expected: false },
    { keyword: 'Gebühr*', text: 'Die Gebuehren steigen', expected: true },
    { keyword: 'gebuhren', text: 'Die Gebühren steigen', expected: true },
  ])('$keyword in "$text": $expected', ({ keyword, text, expected }) => {
    expect(matches(keyword, text)).toBe(expected);
  });

  it('ignores keywords without a word', () => {
    expect(compileKeyword('')).toBeNull();
    expect(compileKeyword(' * ')).toBeNull();
    expect(compileKeyword('-')).toBeNull();
  });
});
