// Alignment by content, not position: equal keys pair first (same section before any section), then the most
// similar remaining pairs above a threshold. Sections are paired the same way (by name, else by where most of
// their clauses went), so a clause is "moved" only when it left its section, never because a heading was renamed.

import { looseKey } from './clean-text.ts';
import type { Clause } from './parse-clauses.ts';
import { defaultSimilarityLimits, findCandidates, wordSet, type SimilarityLimits } from './similarity.ts';

/** An old clause and the new clause it became. */
export interface ClausePair {
  readonly oldIndex: number;
  readonly newIndex: number;
  /** True when the comparison keys are equal (the text is unchanged up to noise). */
  readonly exact: boolean;
  /** Similarity in [0, 1]; 1 for exact pairs. */
  readonly score: number;
  /** True when the clause now sits in a section that does not correspond to its old one. */
  readonly moved: boolean;
}

/** How two clause lists line up. */
export interface Alignment {
  readonly pairs: readonly ClausePair[];
  /** Old clauses with no counterpart, in old order. */
  readonly removed: readonly number[];
  /** New clauses with no counterpart, in new order. */
  readonly added: readonly number[];
}

/** Tuning of the alignment. */
export interface AlignOptions {
  /** Lowest similarity at which two clauses count as one clause modified. @defaultValue 0.5 */
  readonly threshold?: number | undefined;
  readonly limits?: Partial<SimilarityLimits> | undefined;
}

/** Default similarity at which two clauses are the same clause, modified. */
export const DEFAULT_MODIFIED_THRESHOLD = 0.5;

/** Aligns the clauses of two versions. Deterministic: ties are broken by position. */
export function alignClauses(
  before: readonly Clause[],
  after: readonly Clause[],
  options: AlignOptions = {},
): Alignment {
  const matchedOld = new Map<number, { newIndex: number; score: number }>();
  const usedNew = new Set<number>();
  matchExact(before, after, (clause) => `${clause.sectionKey}\u0000${clause.key}`, matchedOld, usedNew);
  matchExact(before, after, (clause) => clause.key, matchedOld, usedNew);
  // Same wording, different address or punctuation: the same clause; diff-clauses decides if that is noise.
  matchExact(before, after, (clause) => looseKey(clause.key), matchedOld, usedNew);
  matchSimilar(before, after, options, matchedOld, usedNew);
  const links = [...matchedOld].sort((a, b) => a[0] - b[0]);
  // A clause moved when its sections do not correspond looking forward or looking back; asking both ways makes
  // diff(B, A) report the same moves as diff(A, B), and catches splits (forward) as well as merges (back).
  const forward = mapSections(
    before,
    after,
    links.map(([oldIndex, { newIndex }]) => [oldIndex, newIndex] as const),
  );
  const backward = mapSections(
    after,
    before,
    links.map(([oldIndex, { newIndex }]) => [newIndex, oldIndex] as const),
  );
  const pairs: ClausePair[] = [];
  for (const [oldIndex, { newIndex, score }] of links) {
    const oldClause = before[oldIndex];
    const newClause = after[newIndex];
    if (oldClause === undefined || newClause === undefined) continue;
    const moved =
      forward.get(oldClause.sectionKey) !== newClause.sectionKey ||
      backward.get(newClause.sectionKey) !== oldClause.sectionKey;
    pairs.push({ oldIndex, newIndex, exact: score === 1 && oldClause.key === newClause.key, score, moved });
  }
  return {
    pairs,
    removed: before.filter((clause) => !matchedOld.has(clause.index)).map((clause) => clause.index),
    added: after.filter((clause) => !usedNew.has(clause.index)).map((clause) => clause.index),
  };
}

