/**
 * Rates one clause change: its significance (high / medium / low) and the topics it touches.
 *
 * A change is rated by what changed, not by the whole clause: topic words only in the unchanged part of a
 * modified clause are a weaker signal, and a small edit with no topic, direction or number in it is low.
 * Direction matters: wording that favours the vendor (a permission added, a promise or user right removed,
 * a cap or notice period shortened) raises the significance; the reverse lowers it.
 */
import type { ChangeRating, RawClauseChange } from '../types.ts';
import { analyzeChange } from './analyze-change.ts';
import { defaultRules, type SignificanceRule } from './rules.ts';

/**
 * Rates `change` with `rules`.
 * @param rules - the rule set, e.g. `mergeRules(defaultRules, config.significanceRules)`. @defaultValue defaultRules
 */
export function rateChange(change: RawClauseChange, rules: readonly SignificanceRule[] = defaultRules): ChangeRating {
  const analysis = analyzeChange(change, rules);
  return { significance: analysis.significance, topics: analysis.topics };
}
