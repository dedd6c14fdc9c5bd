// Placeholder: one-line summaries (replaced by the real summariser).
import type { ClauseChange, TermsDiff } from '../domain/terms-diff.ts';
import type { ChangeRating, RawClauseChange } from './types.ts';

export function summarizeChange(change: RawClauseChange, _rating: ChangeRating): string {
  return `${change.kind}: ${(change.after ?? change.before ?? '').slice(0, 80)}`;
}

export interface DiffSummaryInput {
  readonly vendor?: string | undefined;
  readonly title?: string | undefined;
  readonly changes: readonly ClauseChange[];
  readonly effectiveDate: TermsDiff['effectiveDate'];
}

export function summarizeDiff(input: DiffSummaryInput): string {
  return `${input.vendor ?? ''} ${input.title ?? ''}: ${input.changes.length} changes`.trim();
}
