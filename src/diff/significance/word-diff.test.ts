import { describe, expect, it } from 'vitest';
import { diffWordsWithPositions, tokenize } from './word-diff.ts';

describe('tokenize', () => {
  it('splits words, keeps internal apostrophes, dots and hyphens, and currency signs', () => {
    expect(tokenize("We don't charge $1,000.50 for third-party x.AI use.").map((token) => token.text)).toEqual([
      'We',
      "don't",
      'charge',
      '$',
      '1,000.50',
      'for',
      'third-party',
      'x.AI',
      'use',
    ]);
  });
});

describe('diffWordsWithPositions', () => {
  const texts = (tokens: readonly { text: string }[]): string[] => tokens.map((token) => token.text);

  it('groups consecutive changes into hunks with positions', () => {
    const before = 'We do not use your content to train our models.';
    const after = 'We may use your content to train our models.';
    const diff = diffWordsWithPositions(before, after);
    expect(diff.rewritten).toBe(false);
    expect(diff.hunks.map((hunk) => [texts(hunk.removed), texts(hunk.added)])).toEqual([[['do', 'not'], ['may']]]);
    const [hunk] = diff.hunks;
    expect(hunk?.removed[0] && before.slice(hunk.removed[0].start, hunk.removed[1]?.end)).toBe('do not');
  });

  it('ignores case and apostrophe style', () => {
    expect(diffWordsWithPositions('X.AI won’t sell data', "x.AI won't sell data").hunks).toEqual([]);
  });

  it('treats texts beyond the edit bound as rewritten wholesale', () => {
    const before = Array.from({ length: 800 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 800 }, (_, i) => `b${i}`).join(' ');
    const started = performance.now();
    const diff = diffWordsWithPositions(before, after);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(diff.rewritten).toBe(true);
    expect(diff.hunks).toHaveLength(1);
    expect(diff.hunks[0]?.removed).toHaveLength(800);
  });
});
