import { describe, expect, it } from 'vitest';
import { compilePattern, countMatches, findMatches, foldText, isValidPattern } from './patterns.ts';

const count = (pattern: string, text: string): number => countMatches(compilePattern(pattern), foldText(text));

describe('foldText', () => {
  it('folds accented Latin letters one for one, keeping positions', () => {
    const text = 'Gebühren, Kündigung, Änderung, ausschließlich, café, naïve — “quotes” stay';
    const folded = foldText(text);
    expect(folded).toBe('Gebuhren, Kundigung, Anderung, ausschlieslich, cafe, naive — “quotes” stay');
    expect(folded).toHaveLength(text.length);
  });

  it('returns ASCII text unchanged', () => {
    expect(foldText('plain text')).toBe('plain text');
  });
});

describe('compilePattern', () => {
  it.each([
    [String.raw`Gebühr\w*`, 'Die Gebühren steigen.', 1],
    [String.raw`\bKündigung\b`, 'Kündigung und Kündigungsfrist', 1],
    [String.raw`\bKündigung\w*`, 'Kündigung und Kündigungsfrist', 2],
    [String.raw`\bÄnderung\b`, 'Eine Änderung.', 1],
    [String.raw`\bcompet(?:e|ing)\b`, 'a competent court; competing models', 1],
    [String.raw`\bTRAIN\b`, 'we train, we Train', 2],
    [String.raw`\bdo\s+not\b`, 'we do  not', 1],
  ])('%s in %j matches %i times (case-insensitive, accents folded)', (pattern, text, expected) => {
    expect(count(pattern, text)).toBe(expected);
  });

  it('uses Unicode mode when the pattern asks for property escapes', () => {
    expect(count(String.raw`\p{Lu}{3}`, 'ABC def')).toBeGreaterThan(0);
  });

  it('rejects an invalid pattern with a message naming it', () => {
    expect(() => compilePattern('(unclosed')).toThrow(/invalid pattern "\(unclosed"/u);
    expect(isValidPattern('(unclosed')).toBe(false);
    expect(isValidPattern(String.raw`\bok\b`)).toBe(true);
  });
});

describe('findMatches', () => {
  it('returns positions and skips empty matches', () => {
    expect(findMatches(compilePattern(String.raw`\bfee\b`), 'fee and fee')).toEqual([
      { start: 0, end: 3 },
      { start: 8, end: 11 },
    ]);
    expect(findMatches(compilePattern(String.raw`x*`), 'abc')).toEqual([]);
  });
});
