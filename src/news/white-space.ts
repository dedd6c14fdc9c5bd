/**
 * White space as JavaScript's `\s` knows it. Normalising runs for every item several times (title, summary source,
 * tagging text, summary); a regex that scans a whole string to find its last space (`/\s\S*$/`) or rewrites every
 * single space (`/\s+/g`) costs many times a look at the few characters that matter. The test suite checks each
 * helper against the regex it replaces.
 */

/** Whether the UTF-16 code unit is white space in the sense of `/\s/` (ECMAScript WhiteSpace and LineTerminator). */
export function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Index of the last white-space character at or before `end`, or -1; the same as `text.search(/\s\S*$/u)`. */
export function lastWhiteSpace(text: string, end = text.length - 1): number {
  for (let index = end; index >= 0; index--) {
    if (isWhiteSpace(text.charCodeAt(index))) return index;
  }
  return -1;
}

/** White space other than single spaces: a run of two, a tab, a newline, a no-break space. */
const UNTIDY_SPACE = /\s{2,}|[^\S ]/;

/** Runs of white space as one space, trimmed; the same as `text.replace(/\s+/g, ' ').trim()`. */
export function collapseWhiteSpace(text: string): string {
  // Tidy text (the usual case: feeds' text arrives collapsed) needs no rewrite, only the trim; the test is a
  // fraction of the cost of replacing every single space with a space.
  return UNTIDY_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/**
 * The start of `text`, at most `limit` characters, cut before the last white space so no word is split. When the
 * cut holds no white space after its first character, `whenUnbroken` decides: the cut as it is, or nothing.
 */
export function startAtWord(text: string, limit: number, whenUnbroken: 'cut' | 'empty'): string {
  if (text.length <= limit) return text;
  // The same as `text.slice(0, limit).search(/\s\S*$/u)`, without copying or scanning the whole cut.
  const space = lastWhiteSpace(text, limit - 1);
  if (space > 0) return text.slice(0, space);
  return whenUnbroken === 'cut' ? text.slice(0, limit) : '';
}
