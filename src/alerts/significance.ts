import type { Significance } from '../domain/terms-diff.ts';

/** Significance levels from most to least significant. */
export const SIGNIFICANCE_LEVELS: readonly Significance[] = ['high', 'medium', 'low'];

const RANK: Readonly<Record<Significance, number>> = { high: 3, medium: 2, low: 1 };

/** Numeric rank for sorting: high 3, medium 2, low 1; `null` (news, errors) ranks below every level at 0. */
export function significanceRank(level: Significance | null): number {
  return level === null ? 0 : RANK[level];
}

/** Whether `level` is `threshold` or more significant. */
export function atLeast(level: Significance, threshold: Significance): boolean {
  return RANK[level] >= RANK[threshold];
}

/** The most significant level among `levels`, or null when there are none. */
export function highestSignificance(levels: Iterable<Significance | null>): Significance | null {
  let best: Significance | null = null;
  for (const level of levels) if (significanceRank(level) > significanceRank(best)) best = level;
  return best;
}

/**
 * The entries sorted most significant first; entries of equal significance keep their order (Array#sort is
 * stable), so a terms change still reads in document order within a level.
 */
export function bySignificance<TEntry extends { readonly significance: Significance | null }>(
  entries: readonly TEntry[],
): TEntry[] {
  return [...entries].sort((a, b) => significanceRank(b.significance) - significanceRank(a.significance));
}

/** "1 high, 2 low", leaving out levels with no entry; "none" when empty. */
export function countBySignificance(levels: readonly Significance[]): string {
  const parts = SIGNIFICANCE_LEVELS.map((level) => ({ level, count: levels.filter((l) => l === level).length }))
    .filter(({ count }) => count > 0)
    .map(({ level, count }) => `${count} ${level}`);
  return parts.length === 0 ? 'none' : parts.join(', ');
}
