// Word-level difference inside one modified clause, via jsdiff. Typography is flattened and case ignored first so
// the words shown are the words that changed. Work is bounded: very long clauses or very different ones fall back
// to a bag-of-words difference, which is linear.

import { diffWords } from 'diff';
import { flattenTypography, keyWords } from './clean-text.ts';

/** One run of a word diff. */
export interface WordSegment {
  readonly kind: 'same' | 'removed' | 'added';
  readonly text: string;
}

/** Longest clause (in characters) that gets a real word diff. */
const MAX_WORD_DIFF_CHARS = 100_000;
/** Edit length (in tokens) past which jsdiff gives up; keeps the worst case near-linear. */
const MAX_EDIT_LENGTH = 2_000;

/** Word diff of two clause texts as runs, or null when the clauses are too long or too different to diff. */
export function diffClauseWords(before: string, after: string): WordSegment[] | null {
  if (before.length > MAX_WORD_DIFF_CHARS || after.length > MAX_WORD_DIFF_CHARS) return null;
  const oldWords = flattenTypography(before).split(' ');
  const newWords = flattenTypography(after).split(' ');
  // Unchanged words at both ends are cut off first: jsdiff then only sees the edited stretch, which is what keeps
  // thousands of modified clauses cheap.
  const [prefix, suffix] = commonEnds(oldWords, newWords);
  const oldMiddle = oldWords.slice(prefix, oldWords.length - suffix).join(' ');
  const newMiddle = newWords.slice(prefix, newWords.length - suffix).join(' ');
  if (oldMiddle === '' && newMiddle === '') return [{ kind: 'same', text: newWords.join(' ') }];
  const middle = diffWords(oldMiddle, newMiddle, { ignoreCase: true, maxEditLength: MAX_EDIT_LENGTH });
  if (middle === undefined) return null;
  const head = newWords.slice(0, prefix).join(' ');
  const tail = newWords.slice(newWords.length - suffix).join(' ');
  const segments: WordSegment[] = [];
  if (head !== '') segments.push({ kind: 'same', text: `${head} ` });
  for (const change of middle) {
    segments.push({ kind: change.added ? 'added' : change.removed ? 'removed' : 'same', text: change.value });
  }
  if (tail !== '') segments.push({ kind: 'same', text: ` ${tail}` });
  return segments;
}

function commonEnds(a: readonly string[], b: readonly string[]): [number, number] {
  const same = (x: string | undefined, y: string | undefined) => x?.toLowerCase() === y?.toLowerCase();
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && same(a[prefix], b[prefix])) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    same(a[a.length - 1 - suffix], b[b.length - 1 - suffix])
  ) {
    suffix++;
  }
  return [prefix, suffix];
}

/**
 * The words removed and added inside a modified clause, in order; `{}` for clauses too long to diff word by word
 * (their change is still reported, only without the word lists).
 */
export function changedWords(before: string, after: string): { removedWords?: string[]; addedWords?: string[] } {
  if (before.length > MAX_WORD_DIFF_CHARS || after.length > MAX_WORD_DIFF_CHARS) return {};
  const segments = diffClauseWords(before, after);
  if (segments === null) return bagDifference(before, after);
  const removedWords: string[] = [];
  const addedWords: string[] = [];
  for (const segment of segments) {
    if (segment.kind === 'same') continue;
    const words = segment.text.split(/\s+/).filter((word) => word !== '');
    (segment.kind === 'removed' ? removedWords : addedWords).push(...words);
  }
  return { removedWords, addedWords };
}

function bagDifference(before: string, after: string): { removedWords: string[]; addedWords: string[] } {
  const oldWords = keyWords(flattenTypography(before).toLowerCase());
  const newWords = keyWords(flattenTypography(after).toLowerCase());
  return { removedWords: minus(oldWords, newWords), addedWords: minus(newWords, oldWords) };
}

function minus(words: readonly string[], other: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const word of other) left.set(word, (left.get(word) ?? 0) + 1);
  const result: string[] = [];
  for (const word of words) {
    const count = left.get(word) ?? 0;
    if (count > 0) left.set(word, count - 1);
    else result.push(word);
  }
  return result;
}
