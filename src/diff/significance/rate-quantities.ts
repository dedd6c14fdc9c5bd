/**
 * Explains numbers that changed inside a clause with the rules' quantity hints: which topic the number
 * belongs to ("Liability cap"), and whether the new value is adverse or favourable to the user.
 */
import type { CompiledRule } from './compile-rules.ts';
import { sentenceBounds, type Span } from './excerpt.ts';
import { findMatches } from './patterns.ts';
import type { QuantityChange } from './quantities.ts';
import type { Direction, QuantityHint } from './rules.ts';

/** A changed number and what the hints make of it. */
export interface RatedQuantityChange extends QuantityChange {
  /** Topic of the hint that applied; null when no hint matched the number's sentence. */
  readonly topic: string | null;
  /** The hint's label ("Notice period"); null without a hint. */
  readonly label: string | null;
  readonly direction: Direction | null;
}

interface Candidate {
  readonly topic: string;
  readonly hint: QuantityHint;
  readonly distance: number;
}

/** Rates each change with the closest matching hint of any rule (ties: earlier rule, earlier hint). */
export function rateQuantities(
  changes: readonly QuantityChange[],
  texts: { readonly after: string },
  rules: readonly CompiledRule[],
): RatedQuantityChange[] {
  return changes.map((change) => {
    const best = closestHint(change, texts.after, rules);
    if (best === null) return { ...change, topic: null, label: null, direction: null };
    return { ...change, topic: best.topic, label: best.hint.label, direction: directionOf(change, best.hint) };
  });
}

function closestHint(change: QuantityChange, after: string, rules: readonly CompiledRule[]): Candidate | null {
  const sentence = sentenceBounds(after, change.after);
  const text = after.slice(sentence.start, sentence.end);
  const target = { start: change.after.start - sentence.start, end: change.after.end - sentence.start };
  let best: Candidate | null = null;
  for (const rule of rules) {
    for (const { hint, near } of rule.quantities) {
      if (hint.units !== undefined && !hint.units.includes(change.after.unit)) continue;
      const distance = nearestDistance(findMatches(near, text), target);
      if (distance !== null && (best === null || distance < best.distance)) {
        best = { topic: rule.rule.topic, hint, distance };
      }
    }
  }
  return best;
}

/** Characters between the quantity and the closest match (0 when they touch or overlap); null without one. */
function nearestDistance(matches: readonly Span[], target: Span): number | null {
  let best: number | null = null;
  for (const match of matches) {
    const gap = match.end <= target.start ? target.start - match.end : Math.max(0, match.start - target.end);
    if (best === null || gap < best) best = gap;
  }
  return best;
}

function directionOf(change: QuantityChange, hint: QuantityHint): Direction {
  const lower = change.after.value < change.before.value;
  if (lower) return hint.lower;
  return hint.lower === 'adverse' ? 'favourable' : 'adverse';
}
