/**
 * Keyword filters of subscriptions: case-insensitive whole words or phrases, with German umlauts and other
 * accents folded so "Kündigung", "Kuendigung" and "Kundigung" find each other.
 */

/**
 * A text folded two ways, because German spells an umlaut either as the bare vowel (keyboards without
 * umlauts) or with an "e" ("ue"): `plain` maps ä → a, `expanded` maps ä → ae. Both are lower case with
 * ß → ss, other accents removed and typographic dashes and quotes made plain.
 */
export interface FoldedText {
  readonly plain: string;
  readonly expanded: string;
}

/** A compiled keyword; match it with {@link containsKeyword}. */
export interface KeywordPattern {
  readonly keyword: string;
  readonly plain: RegExp;
  readonly expanded: RegExp;
}

const UMLAUT_SPELLINGS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue' };

/** Folds a text for keyword matching. */
export function foldText(text: string): FoldedText {
  const base = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/gu, 'ss')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/[\u2018\u2019\u02bc]/gu, "'");
  return { plain: stripMarks(base), expanded: stripMarks(base.replace(/[äöü]/gu, (c) => UMLAUT_SPELLINGS[c] ?? c)) };
}

function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Compiles one keyword: words must match whole ("train" does not match "training"); a trailing `*` matches
 * the start of a word ("train*" matches "training", "Haftung*" matches "Haftungsbeschränkung"). Spaces and
 * hyphens inside a phrase match each other ("opt-out" matches "opt out"). Returns null for an empty keyword.
 */
export function compileKeyword(keyword: string): KeywordPattern | null {
  const trimmed = keyword.trim();
  const prefix = trimmed.endsWith('*');
  const folded = foldText(trimmed.replace(/\*+$/u, ''));
  if (splitWords(folded.plain).length === 0) return null;
  return {
    keyword: trimmed,
    plain: phrasePattern(folded.plain, prefix),
    expanded: phrasePattern(folded.expanded, prefix),
  };
}

/** Compiles every non-empty keyword. */
export function compileKeywords(keywords: readonly string[]): KeywordPattern[] {
  return keywords.flatMap((keyword) => compileKeyword(keyword) ?? []);
}

/** Whether any of `patterns` occurs in any of the texts. */
export function containsKeyword(patterns: readonly KeywordPattern[], texts: readonly FoldedText[]): boolean {
  return patterns.some((pattern) =>
    texts.some((text) => pattern.plain.test(text.plain) || pattern.expanded.test(text.expanded)),
  );
}

function phrasePattern(folded: string, prefix: boolean): RegExp {
  const body = splitWords(folded).map(escapeRegExp).join('[\\s-]+');
  // Lookarounds instead of \b: \b only knows ASCII letters, and "für" must not match inside "dafür".
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'u');
}

function splitWords(folded: string): string[] {
  return folded.split(/[\s-]+/u).filter((word) => word !== '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}