function matchExact(
  before: readonly Clause[],
  after: readonly Clause[],
  keyOf: (clause: Clause) => string,
  matchedOld: Map<number, { newIndex: number; score: number }>,
  usedNew: Set<number>,
): void {
  // Repeated texts pair in order: the first old "Date:" with the first new one.
  const byKey = new Map<string, { readonly indexes: number[]; next: number }>();
  for (const clause of after) {
    if (usedNew.has(clause.index)) continue;
    const key = keyOf(clause);
    const queue = byKey.get(key);
    if (queue === undefined) byKey.set(key, { indexes: [clause.index], next: 0 });
    else queue.indexes.push(clause.index);
  }
  for (const clause of before) {
    if (matchedOld.has(clause.index)) continue;
    const queue = byKey.get(keyOf(clause));
    const newIndex = queue?.indexes[queue.next];
    if (queue === undefined || newIndex === undefined) continue;
    queue.next++;
    matchedOld.set(clause.index, { newIndex, score: 1 });
    usedNew.add(newIndex);
  }
}

function matchSimilar(
  before: readonly Clause[],
  after: readonly Clause[],
  options: AlignOptions,
  matchedOld: Map<number, { newIndex: number; score: number }>,
  usedNew: Set<number>,
): void {
  const limits = { ...defaultSimilarityLimits, ...options.limits };
  const oldSets = new Map<number, ReadonlySet<string>>();
  const newSets = new Map<number, ReadonlySet<string>>();
  for (const clause of before) {
    if (!matchedOld.has(clause.index)) oldSets.set(clause.index, wordSet(clause.key, limits.maxWordsPerClause));
  }
  for (const clause of after) {
    if (!usedNew.has(clause.index)) newSets.set(clause.index, wordSet(clause.key, limits.maxWordsPerClause));
  }
  if (oldSets.size === 0 || newSets.size === 0) return;
  const threshold = options.threshold ?? DEFAULT_MODIFIED_THRESHOLD;
  const drift = (oldIndex: number, newIndex: number) => Math.abs(oldIndex / before.length - newIndex / after.length);
  const candidates = findCandidates(oldSets, newSets, threshold, limits).sort(
    (a, b) =>
      b.score - a.score ||
      drift(a.oldIndex, a.newIndex) - drift(b.oldIndex, b.newIndex) ||
      a.newIndex - b.newIndex ||
      a.oldIndex - b.oldIndex,
  );
  for (const { oldIndex, newIndex, score } of candidates) {
    if (matchedOld.has(oldIndex) || usedNew.has(newIndex)) continue;
    matchedOld.set(oldIndex, { newIndex, score });
    usedNew.add(newIndex);
  }
}

/**
 * Which target section each source section became: the one with the same key, else the one that received most of
 * its clauses (earliest on a tie). Sections none of whose clauses survived map to nothing. Used in both directions.
 */
function mapSections(
  from: readonly Clause[],
  to: readonly Clause[],
  links: readonly (readonly [number, number])[],
): Map<string, string> {
  const targetKeys = new Set(to.map((clause) => clause.sectionKey));
  const votes = new Map<string, Map<string, { count: number; first: number }>>();
  for (const [fromIndex, toIndex] of links) {
    const source = from[fromIndex]?.sectionKey;
    const target = to[toIndex]?.sectionKey;
    if (source === undefined || target === undefined || targetKeys.has(source)) continue;
    const tally = votes.get(source) ?? new Map<string, { count: number; first: number }>();
    const entry = tally.get(target) ?? { count: 0, first: toIndex };
    tally.set(target, { count: entry.count + 1, first: Math.min(entry.first, toIndex) });
    votes.set(source, tally);
  }
  const mapping = new Map<string, string>();
  for (const { sectionKey } of from) {
    if (mapping.has(sectionKey)) continue;
    if (targetKeys.has(sectionKey)) {
      mapping.set(sectionKey, sectionKey);
      continue;
    }
    const best = [...(votes.get(sectionKey) ?? [])].sort(
      (a, b) => b[1].count - a[1].count || a[1].first - b[1].first,
    )[0];
    if (best !== undefined) mapping.set(sectionKey, best[0]);
  }
  return mapping;
}
