/** Kinds of clause change, as the `diff --json` contract names them. */
export type ClauseChangeKind = 'added' | 'removed' | 'modified' | 'moved';

export type Significance = 'high' | 'medium' | 'low';

/** One clause that was added, removed, modified or moved between two versions of a document. */
export interface ClauseChange {
  readonly kind: ClauseChangeKind;
  /** Heading path of the clause in the newer version (older for removed), joined with " › ". */
  readonly section: string;
  /** The clause's own label (`3.2`, `(b)`, `D.4`), or null when it has none. */
  readonly label: string | null;
  /** Whole text of the clause before the change; null for added clauses. */
  readonly before: string | null;
  /** Whole text of the clause after the change; null for removed clauses. */
  readonly after: string | null;
  readonly significance: Significance;
  readonly topics: readonly string[];
  /** One line saying what changed and why it matters. */
  readonly summary: string;
}

/** The clause-level difference between two versions of one terms document. */
export interface TermsDiff {
  readonly changes: readonly ClauseChange[];
  /** "Last updated / Effective" dates of both versions, or null when neither states one. */
  readonly effectiveDate: { readonly before: string | null; readonly after: string | null } | null;
  /** One headline for the whole change. */
  readonly summary: string;
}
