import type { ClauseChangeKind, Significance } from '../domain/terms-diff.ts';

/**
 * A clause change as alignment finds it, before it is rated and summarised.
 * Shared seam between the aligner (`align-clauses.ts`) and significance/summary (`significance/`, `summarize.ts`).
 */
export interface RawClauseChange {
  readonly kind: ClauseChangeKind;
  /** Heading path, outermost first, of the newer clause (older for removed). */
  readonly sectionPath: readonly string[];
  readonly label: string | null;
  readonly before: string | null;
  readonly after: string | null;
  /** Heading path of the older clause, for moved clauses. */
  readonly fromSectionPath?: readonly string[] | undefined;
  /** Word-level diff inside a modified clause: the words removed and added, in order. */
  readonly removedWords?: readonly string[] | undefined;
  readonly addedWords?: readonly string[] | undefined;
}

/** What the significance rules say of one change. */
export interface ChangeRating {
  readonly significance: Significance;
  readonly topics: readonly string[];
}
