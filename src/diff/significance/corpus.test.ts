// Rates and summarises paragraph-level changes between consecutive real versions of vendor terms. Paragraphs
// are paired naively here (this test exercises the rules and summaries, not clause alignment).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SUMMARY_MAX_LENGTH, summarizeChange } from '../summarize.ts';
import type { RawClauseChange } from '../types.ts';
import { rateChange } from './rate-change.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = resolve(repoRoot, process.env.CLAUSEWATCH_CORPUS ?? '../shared/corpus');
const termsDir = join(corpus, 'terms');
const available = existsSync(termsDir);
if (!available)
  console.warn(`significance corpus test: corpus not found at ${termsDir}; set CLAUSEWATCH_CORPUS to run it`);

interface VersionPair {
  readonly document: string;
  readonly before: string;
  readonly after: string;
  readonly changes: readonly RawClauseChange[];
}

function paragraphs(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\n\s*\n/u)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

function paragraphChanges(before: string[], after: string[]): RawClauseChange[] {
  const old = new Set(before);
  const current = new Set(after);
  const removed = before.filter((paragraph) => !current.has(paragraph));
  const added = after.filter((paragraph) => !old.has(paragraph));
  const changes: RawClauseChange[] = [];
  // Equal counts of removed and added paragraphs are read as edits in place; the rest as added/removed.
  const paired = Math.min(removed.length, added.length);
  for (let i = 0; i < removed.length; i += 1) {
    const previous = removed[i] ?? null;
    if (i < paired)
      changes.push({ kind: 'modified', sectionPath: [], label: null, before: previous, after: added[i] ?? null });
    else changes.push({ kind: 'removed', sectionPath: [], label: null, before: previous, after: null });
  }
  for (const paragraph of added.slice(paired)) {
    changes.push({ kind: 'added', sectionPath: [], label: null, before: null, after: paragraph });
  }
  return changes;
}

function versionPairs(): VersionPair[] {
  if (!available) return [];
  const pairs: VersionPair[] = [];
  for (const vendor of readdirSync(termsDir).sort()) {
    for (const documentType of readdirSync(join(termsDir, vendor)).sort()) {
      const dir = join(termsDir, vendor, documentType);
      const files = readdirSync(dir)
        .filter((file) => file.endsWith('.md'))
        .sort();
      for (let i = 1; i < files.length; i += 1) {
        const [before, after] = [files[i - 1] ?? '', files[i] ?? ''];
        const changes = paragraphChanges(paragraphs(join(dir, before)), paragraphs(join(dir, after)));
        pairs.push({ document: `${vendor}/${documentType}`, before, after, changes });
      }
    }
  }
  return pairs;
}

function rateAll(pairs: readonly VersionPair[]): string[][] {
  return pairs.map((pair) =>
    pair.changes.map((change) => {
      const rating = rateChange(change);
      return `${rating.significance} ${rating.topics.join(',')} ${summarizeChange(change, rating)}`;
    }),
  );
}

describe.skipIf(!available)('significance and summaries on the corpus', () => {
  const pairs = versionPairs();

  it('rates every change of every consecutive pair quickly, deterministically, in summaries of bounded length', () => {
    const started = performance.now();
    const first = rateAll(pairs);
    const elapsed = performance.now() - started;
    const second = rateAll(pairs.map((pair) => ({ ...pair, changes: pair.changes.map((change) => ({ ...change })) })));
    expect(second).toEqual(first);
    const lines = first.flat();
    expect(lines.length).toBeGreaterThan(500);
    const tooLong = lines.filter(
      (line) => line.slice(line.indexOf(' ', line.indexOf(' ') + 1) + 1).length > SUMMARY_MAX_LENGTH,
    );
    expect(tooLong).toEqual([]);
    expect(elapsed).toBeLessThan(8_000);
  });

  it('rates the consumer terms change that started training on user chats as high training-data', () => {
    const pair = pairs.find(
      (item) => item.document === 'anthropic/consumer-terms' && item.after.startsWith('2025-08-29'),
    );
    expect(pair).toBeDefined();
    const ratings = (pair?.changes ?? []).map((change) => ({ change, rating: rateChange(change) }));
    const training = ratings.filter(
      ({ rating }) => rating.significance === 'high' && rating.topics.includes('training-data'),
    );
    expect(training.length).toBeGreaterThan(0);
  });

  it('rates pairs that only flip the effective-date format as low, without topics', () => {
    const flips = pairs.filter(
      (item) => item.document === 'anthropic/usage-policy' && item.after >= '2026-04-24' && item.after < '2026-08',
    );
    expect(flips.length).toBeGreaterThan(3);
    const ratings = flips.flatMap((pair) => pair.changes.map((change) => rateChange(change)));
    expect(ratings.length).toBeGreaterThan(0);
    expect(ratings.every((rating) => rating.significance === 'low' && rating.topics.length === 0)).toBe(true);
  });
});
