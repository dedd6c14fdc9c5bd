// Placeholder: rates a clause change (replaced by the real rules engine).
import type { ChangeRating, RawClauseChange } from '../types.ts';
import type { SignificanceRule } from './rules.ts';

export function rateChange(_change: RawClauseChange, _rules?: readonly SignificanceRule[]): ChangeRating {
  return { significance: 'low', topics: [] };
}
