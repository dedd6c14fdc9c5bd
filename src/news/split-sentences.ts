/**
 * Sentence boundaries in plain news text, English and German first: a full stop, question or exclamation mark
 * (or an ellipsis, or CJK 。！？) followed by space and a word that does not start in lower case. A full stop
 * after a known abbreviation (`z. B.`, `u. a.`, `bzw.`, `Dr.`, `e.g.`, `U.S.`, `Inc.`), an initial (`John F.
 * Kennedy`) or, in German, an ordinal number (`am 3. März`, but not `Nr. 1. Es …`) does not end a sentence.
 */

/** Abbreviations (the word before the full stop, case-sensitive) after which a sentence does not end. */
export const sentenceAbbreviations: ReadonlySet<string> = new Set([
  // German
  'bzw',
  'ca',
  'Dr',
  'Nr',
  'vgl',
  'ggf',
  'evtl',
  'inkl',
  'exkl',
  'sog',
  'usw',
  'bspw',
  'Mio',
  'Mrd',
  'Hr',
  'Fr',
  'Abs',
  'Art',
  'Str',
  'Tel',
  'Prof',
  'Dipl',
  'Ing',
  'zzgl',
  'ggü',
  'lt',
  'gem',
  'max',
  'min',
  'Jh',
  'Jhd',
  // English
  'Mr',
  'Mrs',
  'Ms',
  'Mx',
  'Jr',
  'Sr',
  'St',
  'Inc',
  'Ltd',
  'Co',
  'Corp',
  'Bros',
  'vs',
  'approx',
  'No',
  'Nos',
  'Gen',
  'Gov',
  'Sen',
  'Rep',
  'Rev',
  'Sgt',
  'Capt',
  'Lt',
  'Col',
  'Mt',
  'Fig',
  'Vol',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Aug',
  'Sept',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]);

/** A candidate end: terminal punctuation, closing quotes or brackets, then white space or the end. */
const CANDIDATE_END = /[.!?…]+["'”’»«)\]]*(?=\s|$)|[。！？]+["'”’」』)\]]*/gu;
const DOTTED_ABBREVIATION = /^(?:\p{L}\.)+\p{L}$/u;
const LOWER_START = /^\s*["'“‘„«»(]*\p{Ll}/u;
/** Characters the word before a full stop is looked for in (the end of the text before it). */
export const WORD_WINDOW = 40;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether the code point is a letter or digit; ASCII by range, the rest by the Unicode property. */
function isLetterOrDigit(codePoint: number): boolean {
  if (codePoint < 0x80) {
    const lower = codePoint | 0x20;
    return (lower >= 0x61 && lower <= 0x7a) || (codePoint >= 0x30 && codePoint <= 0x39);
  }
  return LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));
}

/**
 * The code point ending at `index` (a surrogate pair when both halves lie at or after `from`) and its length.
 * Scanning backwards, a pair cut by the window's start counts as the lone low surrogate it leaves, as in a slice.
 */
function codePointBefore(text: string, index: number, from: number): { codePoint: number; size: number } {
  const low = text.charCodeAt(index);
  if (low >= 0xdc00 && low <= 0xdfff && index - 1 >= from) {
    const high = text.charCodeAt(index - 1);
    if (high >= 0xd800 && high <= 0xdbff)
      return { codePoint: ((high - 0xd800) << 10) + low - 0xdc00 + 0x10000, size: 2 };
  }
  return { codePoint: low, size: 1 };
}

/**
 * The word right before the full stop at `dot`: letters, digits and inner dots (`U.S`, `z.B`, `e.g`), looked for
 * in the `WORD_WINDOW` characters ending with the stop. The same as the first group of
 * `/([\p{L}\p{N}][\p{L}\p{N}.]*)\.[^\p{L}\p{N}]*$/u` on that window, found by stepping back from the stop instead
 * of trying the expression at every position of the window.
 */
