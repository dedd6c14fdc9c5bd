/**
 * Titles reduced to their telling words, for spotting the same story under slightly different headlines:
 * lower case, diacritics folded (`Übernahme` → `ubernahme`, `ß` → `ss`), punctuation dropped, English and
 * German stop words dropped.
 */

/** Words too common to tell two headlines apart. */
export const titleStopWords: ReadonlySet<string> = new Set([
  // English
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'from',
  'by',
  'with',
  'as',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'it',
  'its',
  'this',
  'that',
  'these',
  'those',
  'into',
  'over',
  'after',
  'about',
  'how',
  'why',
  'what',
  'will',
  'has',
  'have',
  'had',
  'not',
  'now',
  'just',
  'more',
  'than',
  'up',
  'out',
  'new',
  'says',
  'said',
  'report',
  'reports',
  'update',
  'breaking',
  'exclusive',
  'vs',
  'via',
  // German (folded)
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'ein',
  'eine',
  'einen',
  'einem',
  'einer',
  'eines',
  'und',
  'oder',
  'aber',
  'mit',
  'von',
  'vom',
  'zu',
  'zum',
  'zur',
  'im',
  'in',
  'am',
  'an',
  'auf',
  'fur',
  'aus',
  'bei',
  'nach',
  'uber',
  'unter',
  'ist',
  'sind',
  'war',
  'wird',
  'werden',
  'hat',
  'haben',
  'sich',
  'nicht',
  'auch',
  'als',
  'wie',
  'so',
  'nun',
  'jetzt',
  'neue',
  'neuer',
  'neues',
  'neuen',
  'kommentar',
  'analyse',
]);

/** A title's words: in order (for containment), as a set (for overlap), and its numbers. */
export interface TitleTokens {
  readonly list: readonly string[];
  readonly set: ReadonlySet<string>;
  /** Words that are numbers: versions and amounts that tell stories apart ("GPT-5" is not "GPT-4"). */
  readonly numbers: ReadonlySet<string>;
}

const NON_ASCII = /\P{ASCII}/u;
const BEYOND_LATIN_1 = /[\u0100-\uffff]/;
const LATIN_1_HIGH = /[\u0080-\u00ff]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** The full folding: compatibility decomposition, marks dropped, `ß` spelt out. */
function foldByNormalizing(lower: string): string {
  return lower.normalize('NFKD').replace(COMBINING_MARKS, '').replaceAll('ß', 'ss');
}

/**
 * Each Latin-1 character folded on its own. For text of ASCII and Latin-1 only, folding the whole string equals
 * folding character by character: every decomposition is a starter and at most one mark, so the canonical
 * reordering of marks has nothing to reorder. German and French headlines need no Unicode normalisation then.
 */
const LATIN_1_FOLDED: ReadonlyMap<string, string> = new Map(
  Array.from({ length: 0x80 }, (_, offset) => {
    const char = String.fromCharCode(0x80 + offset);
    return [char, foldByNormalizing(char)] as const;
  }),
);

/** Lower case without diacritics; ASCII titles skip the costly Unicode normalisation, Latin-1 ones a table. */
export function foldTitle(title: string): string {
  const lower = title.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  if (BEYOND_LATIN_1.test(lower)) return foldByNormalizing(lower);
  return lower.replace(LATIN_1_HIGH, (char) => LATIN_1_FOLDED.get(char) ?? char);
}

const NO_NUMBERS: ReadonlySet<string> = new Set();

/** The title's words without stop words. */
export function titleTokens(title: string): TitleTokens {
  const folded = foldTitle(title);
  if (!NON_ASCII.test(folded)) return asciiTitleTokens(folded);
  const list = (folded.match(WORD) ?? []).filter((word) => !titleStopWords.has(word));
  // Most headlines carry no digit at all, and then no word can be a number.
  const numbers = /\d/.test(folded) ? new Set(list.filter((word) => /^\d+$/.test(word))) : NO_NUMBERS;
  return { list, set: new Set(list), numbers };
}

/**
 * `titleTokens` of a folded title that is all ASCII (most are, German ones included once folded): the words are runs
 * of ASCII letters and digits (upper case too: NFKD makes `C` of `ℂ`, which has no lower case), read in one pass
 * that also notes which are numbers. Deduplication tokenises nearly every item, and the match, filter and number
 * passes over each title cost twice this.
 */
function asciiTitleTokens(folded: string): TitleTokens {
  const list: string[] = [];
  let numbers: Set<string> | null = null;
  let start = -1;
  let digitsOnly = true;
  for (let index = 0; index <= folded.length; index++) {
    const code = index < folded.length ? folded.charCodeAt(index) : 0;
    const digit = code >= 0x30 && code <= 0x39;
    const letter = (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
    if (digit || letter) {
      if (start === -1) {
        start = index;
        digitsOnly = true;
      }
      digitsOnly &&= digit;
    } else if (start !== -1) {
      const word = folded.slice(start, index);
      start = -1;
      if (titleStopWords.has(word)) continue;
      list.push(word);
      if (digitsOnly) (numbers ??= new Set()).add(word);
    }
  }
  return { list, set: new Set(list), numbers: numbers ?? NO_NUMBERS };
}
