// The clause diff of two terms versions: parse both, align, rate and summarise each change, add the headline.

import type { ClauseChange, TermsDiff } from '../domain/terms-diff.ts';
import type { AlignOptions } from './align-clauses.ts';
import type { TextFormat } from './clean-text.ts';
import { diffClauses } from './diff-clauses.ts';
import { parseClauses, type ParsedTerms } from './parse-clauses.ts';
import { rateChange } from './significance/rate-change.ts';
import { defaultRules, type SignificanceRule } from './significance/rules.ts';
import type { SimilarityLimits } from './similarity.ts';
import { summarizeChange, summarizeDiff } from './summarize.ts';
import type { RawClauseChange } from './types.ts';

/** Options of `diffTerms`. */
export interface DiffOptions {
  /** Vendor named in the headline, e.g. "Anthropic". */
  readonly vendor?: string | undefined;
  /** Document named in the headline, e.g. "Consumer Terms". */
  readonly title?: string | undefined;
  /** Significance rules; the built-in set when absent. */
  readonly rules?: readonly SignificanceRule[] | undefined;
  /** How both versions are written. @defaultValue 'markdown' */
  readonly format?: TextFormat | undefined;
  /** Lowest similarity at which a changed clause is "modified" rather than removed + added. @defaultValue 0.5 */
  readonly threshold?: number | undefined;
  /** Bounds on the similarity search (see `SimilarityLimits`). */
  readonly limits?: Partial<SimilarityLimits> | undefined;
}

/**
 * Which clauses of a terms document were added, removed, modified or moved between two versions, each rated and
 * summarised, with the stated effective dates. Pure and deterministic: the same texts give the same diff.
 */
export function diffTerms(before: string, after: string, options: DiffOptions = {}): TermsDiff {
  const parseOptions = { format: options.format };
  return diffParsedTerms(parseClauses(before, parseOptions), parseClauses(after, parseOptions), options);
}

/** `diffTerms` for versions parsed already, e.g. each in its own format. `options.format` is not used. */
export function diffParsedTerms(oldTerms: ParsedTerms, newTerms: ParsedTerms, options: DiffOptions = {}): TermsDiff {
  const alignOptions: AlignOptions = { threshold: options.threshold, limits: options.limits };
  const changes = diffClauses(oldTerms.clauses, newTerms.clauses, alignOptions).map((change) =>
    toClauseChange(change, options.rules),
  );
  const effectiveDate =
    oldTerms.effectiveDate === null && newTerms.effectiveDate === null
      ? null
      : { before: oldTerms.effectiveDate, after: newTerms.effectiveDate };
  const summary = summarizeDiff(
    { vendor: options.vendor, title: options.title, changes, effectiveDate },
    options.rules ?? defaultRules,
  );
  return { changes, effectiveDate, summary };
}

/** Section paths are shown joined with this separator. */
export const SECTION_SEPARATOR = ' › ';

/**
 * Longest clause text the significance rules and summaries read. A clause past this (a hostile 5 MB paragraph) is
 * rated on its beginning so every rule stays bounded; the change itself still carries the whole text.
 */
const MAX_RATED_CHARS = 50_000;

function toClauseChange(change: RawClauseChange, rules: readonly SignificanceRule[] | undefined): ClauseChange {
  const rated = boundedForRating(change);
  const rating = rateChange(rated, rules ?? defaultRules);
  return {
    kind: change.kind,
    section: change.sectionPath.join(SECTION_SEPARATOR),
    label: change.label,
    before: change.before,
    after: change.after,
    significance: rating.significance,
    topics: [...rating.topics],
    summary: summarizeChange(rated, rating, rules ?? defaultRules),
  };
}

function boundedForRating(change: RawClauseChange): RawClauseChange {
  const cut = (text: string | null) =>
    text !== null && text.length > MAX_RATED_CHARS ? text.slice(0, MAX_RATED_CHARS) : text;
  if ((change.before?.length ?? 0) <= MAX_RATED_CHARS && (change.after?.length ?? 0) <= MAX_RATED_CHARS) return change;
  return { ...change, before: cut(change.before), after: cut(change.after) };
}

/**
 * The `diff --json` contract: exactly these keys, in this order, whatever else the objects carry. One line, no
 * trailing newline.
 */
export function toContractJson(diff: TermsDiff): string {
  return JSON.stringify({
    changes: diff.changes.map((change) => ({
      kind: change.kind,
      section: change.section,
      label: change.label,
      before: change.before,
      after: change.after,
      significance: change.significance,
      topics: [...change.topics],
      summary: change.summary,
    })),
    effectiveDate:
      diff.effectiveDate === null ? null : { before: diff.effectiveDate.before, after: diff.effectiveDate.after },
    summary: diff.summary,
  });
}
