/**
 * Reads one clause change against the rule set: which topics it touches (strongly, in what changed, or only
 * weakly, in unchanged words around the change), in which direction, and which numbers moved.
 * `rateChange` and the summariser both read this analysis.
 */
import type { Significance } from '../../domain/terms-diff.ts';
import type { RawClauseChange } from '../types.ts';
import { compileRules, countEach, countsDiffer, matchSignatures, netGain, type CompiledRule } from './compile-rules.ts';
import { rateQuantities, type RatedQuantityChange } from './rate-quantities.ts';
import { foldText } from './patterns.ts';
import { toPlainText } from './plain-text.ts';
import { compareQuantities, extractQuantities } from './quantities.ts';
import {
  ruleSignificance,
  shiftSignificance,
  significanceRank,
  type Direction,
  type SignificanceRule,
} from './rules.ts';
import { tokenize, type Token } from './word-diff.ts';

/** What one topic says of a change. */
export interface TopicFinding {
  readonly compiled: CompiledRule;
  readonly topic: string;
  /** The change itself touches the topic (its words or direction changed), not just the clause around it. */
  readonly strong: boolean;
  /** Net direction of the topic's direction patterns and numbers; null when none moved or they cancel out. */
  readonly direction: Direction | null;
  /** How far the change leans: adverse wording gained and favourable wording lost, minus the reverse. */
  readonly score: number;
  readonly significance: Significance;
}

/** Everything the rules say of one change. */
export interface ChangeAnalysis {
  /** Topics touched, the most significant first (strong before weak, then rule order). */
  readonly findings: readonly TopicFinding[];
  /** Numbers that changed inside a modified clause, with the hint that explains them when one applies. */
  readonly quantities: readonly RatedQuantityChange[];
  /** Words removed plus words added. */
  readonly changedWords: number;
  /** A modified clause whose edit is small and touches no topic, direction or number. */
  readonly wordingOnly: boolean;
  readonly significance: Significance;
  readonly topics: readonly string[];
}

/**
 * Bound on the characters of one clause the patterns (and summaries) run over. Clauses are paragraphs;
 * anything longer is hostile or broken input, and the cap keeps rating and summarising fast.
 */
export const MAX_ANALYSED_CHARS = 20_000;

/** At most this many changed words (removed + added), with no topic in them, make a wording edit. */
export const WORDING_MAX_WORDS = 6;

/** The texts patterns run on, folded (see `foldText`). */
interface ChangeTexts {
  readonly before: string;
  readonly after: string;
  /** The removed and added words, joined; equal to before/after for removed/added clauses. */
  readonly removed: string;
  readonly added: string;
  readonly changedWords: number;
}

// rateChange and summarizeChange are called one after the other on the same change object.
const cache = new WeakMap<RawClauseChange, { rules: readonly SignificanceRule[]; analysis: ChangeAnalysis }>();

/** Analyses `change` against `rules` (memoised per change object and rule set). */
export function analyzeChange(change: RawClauseChange, rules: readonly SignificanceRule[]): ChangeAnalysis {
  const cached = cache.get(change);
  if (cached?.rules === rules) return cached.analysis;
  const analysis = analyze(change, compileRules(rules));
  cache.set(change, { rules, analysis });
  return analysis;
}

function analyze(change: RawClauseChange, rules: readonly CompiledRule[]): ChangeAnalysis {
  const texts = changeTexts(change);
  const quantities =
    change.kind === 'modified' || change.kind === 'moved'
      ? rateQuantities(compareQuantities(extractQuantities(texts.before), extractQuantities(texts.after)), texts, rules)
      : [];
  const findings = rules
    .map((rule, index) => ({ finding: evaluateRule(rule, texts, quantities), index }))
    .filter((item): item is { finding: TopicFinding; index: number } => item.finding !== null)
    .sort((a, b) => compareFindings(a.finding, b.finding) || a.index - b.index)
    .map((item) => item.finding);
  const edited = change.kind === 'modified' || change.kind === 'moved';
  const wordingOnly =
    edited &&
    quantities.length === 0 &&
    !findings.some((finding) => finding.strong) &&
    texts.changedWords <= WORDING_MAX_WORDS;
  const significance = wordingOnly ? 'low' : (findings[0]?.significance ?? 'low');
  return {
    findings,
    quantities,
    changedWords: texts.changedWords,
    wordingOnly,
    significance,
    topics: findings.map((finding) => finding.topic),
  };
}

