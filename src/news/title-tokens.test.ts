import { describe, expect, it } from 'vitest';
import { randomStrings } from './test-strings.ts';
import { foldTitle, titleStopWords, titleTokens } from './title-tokens.ts';

describe('titleTokens', () => {
  it.each([
    {
      title: 'OpenAI launches GPT-5 for 20 dollars',
      expected: { list: ['openai', 'launches', 'gpt', '5', '20', 'dollars'], numbers: ['5', '20'] },
    },
    { title: 'Die Übernahme: Straße für KI', expected: { list: ['ubernahme', 'strasse', 'ki'], numbers: [] } },
    {
      title: 'Version ² and ٣ are no numbers',
      expected: { list: ['version', '2', '٣', 'no', 'numbers'], numbers: ['2'] },
    },
  ])('$title', ({ title, expected }) => {
    const tokens = titleTokens(title);
    expect(tokens.list).toEqual(expected.list);
    expect([...tokens.set]).toEqual([...new Set(expected.list)]);
    expect([...tokens.numbers]).toEqual(expected.numbers);
  });

  it('finds the numbers the per-word test finds, digits in the title or not', () => {
    const pieces = ['a', 'Z', ' ', ' ', '-', '1', '42', '٣', '²', 'ä', 'ß', 'the', 'for', 'GPT', '.', '½'];
    for (const title of randomStrings(3000, 12, 41, pieces)) {
      const words = (foldTitle(title).match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !titleStopWords.has(word));
      const numbers = new Set(words.filter((word) => /^\d+$/.test(word)));
      expect(titleTokens(title).numbers, JSON.stringify(title)).toEqual(numbers);
    }
  });
});

describe('foldTitle', () => {
  const full = (title: string): string =>
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replaceAll('ß', 'ss');

  it('folds every Latin-1 character as the full normalisation does, alone and between letters', () => {
    for (let code = 0; code <= 0xff; code++) {
      const char = String.fromCharCode(code);
      for (const title of [char, `a${char}b`, `${char}${char}`, `Ä${char}\u0308`]) {
        expect(foldTitle(title), JSON.stringify(title)).toBe(full(title));
      }
    }
  });

  it('equals the full normalisation on random headlines, Latin-1 or beyond', () => {
    const latin1 = Array.from({ length: 0x100 }, (_, code) => String.fromCharCode(code));
    const beyond = ['İ', '™', 'ǅ', 'ẞ', 'ſ', 'K', '\u0301', '😀', 'Σ', 'ﬁ', '①'];
    for (const title of [
      ...randomStrings(3000, 14, 43, latin1),
      ...randomStrings(1000, 10, 44, [...latin1, ...beyond]),
    ]) {
      expect(foldTitle(title), JSON.stringify(title)).toBe(full(title));
      const words = (full(title).match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !titleStopWords.has(word));
      expect(titleTokens(title).list, JSON.stringify(title)).toEqual(words);
    }
  });
});
