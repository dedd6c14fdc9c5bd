/**
 * Compiles the rule set's pattern strings into regular expressions.
 *
 * Rules are data (the defaults and the user's YAML share one format), so patterns are strings. JavaScript's `\b`
 * and `\w` only know ASCII letters, which would break German words such as `Gebühr\b`. Unicode-aware
 * lookarounds (`\p{L}`) fix that but make matching some hundred times slower, so instead both the patterns and
 * the texts they run on are folded: accented Latin letters become their ASCII base letter (ü → u, ß → s),
 * keeping every position, and plain ASCII regexes do the rest.
 */

const foldCache = new Map<string, string>();

function foldChar(char: string): string {
  let folded = foldCache.get(char);
  if (folded === undefined) {
    const parts = char.normalize('NFD');
    folded = /^[A-Za-z]\p{M}+$/u.test(parts) ? parts.charAt(0) : char === 'ß' ? 's' : char;
    foldCache.set(char, folded);
  }
  return folded;
}

/**
 * `text` with accented Latin letters replaced by their base letter, one character for one, so match
 * positions in the folded text are positions in the original.
 */
export function foldText(text: string): string {
  return text.replace(/[\u00C0-\u024F\u1E00-\u1EFF]/gu, foldChar);
}

/**
 * Compiles one rule pattern (folded, flags `gi`; `u` too when the pattern uses `\p{…}`). Matches must run on
 * `foldText(text)`. Throws a `SyntaxError` naming the pattern when it is not a valid regular expression.
 */
export function compilePattern(pattern: string): RegExp {
  const flags = pattern.includes('\\p{') ? 'giu' : 'gi';
  try {
    return new RegExp(foldText(pattern), flags);
  } catch (error) {
    throw new SyntaxError(
      `invalid pattern ${JSON.stringify(pattern)}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** Whether `pattern` compiles; for schema validation. */
export function isValidPattern(pattern: string): boolean {
  try {
    compilePattern(pattern);
    return true;
  } catch {
    return false;
  }
}

/** One match of a pattern: where it starts and ends in the text. */
export interface PatternMatch {
  readonly start: number;
  readonly end: number;
}

/**
 * All non-overlapping matches of `regex` in `text`. The regex must carry the `g` flag (compiled ones do);
 * empty matches are skipped so a pattern such as `\b` cannot count every word boundary.
 */
export function findMatches(regex: RegExp, text: string): PatternMatch[] {
  const matches: PatternMatch[] = [];
  for (const match of text.matchAll(regex)) {
    if (match[0].length === 0) continue;
    matches.push({ start: match.index, end: match.index + match[0].length });
  }
  return matches;
}

/** Number of non-empty matches of `regex` in `text`. */
export function countMatches(regex: RegExp, text: string): number {
  let count = 0;
  for (const match of text.matchAll(regex)) if (match[0].length > 0) count += 1;
  return count;
}
