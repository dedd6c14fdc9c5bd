// Benchmark: clausewatch's clause diff against jsdiff's `diffWords` on every consecutive version pair of the
// corpus, same texts, same run. Run with `npx tsx bench/diff.ts`; the corpus comes from CLAUSEWATCH_CORPUS, default
// ../shared/corpus beside the repository.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diffWords } from 'diff';
import { diffClauses } from '../src/diff/diff-clauses.ts';
import { diffTerms } from '../src/diff/index.ts';
import { parseClauses } from '../src/diff/parse-clauses.ts';

/** Timings of one engine over all pairs. */
export interface EngineTimings {
  readonly pairsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly totalMs: number;
}

/** What `benchDiff` measured, or why it could not. */
export type DiffBenchResult =
  | { readonly kind: 'skipped'; readonly reason: string }
  | {
      readonly kind: 'measured';
      readonly pairs: number;
      readonly rounds: number;
      /** `diffTerms`: parse, align, word diffs, rating and summaries. */
      readonly clausewatch: EngineTimings;
      /** Parse, align and word diffs only (`diffClauses`), to show what rating and summaries cost. */
      readonly structure: EngineTimings;
      /** jsdiff `diffWords` on the whole texts. */
      readonly jsdiff: EngineTimings;
      /** clausewatch pairs/s divided by jsdiff pairs/s. */
      readonly ratio: number;
    };

/** Options of `benchDiff`. */
export interface BenchOptions {
  /** Measured passes over all pairs. @defaultValue 1 */
  readonly rounds?: number;
  /** Pairs each engine runs before measuring, so the JIT has compiled the hot paths. @defaultValue 10 */
  readonly warmupPairs?: number;
}

interface Pair {
  readonly before: string;
  readonly after: string;
}

/** Times clausewatch and jsdiff on every consecutive version pair under `corpusDir/terms`. */
export async function benchDiff(corpusDir: string, options: BenchOptions = {}): Promise<DiffBenchResult> {
  const termsDir = path.join(corpusDir, 'terms');
  if (!existsSync(termsDir)) return { kind: 'skipped', reason: `no corpus at ${termsDir} (set CLAUSEWATCH_CORPUS)` };
  const pairs = loadPairs(termsDir);
  const engines = {
    clausewatch: (pair: Pair) => diffTerms(pair.before, pair.after),
    structure: (pair: Pair) => diffClauses(parseClauses(pair.before).clauses, parseClauses(pair.after).clauses),
    jsdiff: (pair: Pair) => diffWords(pair.before, pair.after),
  };
  for (const pair of pairs.slice(0, options.warmupPairs ?? 10)) for (const run of Object.values(engines)) run(pair);
  const samples = { clausewatch: [] as number[], structure: [] as number[], jsdiff: [] as number[] };
  const rounds = options.rounds ?? 1;
  for (let round = 0; round < rounds; round++) {
    for (const pair of pairs) {
      // Interleaved per pair so both engines see the same machine load.
      for (const [name, run] of Object.entries(engines) as [keyof typeof engines, (pair: Pair) => unknown][]) {
        const start = performance.now();
        run(pair);
        samples[name].push(performance.now() - start);
      }
    }
    // Yield between rounds so a caller's timers and signals are not starved.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const clausewatch = summarise(samples.clausewatch);
  const jsdiff = summarise(samples.jsdiff);
  const structure = summarise(samples.structure);
  const ratio = clausewatch.pairsPerSecond / jsdiff.pairsPerSecond;
  return { kind: 'measured', pairs: pairs.length, rounds, clausewatch, structure, jsdiff, ratio };
}

function loadPairs(termsDir: string): Pair[] {
  const pairs: Pair[] = [];
  for (const vendor of readdirSync(termsDir).sort()) {
    for (const document of readdirSync(path.join(termsDir, vendor)).sort()) {
      const folder = path.join(termsDir, vendor, document);
      const texts = readdirSync(folder)
        .filter((file) => file.endsWith('.md'))
        .sort()
        .map((file) => readFileSync(path.join(folder, file), 'utf8'));
      for (let i = 1; i < texts.length; i++) pairs.push({ before: texts[i - 1] ?? '', after: texts[i] ?? '' });
    }
  }
  return pairs;
}

function summarise(samples: readonly number[]): EngineTimings {
  const sorted = [...samples].sort((a, b) => a - b);
  const totalMs = sorted.reduce((sum, ms) => sum + ms, 0);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? 0;
  return { pairsPerSecond: (samples.length * 1000) / totalMs, p50Ms: at(0.5), p99Ms: at(0.99), totalMs };
}

/** The result as a small table. */
export function formatBench(result: DiffBenchResult, corpusDir: string): string {
  if (result.kind === 'skipped') return `diff benchmark skipped: ${result.reason}`;
  const row = (name: string, t: EngineTimings) =>
    `${name.padEnd(34)}${t.pairsPerSecond.toFixed(1).padStart(10)}${t.p50Ms.toFixed(2).padStart(10)}` +
    `${t.p99Ms.toFixed(1).padStart(10)}${t.totalMs.toFixed(0).padStart(11)}`;
  return [
    `diff benchmark: ${result.pairs} consecutive version pairs × ${result.rounds} round(s) from ${corpusDir}`,
    `${''.padEnd(34)}${'pairs/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'total ms'.padStart(11)}`,
    row('clausewatch diffTerms', result.clausewatch),
    row('  structure only (no rating)', result.structure),
    row('jsdiff diffWords', result.jsdiff),
    `throughput ratio clausewatch / jsdiff: ${result.ratio.toFixed(1)}x (target ≥ 5x)`,
  ].join('\n');
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const corpusDir = path.resolve(repoRoot, process.env.CLAUSEWATCH_CORPUS ?? '../shared/corpus');
  const rounds = Number(process.env.CLAUSEWATCH_BENCH_ROUNDS ?? '1');
  console.log(formatBench(await benchDiff(corpusDir, { rounds }), corpusDir));
}
