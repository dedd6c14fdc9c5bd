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
  const changes = diffWords(flattenTypography(before), flattenTypography(after), {
    ignoreCase: true,
    maxEditLength: MAX_EDIT_LENGTH,
  });
  if (changes === undefined) return null;
  return changes.map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}

/** The words removed and added inside a modified clause, in order. */
export function changedWords(before: string, after: string): { removedWords: string[]; addedWords: string[] } {
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
