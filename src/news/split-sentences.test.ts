// Sentence splitting's own cases live in summarize-news.test.ts; these prove the hand-written scans equal the
// expressions they replaced.
import { describe, expect, it } from 'vitest';
import { sentenceAbbreviations, splitSentences, wordBeforeDot, WORD_WINDOW } from './split-sentences.ts';
import { randomStrings, TRICKY_CHARACTERS } from './test-strings.ts';

const WORD_BEFORE_DOT = /([\p{L}\p{N}][\p{L}\p{N}.]*)\.[^\p{L}\p{N}]*$/u;

/** The word before the stop at `dot` as the expression finds it in the window before the stop. */
function slowWordBeforeDot(text: string, dot: number): string | undefined {
  return WORD_BEFORE_DOT.exec(text.slice(0, dot + 1).slice(-WORD_WINDOW))?.[1];
}

/** The splitter as it was written with expressions only (the reference for the random comparisons). */
function slowSplitSentences(text: string, language: string | null): string[] {
  const candidateEnd = /[.!?…]+["'”’»«)\]]*(?=\s|$)|[。！？]+["'”’」』)\]]*/gu;
  const beforeOrdinal =
    /(?:^|\s)(?:am|an|im|in|zum|zur|vom|von|bis|ab|seit|der|die|das|den|dem|des|ihr|ihre|ihrem|ihren|sein|seine|seinem|seinen|jeden|jedem|jeder)\s+\d{1,3}\.$/iu;
  const monthAfter =
    /^\s*(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)(?!\p{L})/u;
  const endsWithAbbreviation = (before: string, after: string): boolean => {
    const word = WORD_BEFORE_DOT.exec(before.slice(-40))?.[1];
    if (word === undefined) return false;
    if (sentenceAbbreviations.has(word)) return true;
    if (/^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
    return (
      language === 'de' && /^\d{1,3}$/.test(word) && (beforeOrdinal.test(before.slice(-24)) || monthAfter.test(after))
    );
  };
  const isBoundary = (match: RegExpExecArray): boolean => {
    const end = match.index + match[0].length;
    if (/^[。！？]/u.test(match[0])) return true;
    if (/^\s*["'“‘„«»(]*\p{Ll}/u.test(text.slice(end, end + 8))) return false;
    if (match[0].replace(/["'”’»«)\]]+$/u, '') !== '.') return true;
    return !endsWithAbbreviation(text.slice(0, match.index + 1), text.slice(end, end + 16));
  };
  const sentences: string[] = [];
  let start = 0;
  for (let match = candidateEnd.exec(text); match !== null; match = candidateEnd.exec(text)) {
    if (!isBoundary(match)) continue;
    const end = match.index + match[0].length;
    const sentence = text.slice(start, end).trim();
    if (sentence !== '') sentences.push(sentence);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}

/** Words, abbreviations, ordinals and punctuation, so random texts hit every rule of the splitter. */
const SENTENCE_PIECES = [
  ...TRICKY_CHARACTERS,
  ...['Dr', 'z', 'B', 'U', 'S', 'e', 'g', 'Inc', 'am', 'der', 'Nr', '3', '19', 'März', 'Platz', 'Es', 'it', 'The'],
  ...['. ', '. ', '.', '?', '! ', '…', '."', '.) ', '..', '.»', '。', '！', ' ', ' ', ' ', '\n', ' (', '„', '“'],
];

describe('wordBeforeDot', () => {
  it.each([
    { text: 'The U.S.', expected: 'U.S' },
    { text: 'Acme Inc.', expected: 'Inc' },
    { text: 'z. B.', expected: 'B' },
    { text: 'e.g..', expected: 'e.g.' },
    { text: 'He said "no".', expected: undefined },
    { text: 'abc.).', expected: 'abc' },
    { text: '...', expected: undefined },
    { text: 'Größe.', expected: 'Größe' },
    { text: 'Math \u{1d400}\u{1d401}.', expected: '\u{1d400}\u{1d401}' },
  ])('$text', ({ text, expected }) => {
    expect(wordBeforeDot(text, text.length - 1)).toBe(expected);
  });

  it('equals the expression on the window before every full stop of random text', () => {
    const texts = randomStrings(4000, 70, 11);
    let compared = 0;
    for (const text of texts) {
      for (let dot = text.indexOf('.'); dot !== -1; dot = text.indexOf('.', dot + 1)) {
        expect(wordBeforeDot(text, dot), `${JSON.stringify(text)} @${dot}`).toBe(slowWordBeforeDot(text, dot));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('cuts the window like a slice, also through a surrogate pair', () => {
    const text = `${'x'.repeat(WORD_WINDOW - 2)}\u{1d400}b.`;
    const dot = text.length - 1;
    expect(wordBeforeDot(text, dot)).toBe(slowWordBeforeDot(text, dot));
    expect(wordBeforeDot(`\u{1d400}${text}`, dot + 2)).toBe(slowWordBeforeDot(`\u{1d400}${text}`, dot + 2));
  });
});

describe('splitSentences against the expression-only splitter', () => {
  it.each(['en', 'de', null])('random texts (%s)', (language) => {
    for (const text of randomStrings(1500, 40, 23, SENTENCE_PIECES)) {
      expect(splitSentences(text, language), JSON.stringify(text)).toEqual(slowSplitSentences(text, language));
    }
  });
});
