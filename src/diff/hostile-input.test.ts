import { describe, expect, it } from 'vitest';
import { diffTerms } from './diff-terms.ts';

// Bounds are generous for a shared, loaded 2-core machine; on an idle one each case takes a fraction of its bound.
const BOUND_MS = 10_000;

/** Seeded generator (mulberry32) so every run diffs the same texts. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);

function words(next: () => number, count: number): string {
  return Array.from({ length: count }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]).join(' ');
}

/** `count` numbered clauses of 25 random words, fifty to a section. */
function clauses(seed: number, count: number): string {
  const next = random(seed);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 50 === 0) lines.push(`## Section ${i / 50 + 1}`, '');
    lines.push(`${Math.floor(i / 50) + 1}.${(i % 50) + 1} ${words(next, 25)}.`, '');
  }
  return lines.join('\n');
}

function timed<TResult>(run: () => TResult): { result: TResult; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

describe('diffTerms on hostile input', () => {
  it('5,000 clauses, every one rewritten: all removed and added, within the bound', () => {
    const { result, ms } = timed(() => diffTerms(clauses(1, 5000), clauses(2, 5000)));
    expect(result.changes.filter((change) => change.kind === 'removed')).toHaveLength(5000);
    expect(result.changes.filter((change) => change.kind === 'added')).toHaveLength(5000);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('5,000 clauses, every one edited: all modified with their own labels, within the bound', () => {
    const before = clauses(3, 5000);
    const after = before.replace(/^(\d+\.\d+) /gm, '$1 amended ');
    const { result, ms } = timed(() => diffTerms(before, after));
    expect(result.changes).toHaveLength(5000);
    expect(result.changes.every((change) => change.kind === 'modified')).toBe(true);
    expect(result.changes[49]?.label).toBe('1.50');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('a 5 MB single paragraph, everything changed, within the bound', () => {
    const before = words(random(4), 1_150_000);
    const after = words(random(5), 1_150_000);
    expect(before.length).toBeGreaterThan(5_000_000);
    const { result, ms } = timed(() => diffTerms(before, after));
    expect(result.changes.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('a 5 MB single paragraph with one word changed: one modified clause carrying the whole text', () => {
    const before = words(random(6), 1_150_000);
    const after = before.replace(/^(\S+ \S+)/, '$1 inserted');
    const { result, ms } = timed(() => diffTerms(before, after));
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]?.kind).toBe('modified');
    expect(result.changes[0]?.after).toHaveLength(after.length);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it.each([
    ['link openers', '[x]('.repeat(100_000)],
    ['emphasis markers', `${'*_'.repeat(250_000)}a`],
    ['autolink openers', '<http:x'.repeat(100_000)],
    ['brackets before a link', `${'['.repeat(200_000)}](`],
    ['3,000 nesting levels', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}- item ${i}`).join('\n')],
    ['500,000 lines', 'line of text\n'.repeat(500_000)],
  ])('pathological Markdown (%s) stays linear', (_name, text) => {
    const { ms } = timed(() => diffTerms(text, `${text}\n\nOne new clause at the end.`));
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
