/**
 * One-line summaries, derived from the clause text alone (no network): one line per clause change and one
 * headline per document change.
 */
import type { ClauseChange, Significance, TermsDiff } from '../domain/terms-diff.ts';
import { analyzeChange, type ChangeAnalysis } from './significance/analyze-change.ts';
import { describeChange } from './significance/describe-change.ts';
import { defaultRules, significanceRank, type SignificanceRule } from './significance/rules.ts';
import type { ChangeRating, RawClauseChange } from './types.ts';

/** Upper bound on the length of a clause summary and of a headline, so both fit a chat line. */
export const SUMMARY_MAX_LENGTH = 160;

/** Topics named in a summary's suffix; more would crowd out the quote. */
const MAX_TOPICS_SHOWN = 3;

/**
 * One line saying what changed in a clause and why it matters, e.g.
 * `Changed: "We do not use your content" → "We may use your content" (training-data, high)` or
 * `Liability cap shortened: 12 months → 6 months (liability, high)`. At most `SUMMARY_MAX_LENGTH` characters.
 * @param rules - the rule set the change was rated with, used to find the words worth quoting. @defaultValue defaultRules
 */
export function summarizeChange(
  change: RawClauseChange,
  rating: ChangeRating,
  rules: readonly SignificanceRule[] = defaultRules,
): string {
  const topics = rating.topics.slice(0, MAX_TOPICS_SHOWN);
  const suffix = ` (${[...topics, rating.significance].join(', ')})`;
  const phrase = describeChange(change, analyzeChange(change, rules), SUMMARY_MAX_LENGTH - suffix.length);
  return `${phrase}${suffix}`;
}

/** What `summarizeDiff` needs: the rated clause changes of one document and its effective dates. */
export interface DiffSummaryInput {
  /** Vendor name as it should appear, e.g. "Anthropic". */
  readonly vendor?: string | undefined;
  /** Document title, e.g. "Consumer Terms". */
  readonly title?: string | undefined;
  readonly changes: readonly ClauseChange[];
  readonly effectiveDate: TermsDiff['effectiveDate'];
}

/**
 * The headline of a document change: vendor and document, counts by significance, and the most important
 * clause in a few words, e.g.
 * `Anthropic Consumer Terms: 1 high, 2 low — Changed: "We may use your chats to train our models"` (a modified
 * clause is quoted in its new wording only).
 * At most `SUMMARY_MAX_LENGTH` characters.
 */
export function summarizeDiff(input: DiffSummaryInput, rules: readonly SignificanceRule[] = defaultRules): string {
  const name =
    [input.vendor, input.title]
      .map((part) => part?.trim() ?? '')
      .filter(Boolean)
      .join(' ') || 'Terms';
  const dates = input.effectiveDate;
  const dateChanged = dates !== null && dates.before !== dates.after;
  if (input.changes.length === 0) {
    if (!dateChanged) return `${name}: no clause changes`;
    return cap(`${name}: no clause changes; effective date ${dates.before ?? 'none'} → ${dates.after ?? 'none'}`);
  }
  const effective = dateChanged && dates.after !== null ? ` (effective ${dates.after})` : '';
  const head = `${name}${effective}: ${countBySignificance(input.changes)}`;
  const top = mostImportant(input.changes, rules);
  const room = SUMMARY_MAX_LENGTH - head.length - 3;
  if (top === undefined || room < 24) return cap(head);
  return `${head} — ${describeChange(top.raw, top.analysis, room, true)}`;
}

/** "3 high, 2 medium, 5 low", leaving out levels with no change. */
function countBySignificance(changes: readonly ClauseChange[]): string {
  const levels: readonly Significance[] = ['high', 'medium', 'low'];
  return levels
    .map((level) => ({ level, count: changes.filter((change) => change.significance === level).length }))
    .filter(({ count }) => count > 0)
    .map(({ level, count }) => `${count} ${level}`)
    .join(', ');
}

const KIND_RANK: Readonly<Record<ClauseChange['kind'], number>> = { added: 0, removed: 0, modified: 0, moved: 1 };

interface Candidate {
  readonly raw: RawClauseChange;
  readonly analysis: ChangeAnalysis;
  readonly change: ClauseChange;
}

/**
 * The change to headline: the most significant; among those the one leaning furthest against the user, then
 * one with topics, then not merely moved, then the first in document order.
 */
function mostImportant(changes: readonly ClauseChange[], rules: readonly SignificanceRule[]): Candidate | undefined {
  const top = Math.max(...changes.map((change) => significanceRank(change.significance)));
  let best: Candidate | undefined;
  for (const change of changes) {
    if (significanceRank(change.significance) !== top) continue;
    const raw = toRawChange(change);
    const candidate = { raw, analysis: analyzeChange(raw, rules), change };
    if (best === undefined || outranks(candidate, best)) best = candidate;
  }
  return best;
}

function outranks(a: Candidate, b: Candidate): boolean {
  const byLean = leaning(a) - leaning(b);
  if (byLean !== 0) return byLean > 0;
  const byTopics = Number(a.change.topics.length > 0) - Number(b.change.topics.length > 0);
  if (byTopics !== 0) return byTopics > 0;
  return KIND_RANK[a.change.kind] < KIND_RANK[b.change.kind];
}

function leaning(candidate: Candidate): number {
  return Math.max(0, candidate.analysis.findings[0]?.score ?? 0);
}

function toRawChange(change: ClauseChange): RawClauseChange {
  return {
    kind: change.kind,
    sectionPath: change.section === '' ? [] : change.section.split(' › '),
    label: change.label,
    before: change.before,
    after: change.after,
  };
}

function cap(text: string): string {
  return text.length <= SUMMARY_MAX_LENGTH ? text : `${text.slice(0, SUMMARY_MAX_LENGTH - 1)}…`;
}
