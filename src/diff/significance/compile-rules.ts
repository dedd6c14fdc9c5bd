/** Rules compiled to regular expressions once per rule object, and the counting helpers over them. */
import { compilePattern, countMatches } from './patterns.ts';
import type { QuantityHint, SignificanceRule } from './rules.ts';

/** A rule with its pattern strings compiled. */
export interface CompiledRule {
  readonly rule: SignificanceRule;
  readonly patterns: readonly RegExp[];
  readonly adverse: readonly RegExp[];
  readonly favourable: readonly RegExp[];
  readonly quantities: readonly { readonly hint: QuantityHint; readonly near: RegExp }[];
}

// Rules are immutable data, often the same default objects for every change, so compile each once.
const cache = new WeakMap<SignificanceRule, CompiledRule>();

/** Compiles (or fetches from the cache) one rule. Throws SyntaxError on an invalid pattern. */
export function compileRule(rule: SignificanceRule): CompiledRule {
  const cached = cache.get(rule);
  if (cached !== undefined) return cached;
  const compiled: CompiledRule = {
    rule,
    patterns: rule.patterns.map(compilePattern),
    adverse: (rule.adverse ?? []).map(compilePattern),
    favourable: (rule.favourable ?? []).map(compilePattern),
    quantities: (rule.quantities ?? []).map((hint) => ({ hint, near: compilePattern(hint.near) })),
  };
  cache.set(rule, compiled);
  return compiled;
}

/** Compiles every enabled rule, keeping their order. */
export function compileRules(rules: readonly SignificanceRule[]): CompiledRule[] {
  return rules.filter((rule) => rule.enabled !== false).map(compileRule);
}

/** Match counts of each regex in `text` (empty text: all zero, without running the regexes). */
export function countEach(regexes: readonly RegExp[], text: string): number[] {
  return regexes.map((regex) => (text === '' ? 0 : countMatches(regex, text)));
}

/**
 * What each regex matches in `text`, as one comparable string per regex: the matches, lower-cased with
 * whitespace squashed, sorted and joined. Two texts differ for a pattern when the signatures differ, which
 * catches both a match that appeared and one whose own words changed ("governed by English law" →
 * "governed by Irish law") while ignoring where in the clause it sits.
 */
export function matchSignatures(regexes: readonly RegExp[], text: string): string[] {
  return regexes.map((regex) => {
    if (text === '') return '';
    const found: string[] = [];
    for (const match of text.matchAll(regex)) {
      if (match[0].length > 0) found.push(match[0].toLowerCase().replace(/\s+/gu, ' '));
    }
    return found.sort().join('\u0000');
  });
}

/** Whether two count or signature vectors differ anywhere. */
export function countsDiffer<TValue>(a: readonly TValue[], b: readonly TValue[]): boolean {
  return a.some((value, index) => value !== b[index]);
}

/** Sum of `after[i] - before[i]`: how many more matches the newer text has. */
export function netGain(before: readonly number[], after: readonly number[]): number {
  return after.reduce((sum, value, index) => sum + value - (before[index] ?? 0), 0);
}
