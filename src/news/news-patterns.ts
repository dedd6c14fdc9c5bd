/**
 * The pattern language of the news dictionaries, shared by the config schema and the tagger.
 *
 * A pattern is a JavaScript regular-expression source in Unicode mode that must match a whole word: the tagger
 * rejects a match with a letter or digit right before or after it, so `Claude` does not hit `Claudette` and a
 * German compound needs its suffix spelt out (`Nutzungsbedingung\p{L}*`). Patterns are case-sensitive, because
 * capitalisation separates the company `Meta` from `meta tags`; a pattern that starts with `(?i)` ignores case.
 */

/** Marker at the start of a pattern that makes it case-insensitive. */
export const IGNORE_CASE_PREFIX = '(?i)';

/** A pattern split into its regular-expression source and whether case is ignored. */
export interface ParsedPattern {
  readonly source: string;
  readonly ignoreCase: boolean;
}

/** Splits the `(?i)` marker off a pattern. */
export function parsePattern(pattern: string): ParsedPattern {
  return pattern.startsWith(IGNORE_CASE_PREFIX)
    ? { source: pattern.slice(IGNORE_CASE_PREFIX.length), ignoreCase: true }
    : { source: pattern, ignoreCase: false };
}

/** Regex flags for a pattern: always Unicode (for `\p{…}`), `i` when case is ignored. */
export function patternFlags(pattern: ParsedPattern, extra = ''): string {
  return `${pattern.ignoreCase ? 'iu' : 'u'}${extra}`;
}

/**
 * Why a pattern is unusable, or null when it is fine: it must compile and must not match empty text (which
 * would tag every item).
 */
export function patternProblem(pattern: string): string | null {
  const parsed = parsePattern(pattern);
  if (parsed.source.trim() === '') return 'the pattern is empty';
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${parsed.source})$`, patternFlags(parsed));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return regex.test('') ? 'the pattern matches empty text' : null;
}