export function wordBeforeDot(text: string, dot: number): string | undefined {
  const from = Math.max(0, dot + 1 - WORD_WINDOW);
  // The last letter or digit before the stop, and the dots right after it (the stop among them).
  let last = dot - 1;
  while (last >= from) {
    const { codePoint, size } = codePointBefore(text, last, from);
    if (isLetterOrDigit(codePoint)) break;
    last -= size;
  }
  if (last < from || text.charCodeAt(last + 1) !== 0x2e) return undefined;
  let dotsEnd = last + 1;
  while (dotsEnd + 1 <= dot && text.charCodeAt(dotsEnd + 1) === 0x2e) dotsEnd++;
  // Back over letters, digits and dots to the run's start; the word starts at its first letter or digit.
  let start = last + 1;
  let wordStart = last + 1;
  while (start > from) {
    const { codePoint, size } = codePointBefore(text, start - 1, from);
    if (codePoint !== 0x2e && !isLetterOrDigit(codePoint)) break;
    start -= size;
    if (codePoint !== 0x2e) wordStart = start;
  }
  return text.slice(wordStart, dotsEnd);
}

/** Whether the full stop at `dot` (ending the match that ends at `end`) closes an abbreviation, not a sentence. */
function endsWithAbbreviation(text: string, dot: number, end: number, language: string | null): boolean {
  const word = wordBeforeDot(text, dot);
  if (word === undefined) return false;
  if (sentenceAbbreviations.has(word)) return true;
  // A single letter is an initial or part of `z. B.` / `u. a.`; dotted letters are `U.S.`, `e.g.`, `z.B.`. (A
  // single code point is at most two code units, and dotted letters have a dot: other words skip both tests.)
  const initialOrDotted = word.length <= 2 || word.includes('.');
  if (initialOrDotted && (/^\p{L}$/u.test(word) || DOTTED_ABBREVIATION.test(word))) return true;
  return (
    language === 'de' && /^\d{1,3}$/.test(word) && isGermanOrdinal(text.slice(0, dot + 1), text.slice(end, end + 16))
  );
}

/** Words before a German ordinal ("am 3. März", "im 19. Jahrhundert", "der 2. Platz"). */
const BEFORE_ORDINAL =
  /(?:^|\s)(?:am|an|im|in|zum|zur|vom|von|bis|ab|seit|der|die|das|den|dem|des|ihr|ihre|ihrem|ihren|sein|seine|seinem|seinen|jeden|jedem|jeder)\s+\d{1,3}\.$/iu;
const MONTH_AFTER =
  /^\s*(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)(?!\p{L})/u;

/** Whether "3." is an ordinal: after an article or preposition, or before a month; "Nr. 1. Es …" ends. */
function isGermanOrdinal(before: string, after: string): boolean {
  return BEFORE_ORDINAL.test(before.slice(-24)) || MONTH_AFTER.test(after);
}

/**
 * Whether the text after a candidate end starts in lower case (white space and opening quotes aside): `LOWER_START`
 * on the next 8 characters, with the usual case, a space and an ASCII letter, read directly.
 */
function startsInLowerCase(text: string, end: number): boolean {
  if (text.charCodeAt(end) === 0x20) {
    const next = text.charCodeAt(end + 1);
    if (next >= 0x41 && next <= 0x5a) return false;
    if (next >= 0x61 && next <= 0x7a) return true;
  }
  return LOWER_START.test(text.slice(end, end + 8));
}

/** Closing quotes and brackets that may follow terminal punctuation. */
const CLOSERS = `"'”’»«)]`;

function isBoundary(text: string, match: RegExpExecArray, language: string | null): boolean {
  const marks = match[0];
  const end = match.index + marks.length;
  if (/^[。！？]/u.test(marks)) return true;
  if (startsInLowerCase(text, end)) return false;
  // Only a single full stop (closers aside) can close an abbreviation; `?`, `!`, `…` and `..` end the sentence.
  const second = marks.charAt(1);
  if (marks.charAt(0) !== '.' || (second !== '' && !CLOSERS.includes(second))) return true;
  return !endsWithAbbreviation(text, match.index, end, language);
}

/** The text's sentences, trimmed, in order; the last one may lack terminal punctuation. */
export function splitSentences(text: string, language: string | null): string[] {
  const sentences: string[] = [];
  let start = 0;
  CANDIDATE_END.lastIndex = 0;
  for (let match = CANDIDATE_END.exec(text); match !== null; match = CANDIDATE_END.exec(text)) {
    if (!isBoundary(text, match, language)) continue;
    const end = match.index + match[0].length;
    const sentence = text.slice(start, end).trim();
    if (sentence !== '') sentences.push(sentence);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}

/** Whether a sentence ends with terminal punctuation (a fragment cut off by a feed does not). */
export function isCompleteSentence(sentence: string): boolean {
  return /[.!?…。！？]["'”’»«)\]」』]*$/u.test(sentence);
}
