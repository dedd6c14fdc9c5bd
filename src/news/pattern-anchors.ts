/**
 * Literal anchors of a pattern: plain words every match of it starts with (`Claude` for
 * `(?<!Jean\s)Claude(?:s)?…`, `Mixtral` and `Codestral` for `(?:Mixtral|Codestral)`). The tagger searches all
 * anchors at once with one literal regex, which V8 scans far faster than a union of the full patterns, and
 * tries a full pattern only where one of its anchors occurs.
 */

/** Shortest useful anchor: single letters occur everywhere and would filter nothing (a lone `$` or `€` will do). */
export const MIN_ANCHOR_LENGTH = 2;

const METACHARS = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);
/** Escapes that stand for a literal character (`\.`, `\$`); `\s`, `\d`, `\p{…}` are classes. */
const LITERAL_ESCAPE = /[.$^*+?()[\]{}|/\\-]/;

/** Index just past the group or class that opens at `start`, or -1 when it never closes. */
function skipBracketed(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let index = start; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return index + 1;
  }
  return -1;
}

/** The top-level alternatives of a source (`a|(?:b|c)` → `a`, `(?:b|c)`). */
function splitAlternatives(source: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (char === '(' || char === '[') {
      const end = char === '(' ? skipBracketed(source, index) : skipClass(source, index);
      if (end === -1) return [source];
      index = end - 1;
    } else if (char === '|') {
      parts.push(source.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

function skipClass(source: string, start: number): number {
  for (let index = start + 1; index < source.length; index++) {
    if (source[index] === '\\') index++;
    else if (source[index] === ']') return index + 1;
  }
  return -1;
}

/** Whether the token at `index` makes what precedes it optional (`?`, `*`, `{0,…}`). */
function isOptionalQuantifier(source: string, index: number): boolean {
  const char = source[index];
  return char === '?' || char === '*' || (char === '{' && /^\{0[,}]/.test(source.slice(index)));
}

/** The literal text at the start of an alternative (after zero-width assertions), or the anchors of a group. */
function anchorsOfAlternative(alternative: string): string[] | null {
  let index = 0;
  // Lookarounds are zero-width: the match still starts at the literal after them.
  while (/^\(\?<?[=!]/.test(alternative.slice(index))) {
    const end = skipBracketed(alternative, index);
    if (end === -1) return null;
    index = end;
  }
  if (alternative.startsWith('(', index)) {
    const end = skipBracketed(alternative, index);
    if (end === -1 || isOptionalQuantifier(alternative, end)) return null;
    const inner = alternative.slice(index, end - 1).replace(/^\((?:\?:|\?<[A-Za-z_$][\w$]*>)?/, '');
    return anchorsOf(inner);
  }
  let literal = '';
  while (index < alternative.length) {
    const char = alternative.charAt(index);
    if (char === '\\' && LITERAL_ESCAPE.test(alternative.charAt(index + 1))) {
      literal += alternative.charAt(index + 1);
      index += 2;
    } else if (!METACHARS.has(char)) {
      literal += char;
      index += 1;
    } else break;
  }
  // The quantifier makes the last character optional (both halves of a surrogate pair).
  if (isOptionalQuantifier(alternative, index)) {
    const last = literal.charCodeAt(literal.length - 1);
    literal = literal.slice(0, last >= 0xdc00 && last <= 0xdfff ? -2 : -1);
  }
  return literal.length >= MIN_ANCHOR_LENGTH || /^[\p{S}\p{P}]$/u.test(literal) ? [literal] : null;
}

/**
 * The anchors of a pattern source, or null when some match could start without one (the pattern then has to
 * be run on its own). Every match of the pattern starts with one of the anchors.
 */
export function anchorsOf(source: string): string[] | null {
  const anchors: string[] = [];
  for (const alternative of splitAlternatives(source)) {
    const found = anchorsOfAlternative(alternative);
    if (found === null) return null;
    anchors.push(...found);
  }
  return anchors.length === 0 ? null : anchors;
}

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A regex source matching any of the words, as a trie (`G(?:oogle|rok(?:ipedia)?)`) so V8 dispatches on each
 * character instead of trying every word in turn; at one position it matches the longest word.
 */
export function trieSource(words: readonly string[], ignoreCase: boolean): string {
  const branches = new Map<string, string[]>();
  let endsHere = false;
  for (const word of words) {
    if (word === '') {
      endsHere = true;
      continue;
    }
    const [first = ''] = word;
    const key = ignoreCase ? first.toLowerCase() : first;
    const rest = word.slice(first.length);
    const branch = branches.get(key);
    if (branch === undefined) branches.set(key, [rest]);
    else branch.push(rest);
  }
  const alternatives = [...branches].map(([key, rests]) => escapeLiteral(key) + trieSource(rests, ignoreCase));
  if (alternatives.length === 0) return '';
  if (endsHere) return `(?:${alternatives.join('|')})?`;
  return alternatives.length === 1 ? (alternatives[0] ?? '') : `(?:${alternatives.join('|')})`;
}
