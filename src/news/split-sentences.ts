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
/** The word right before a full stop: letters, digits and inner dots (`U.S`, `z.B`, `e.g`). */
const WORD_BEFORE_DOT = /([\p{L}\p{N}][\p{L}\p{N}.]*)\.[^\p{L}\p{N}]*$/u;
const DOTTED_ABBREVIATION = /^(?:\p{L}\.)+\p{L}$/u;
const LOWER_START = /^\s*["'“‘„«»(]*\p{Ll}/u;

/** Whether the full stop that ends `before` closes an abbreviation rather than a sentence. */
function endsWithAbbreviation(before: string, after: string, language: string | null): boolean {
  const word = WORD_BEFORE_DOT.exec(before.slice(-40))?.[1];
  if (word === undefined) return false;
  if (sentenceAbbreviations.has(word)) return true;
  // A single letter is an initial or part of `z. B.` / `u. a.`; dotted letters are `U.S.`, `e.g.`, `z.B.`.
  if (/^\p{L}$/u.test(word) || DOTTED_ABBREVIATION.test(word)) return true;
  return language === 'de' && /^\d{1,3}$/.test(word) && isGermanOrdinal(before, after);
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

function isBoundary(text: string, match: RegExpExecArray, language: string | null): boolean {
  const end = match.index + match[0].length;
  if (/^[。！？]/u.test(match[0])) return true;
  if (LOWER_START.test(text.slice(end, end + 8))) return false;
  const marks = match[0].replace(/["'”’»«)\]]+$/u, '');
  if (marks !== '.') return true;
  return !endsWithAbbreviation(text.slice(0, match.index + 1), text.slice(end, end + 16), language);
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
