/**
 * Clause text without the Markdown that extraction may leave in it (links, emphasis, escapes, heading and
 * list markers), so patterns see "you may cancel" in "you may [cancel](https://…)" and quotes read cleanly.
 */

const LINK = /!?\[([^\]]*)\]\([^)]*\)/gu;
const EMPHASIS = /\*\*|__/gu;
const ESCAPE = /\\([\\`*_[\]()#+.!{}|<>-])/gu;
const LINE_MARKERS = /^[ \t]*(?:#{1,6}[ \t]+|[*+-][ \t]+|>[ \t]?)/gmu;
const RULES = /[ \t]*(?:-{3,}|={3,})[ \t]*$/gmu;

/** `text` with Markdown links reduced to their text and emphasis, escapes and line markers removed. */
export function toPlainText(text: string): string {
  return text
    .replace(LINK, '$1')
    .replace(EMPHASIS, '')
    .replace(ESCAPE, '$1')
    .replace(LINE_MARKERS, '')
    .replace(RULES, '')
    .replace(/^\\(?=\S)/u, '')
    .trim();
}
