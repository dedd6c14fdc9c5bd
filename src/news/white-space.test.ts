import { describe, expect, it } from 'vitest';
import { randomStrings } from './test-strings.ts';
import { collapseWhiteSpace, isWhiteSpace, lastWhiteSpace, startAtWord } from './white-space.ts';

const strings = randomStrings(3000, 40, 7);

/** The expressions the helpers replace, as the pipeline wrote them before. */
const slow = {
  lastWhiteSpace: (text: string): number => text.search(/\s\S*$/u),
  collapse: (text: string): string => text.replace(/\s+/gu, ' ').trim(),
  startOf(text: string, limit: number, whenUnbroken: 'cut' | 'empty'): string {
    if (text.length <= limit) return text;
    const cut = text.slice(0, limit);
    const space = cut.search(/\s\S*$/u);
    return space > 0 ? cut.slice(0, space) : whenUnbroken === 'cut' ? cut : '';
  },
};

describe('isWhiteSpace', () => {
  it('agrees with /\\s/ on every UTF-16 code unit', () => {
    const disagreements: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isWhiteSpace(code) !== /\s/.test(String.fromCharCode(code))) disagreements.push(code);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('lastWhiteSpace', () => {
  it('finds the last white space like /\\s\\S*$/u', () => {
    for (const text of strings) expect(lastWhiteSpace(text), JSON.stringify(text)).toBe(slow.lastWhiteSpace(text));
  });

  it('looks no further than `end`', () => {
    expect(lastWhiteSpace('a b c', 2)).toBe(1);
    expect(lastWhiteSpace('a b c', 0)).toBe(-1);
    expect(lastWhiteSpace('', -1)).toBe(-1);
  });
});

describe('collapseWhiteSpace', () => {
  it.each([
    { text: '  Anthropic  cuts\toff\n OpenAI ', expected: 'Anthropic cuts off OpenAI' },
    { text: 'tidy text', expected: 'tidy text' },
    { text: 'no\u00a0break', expected: 'no break' },
    { text: ' \u2028 ', expected: '' },
  ])('$text', ({ text, expected }) => {
    expect(collapseWhiteSpace(text)).toBe(expected);
  });

  it('equals replacing runs and trimming on random text', () => {
    for (const text of strings) expect(collapseWhiteSpace(text), JSON.stringify(text)).toBe(slow.collapse(text));
  });
});

describe('startAtWord', () => {
  it.each([
    { text: 'Metadata platform', limit: 6, whenUnbroken: 'empty', expected: '' },
    { text: 'Metadata platform', limit: 6, whenUnbroken: 'cut', expected: 'Metada' },
    { text: 'Meta data platform', limit: 9, whenUnbroken: 'empty', expected: 'Meta' },
    { text: 'Meta data platform', limit: 10, whenUnbroken: 'empty', expected: 'Meta data' },
    { text: 'short', limit: 10, whenUnbroken: 'empty', expected: 'short' },
    { text: ' leading', limit: 4, whenUnbroken: 'empty', expected: '' },
  ] as const)('$text at $limit ($whenUnbroken)', ({ text, limit, whenUnbroken, expected }) => {
    expect(startAtWord(text, limit, whenUnbroken)).toBe(expected);
  });

  it('equals cutting and searching the last space, for every limit', () => {
    for (const text of strings.slice(0, 600)) {
      for (let limit = 0; limit <= text.length + 1; limit++) {
        for (const mode of ['cut', 'empty'] as const) {
          expect(startAtWord(text, limit, mode), `${JSON.stringify(text)} ${limit} ${mode}`).toBe(
            slow.startOf(text, limit, mode),
          );
        }
      }
    }
  });
});