function compareFindings(a: TopicFinding, b: TopicFinding): number {
  if (a.strong !== b.strong) return a.strong ? -1 : 1;
  return significanceRank(b.significance) - significanceRank(a.significance);
}

function changeTexts(change: RawClauseChange): ChangeTexts {
  const before = foldText(toPlainText((change.before ?? '').slice(0, MAX_ANALYSED_CHARS)));
  const after = foldText(toPlainText((change.after ?? '').slice(0, MAX_ANALYSED_CHARS)));
  if (change.kind === 'added' || change.kind === 'removed') {
    return { before, after, removed: before, added: after, changedWords: tokenize(`${before} ${after}`).length };
  }
  if (change.removedWords !== undefined || change.addedWords !== undefined) {
    const removed = foldText((change.removedWords ?? []).join(' '));
    const added = foldText((change.addedWords ?? []).join(' '));
    return { before, after, removed, added, changedWords: tokenize(removed).length + tokenize(added).length };
  }
  const { removed, added } = bagDifference(tokenize(before), tokenize(after));
  return {
    before,
    after,
    removed: removed.join(' '),
    added: added.join(' '),
    changedWords: removed.length + added.length,
  };
}

/**
 * The words of `before` missing from `after` and the reverse, counted as multisets (case-insensitive).
 * Rating needs which words changed, not where: this is linear, where a positional diff of a heavily
 * rewritten clause is quadratic.
 */
function bagDifference(before: readonly Token[], after: readonly Token[]): { removed: string[]; added: string[] } {
  const left = new Map<string, number>();
  for (const token of before) left.set(token.text.toLowerCase(), (left.get(token.text.toLowerCase()) ?? 0) + 1);
  const added: string[] = [];
  for (const token of after) {
    const key = token.text.toLowerCase();
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    else added.push(token.text);
  }
  // What is left over in `left` was removed; walk `before` to report it in text order.
  const removed: string[] = [];
  for (const token of before) {
    const key = token.text.toLowerCase();
    const count = left.get(key) ?? 0;
    if (count > 0) {
      removed.push(token.text);
      left.set(key, count - 1);
    }
  }
  return { removed, added };
}

function evaluateRule(
  compiled: CompiledRule,
  texts: ChangeTexts,
  quantities: readonly RatedQuantityChange[],
): TopicFinding | null {
  const topicBefore = matchSignatures(compiled.patterns, texts.before);
  const topicAfter = matchSignatures(compiled.patterns, texts.after);
  const own = quantities.filter((quantity) => quantity.topic === compiled.rule.topic);
  const onTopic = topicBefore.some(Boolean) || topicAfter.some(Boolean);
  if (!onTopic && own.length === 0) return null;
  const topicChanged =
    countsDiffer(topicBefore, topicAfter) ||
    countsDiffer(matchSignatures(compiled.patterns, texts.removed), matchSignatures(compiled.patterns, texts.added));
  const adverse = [countEach(compiled.adverse, texts.before), countEach(compiled.adverse, texts.after)] as const;
  const favourable = [
    countEach(compiled.favourable, texts.before),
    countEach(compiled.favourable, texts.after),
  ] as const;
  const score =
    netGain(...adverse) -
    netGain(...favourable) +
    own.reduce((sum, quantity) => sum + directionScore(quantity.direction), 0);
  const directionMoved = countsDiffer(...adverse) || countsDiffer(...favourable) || own.length > 0;
  const strong = topicChanged || directionMoved;
  const direction: Direction | null = score > 0 ? 'adverse' : score < 0 ? 'favourable' : null;
  const significance = strong
    ? ruleSignificance(compiled.rule, direction)
    : shiftSignificance(compiled.rule.significance, -1);
  return {
    compiled,
    topic: compiled.rule.topic,
    strong,
    direction: strong ? direction : null,
    score: strong ? score : 0,
    significance,
  };
}

function directionScore(direction: Direction | null): number {
  if (direction === 'adverse') return 1;
  return direction === 'favourable' ? -1 : 0;
}
