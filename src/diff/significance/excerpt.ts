/** Text spans for quoting: sentence bounds and short excerpts cut at word boundaries. */

/** A half-open character range `[start, end)` in a text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const SENTENCE_END = /[.;!?:](?=\s|$)|\n/gu;

/**
 * The sentence around `span`: from just after the previous sentence end (`.`, `;`, `!`, `?`, `:` followed by
 * whitespace, or a newline) to just after the next one. A dot inside "$1.50" or "U.S." followed by a letter
 * does not end a sentence.
 */
export function sentenceBounds(text: string, span: Span): Span {
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(SENTENCE_END)) {
    const at = match.index;
    if (at < span.start) start = at + 1;
    else if (at >= span.end) {
      end = at + 1;
      break;
    }
  }
  return { start, end };
}

/** Collapses whitespace runs to single spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * An excerpt of at most `maxLength` characters around `focus`: the sentence containing it, widened or cut
 * at word boundaries, with "…" where text was cut. Deterministic: same input, same excerpt.
 */
export function excerptAround(text: string, focus: Span, maxLength: number): string {
  const sentence = sentenceBounds(text, focus);
  const raw = text.slice(sentence.start, sentence.end);
  const focusStart = focus.start - sentence.start;
  const focusEnd = focus.end - sentence.start;
  return cutAround(raw, { start: Math.max(0, focusStart), end: Math.min(raw.length, focusEnd) }, maxLength);
}

/**
 * Cuts `text` to at most `maxLength` characters keeping `focus` visible: context is taken evenly on both sides
 * and cuts snap back to a space so no word is split.
 */
export function cutAround(text: string, focus: Span, maxLength: number): string {
  const limit = Math.max(8, maxLength);
  const whole = squash(text);
  if (whole.length <= limit) return trimEndPunctuation(whole);
  const focusLength = focus.end - focus.start;
  if (focusLength >= limit - 2) return `${cutEnd(text.slice(focus.start, focus.end), limit - 1)}…`;
  const room = limit - 2 - focusLength;
  let start = Math.max(0, focus.start - Math.floor(room / 2));
  const end = Math.min(text.length, start + focusLength + room);
  start = Math.max(0, Math.min(start, end - (focusLength + room)));
  return assemble(text, snapStart(text, start, focus.start), snapEnd(text, end, focus.end));
}

function assemble(text: string, start: number, end: number): string {
  const body = squash(text.slice(start, end));
  const head = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  return `${head}${tail === '' ? trimEndPunctuation(body) : body}${tail}`;
}

/** Moves a cut start forward to the next word start, unless that would eat into the focus. */
function snapStart(text: string, start: number, limit: number): number {
  if (start === 0) return 0;
  const space = text.indexOf(' ', start);
  return space === -1 || space + 1 > limit ? start : space + 1;
}

/** Moves a cut end back to the previous word end, unless that would eat into the focus. */
function snapEnd(text: string, end: number, limit: number): number {
  if (end >= text.length) return text.length;
  const space = text.lastIndexOf(' ', end);
  return space === -1 || space < limit ? end : space;
}

/** The start of `text`, at most `maxLength` characters, cut at a word boundary when possible. */
export function cutEnd(text: string, maxLength: number): string {
  const whole = squash(text);
  if (whole.length <= maxLength) return whole;
  const space = whole.lastIndexOf(' ', maxLength);
  return whole.slice(0, space > maxLength / 2 ? space : maxLength).replace(/[\s,;:]+$/u, '');
}

function trimEndPunctuation(text: string): string {
  return text.replace(/[\s.;:,]+$/u, '');
}
