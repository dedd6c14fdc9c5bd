// The human report of a terms diff: headline, effective dates, then the changes grouped by section, each with a
// significance badge and, for modified clauses, the words that changed.

import pc from 'picocolors';
import type { ClauseChange, Significance, TermsDiff } from '../domain/terms-diff.ts';
import { diffClauseWords, type WordSegment } from './word-diff.ts';

/** Options of `formatDiffReport`. */
export interface ReportOptions {
  /** ANSI colours (for a terminal); without them, word changes are marked `[-old-]{+new+}`. */
  readonly color: boolean;
}

type Paint = (text: string) => string;

interface Palette {
  readonly bold: Paint;
  readonly removed: Paint;
  readonly added: Paint;
  readonly badge: Readonly<Record<Significance, Paint>>;
}

const KIND_MARK: Readonly<Record<ClauseChange['kind'], string>> = {
  added: '+',
  removed: '-',
  modified: '~',
  moved: '→',
};

const BADGE_TEXT: Readonly<Record<Significance, string>> = { high: 'HIGH', medium: 'MED', low: 'LOW' };

/** Longest clause text quoted in full in the report; longer ones are cut with an ellipsis. */
const MAX_QUOTE_CHARS = 600;

/** Renders a diff for people: grouped by section in document order, coloured when `color` is true. */
export function formatDiffReport(diff: TermsDiff, options: ReportOptions): string {
  const paint = palette(options.color);
  const lines = [paint.bold(diff.summary)];
  if (diff.effectiveDate !== null) lines.push(effectiveLine(diff.effectiveDate));
  if (diff.changes.length === 0) {
    lines.push('', 'No clause changes.');
    return lines.join('\n');
  }
  for (const [section, changes] of groupBySection(diff.changes)) {
    lines.push('', paint.bold(section === '' ? '(no section)' : section));
    for (const change of changes) lines.push(...changeLines(change, paint, options.color));
  }
  return lines.join('\n');
}

function effectiveLine(dates: NonNullable<TermsDiff['effectiveDate']>): string {
  const before = dates.before ?? 'not stated';
  const after = dates.after ?? 'not stated';
  return before === after ? `Effective: ${after}` : `Effective: ${before} → ${after}`;
}

function groupBySection(changes: readonly ClauseChange[]): Map<string, ClauseChange[]> {
  const groups = new Map<string, ClauseChange[]>();
  for (const change of changes) {
    const group = groups.get(change.section);
    if (group === undefined) groups.set(change.section, [change]);
    else group.push(change);
  }
  return groups;
}

function changeLines(change: ClauseChange, paint: Palette, color: boolean): string[] {
  const badge = paint.badge[change.significance](`[${BADGE_TEXT[change.significance]}]`);
  const label = change.label === null ? '' : ` ${change.label}`;
  // The summary names topics itself; the badge carries the significance.
  const lines = [`  ${badge} ${KIND_MARK[change.kind]}${label} ${change.summary}`];
  if (change.kind === 'added' && change.after !== null) lines.push(quote(paint.added(clip(change.after))));
  if (change.kind === 'removed' && change.before !== null) lines.push(quote(paint.removed(clip(change.before))));
  if ((change.kind === 'modified' || change.kind === 'moved') && change.before !== null && change.after !== null) {
    const segments = change.before === change.after ? null : diffClauseWords(change.before, change.after);
    lines.push(quote(segments === null ? clip(change.after) : renderWords(segments, paint, color)));
  }
  return lines;
}

/** Unchanged text kept on each side of a change; longer unchanged runs are shortened to this much context. */
const CONTEXT_CHARS = 80;

function renderWords(segments: readonly WordSegment[], paint: Palette, color: boolean): string {
  return segments
    .map((segment, index) => {
      if (segment.kind === 'same') return shortenContext(segment.text, index > 0, index < segments.length - 1);
      if (color) return segment.kind === 'removed' ? paint.removed(segment.text) : paint.added(segment.text);
      return segment.kind === 'removed' ? `[-${segment.text}-]` : `{+${segment.text}+}`;
    })
    .join('');
}

// Keeps the words next to the changes: the end of the run before a change, the start of the run after one.
function shortenContext(text: string, afterChange: boolean, beforeChange: boolean): string {
  if (text.length <= CONTEXT_CHARS * 2 + 10) return text;
  const head = afterChange ? text.slice(0, CONTEXT_CHARS).replace(/\S*$/, '') : '';
  const tail = beforeChange ? text.slice(-CONTEXT_CHARS).replace(/^\S*/, '') : '';
  return `${head}…${tail}`;
}

function quote(text: string): string {
  return `      ${text}`;
}

function clip(text: string): string {
  return text.length <= MAX_QUOTE_CHARS ? text : `${text.slice(0, MAX_QUOTE_CHARS)}…`;
}

function palette(color: boolean): Palette {
  const colors = pc.createColors(color);
  return {
    bold: colors.bold,
    removed: (text) => colors.red(colors.strikethrough(text)),
    added: colors.green,
    badge: {
      high: (text) => colors.bold(colors.red(text)),
      medium: colors.yellow,
      low: colors.dim,
    },
  };
}
