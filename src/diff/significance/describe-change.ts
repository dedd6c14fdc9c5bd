/**
 * Says in a few words what a clause change did, quoting the clause: `Added: "…"`, `Removed: "…"`,
 * `Changed: "…" → "…"`, `Liability cap shortened: 12 months → 6 months`, `Moved from Fees to Billing: "…"`.
 * The quote is taken around the words that made the change significant, so it shows why it matters.
 */
import type { RawClauseChange } from '../types.ts';
import { MAX_ANALYSED_CHARS, type ChangeAnalysis } from './analyze-change.ts';
import { cutEnd, excerptAround, type Span } from './excerpt.ts';
import { findMatches, foldText } from './patterns.ts';
import { toPlainText } from './plain-text.ts';
import type { RatedQuantityChange } from './rate-quantities.ts';
import { diffWordsWithPositions, hunkSpan, type Hunk, type Token } from './word-diff.ts';

type Side = 'before' | 'after';

interface KeyMatch {
  readonly side: Side;
  readonly span: Span;
}

/**
 * A phrase of at most `maxLength` characters describing `change` (no topics or significance). `compact` quotes
 * only the newer wording of a modified clause, for headlines.
 */
export function describeChange(
  raw: RawClauseChange,
  analysis: ChangeAnalysis,
  maxLength: number,
  compact = false,
): string {
  const change = { ...raw, before: plainOrNull(raw.before), after: plainOrNull(raw.after) };
  const labelled = analysis.quantities.filter((quantity) => quantity.label !== null);
  if (change.kind === 'moved') return describeMove(change, analysis, maxLength);
  if (change.kind === 'modified' && labelled.length > 0) return cutEnd(describeQuantities(labelled), maxLength);
  if (change.kind === 'modified') return describeEdit(change, analysis, maxLength, compact);
  const side: Side = change.kind === 'added' ? 'after' : 'before';
  const prefix = change.kind === 'added' ? 'Added: ' : 'Removed: ';
  const text = change[side] ?? '';
  const key = keyMatch(change, analysis, []);
  const focus = key?.side === side ? key.span : { start: 0, end: 0 };
  return `${prefix}${quote(excerptAround(text, focus, maxLength - prefix.length - 2))}`;
}

function describeMove(change: RawClauseChange, analysis: ChangeAnalysis, maxLength: number): string {
  const from = change.fromSectionPath;
  // Name the innermost headings, or whole paths when those are the same ("Fees" under two parents).
  const whole = from !== undefined && sectionName(from) === sectionName(change.sectionPath);
  const to = sectionName(change.sectionPath, whole);
  const origin = from === undefined ? null : sectionName(from, whole);
  const head = cutEnd(origin === null ? `Moved to ${to}` : `Moved from ${origin} to ${to}`, Math.floor(maxLength / 2));
  const text = change.after ?? change.before ?? '';
  const key = keyMatch(change, analysis, []);
  const focus = key?.side === 'after' ? key.span : { start: 0, end: 0 };
  return `${head}: ${quote(excerptAround(text, focus, maxLength - head.length - 4))}`;
}

function sectionName(path: readonly string[], whole = false): string {
  const names = path.map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) return 'the top';
  return whole ? names.join(' › ') : (names.at(-1) ?? 'the top');
}

function describeQuantities(changes: readonly RatedQuantityChange[]): string {
  const first = changes[0];
  if (first === undefined) return '';
  const same = changes.filter((change) => change.label === first.label);
  const pairs = same.map((change) => `${change.before.text} → ${change.after.text}`).join(', ');
  return `${first.label ?? 'Number'} ${verb(first)}: ${pairs}`;
}

function verb(change: RatedQuantityChange): string {
  const lower = change.after.value < change.before.value;
  const isAge = /\bage\b|\balter\b/iu.test(change.label ?? '');
  if (change.after.unit === 'duration' && !isAge) return lower ? 'shortened' : 'extended';
  if (change.after.unit === 'money') return lower ? 'reduced' : 'increased';
  return lower ? 'lowered' : 'raised';
}

function describeEdit(change: RawClauseChange, analysis: ChangeAnalysis, maxLength: number, compact: boolean): string {
  const before = change.before ?? '';
  const after = change.after ?? '';
  const diff = diffWordsWithPositions(before, after);
  if (diff.rewritten) {
    const key = keyMatch(change, analysis, []);
    const focus = key?.side === 'after' ? key.span : { start: 0, end: 0 };
    return `Rewritten: ${quote(excerptAround(after, focus, maxLength - 13))}`;
  }
  const word = analysis.wordingOnly ? 'Reworded' : 'Changed';
  const prefix = diff.hunks.length > 1 && !compact ? `${word} (${diff.hunks.length} places): ` : `${word}: `;
  const key = keyMatch(change, analysis, diff.hunks);
  const hunk = pickHunk(diff.hunks, key);
  if (hunk === undefined) return `${prefix}${quote(cutEnd(after, maxLength - prefix.length - 2))}`;
  if (compact) {
    const focus = keyOr(key, 'after', hunkFocus(hunk.added, diff.after, hunk.afterIndex));
    return `${prefix}${quote(excerptAround(after, focus, maxLength - prefix.length - 2))}`;
  }
  const room = Math.floor((maxLength - prefix.length - 7) / 2);
  const left = excerptAround(
    before,
    keyOr(key, 'before', hunkFocus(hunk.removed, diff.before, hunk.beforeIndex)),
    room,
  );
  const right = excerptAround(after, keyOr(key, 'after', hunkFocus(hunk.added, diff.after, hunk.afterIndex)), room);
  return `${prefix}${quote(left)} → ${quote(right)}`;
}

/** The key match when it lies on `side` inside the hunk's span there (a long hunk is quoted where it matters). */
function keyOr(key: KeyMatch | null, side: Side, hunk: Span): Span {
  const inside = key?.side === side && key.span.start < hunk.end && hunk.start < key.span.end;
  return inside ? key.span : hunk;
}

/** Where a hunk sits in one text: its tokens, or for a pure insertion/deletion the gap between neighbours. */
function hunkFocus(tokens: readonly Token[], all: readonly Token[], index: number): Span {
  const span = hunkSpan(tokens);
  if (span !== null) return span;
  const previous = all[index - 1];
  const at = previous?.end ?? all[index]?.start ?? 0;
  return { start: at, end: at };
}

/** The hunk containing or closest to the key match; without a key, the largest (first on ties). */
function pickHunk(hunks: readonly Hunk[], key: KeyMatch | null): Hunk | undefined {
  if (key === null) {
    return hunks.reduce<Hunk | undefined>(
      (best, hunk) => (best === undefined || size(hunk) > size(best) ? hunk : best),
      undefined,
    );
  }
  let best: Hunk | undefined;
  let bestDistance = Infinity;
  for (const hunk of hunks) {
    const span = hunkSpan(key.side === 'after' ? hunk.added : hunk.removed);
    if (span === null) continue;
    const distance = span.end < key.span.start ? key.span.start - span.end : Math.max(0, span.start - key.span.end);
    if (distance < bestDistance) [best, bestDistance] = [hunk, distance];
  }
  return best ?? hunks[0];
}

function size(hunk: Hunk): number {
  return hunk.removed.length + hunk.added.length;
}

/**
 * The words that made the change significant: for an adverse change the adverse wording added (or the
 * favourable wording removed), for a favourable one the reverse, else the topic words. In a modified clause
 * a match inside the changed words wins over one in the unchanged part.
 */
function keyMatch(change: RawClauseChange, analysis: ChangeAnalysis, hunks: readonly Hunk[]): KeyMatch | null {
  const lead = analysis.findings[0];
  if (lead === undefined) return null;
  const { adverse, favourable, patterns } = lead.compiled;
  const directional: (readonly [readonly RegExp[], Side])[] =
    lead.direction === null
      ? []
      : lead.direction === 'favourable'
        ? [
            [favourable, 'after'],
            [adverse, 'before'],
          ]
        : [
            [adverse, 'after'],
            [favourable, 'before'],
          ];
  const order = [...directional, [patterns, 'after'] as const, [patterns, 'before'] as const];
  const changed = { before: hunks.flatMap((hunk) => hunk.removed), after: hunks.flatMap((hunk) => hunk.added) };
  let fallback: KeyMatch | null = null;
  for (const [regexes, side] of order) {
    const text = foldText(change[side] ?? '');
    for (const regex of regexes) {
      for (const span of findMatches(regex, text)) {
        if (hunks.length === 0 || changed[side].some((token) => token.start < span.end && span.start < token.end)) {
          return { side, span };
        }
        fallback ??= { side, span };
      }
    }
  }
  return fallback;
}

function plainOrNull(text: string | null): string | null {
  return text === null ? null : toPlainText(text.slice(0, MAX_ANALYSED_CHARS));
}

function quote(text: string): string {
  return `"${text.trim()}"`;
}
