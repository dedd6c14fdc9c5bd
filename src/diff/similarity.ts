// How alike two clauses are, and which pairs are worth asking. Comparing every unmatched old clause with every
// unmatched new one is quadratic; instead each clause is indexed by its rarest words and only clauses that share
// one are compared, with hard caps so hostile input (thousands of clauses, one 5 MB paragraph) stays bounded.

/** Caps on the similarity search. */
export interface SimilarityLimits {
  /** Distinct words per clause that take part in similarity. @defaultValue 2000 */
  readonly maxWordsPerClause: number;
  /** Rarest words of a clause used to find candidates. @defaultValue 8 */
  readonly signatureWords: number;
  /** Old clauses listed per rare word; a word in more than twice as many clauses is too common to use. @defaultValue 48 */
  readonly maxPostings: number;
  /** Candidates compared per new clause. @defaultValue 16 */
  readonly maxCandidates: number;
}

export const defaultSimilarityLimits: SimilarityLimits = {
  maxWordsPerClause: 2000,
  signatureWords: 8,
  maxPostings: 48,
  maxCandidates: 16,
};

/** A clause's distinct words, capped at the first `maxWords`. */
export function wordSet(key: string, maxWords: number): ReadonlySet<string> {
  const words = new Set<string>();
  // Scans word by word and stops at the cap, so a 5 MB paragraph costs no more than its first few thousand words.
  const pattern = new RegExp(WORD.source, 'gu');
  for (let match = pattern.exec(key); match !== null && words.size < maxWords; match = pattern.exec(key)) {
    words.add(match[0]);
  }
  return words;
}

const WORD = /[\p{L}\p{N}]+/u;

/** Shortest clause (in distinct words) whose full containment in another counts as the same clause grown. */
const MIN_CONTAINED_WORDS = 8;

/**
 * Similarity in [0, 1]: the Dice coefficient of the two word sets, raised into [0.6, 0.9) when one clause's words
 * are (nearly) all inside the other's — a clause that grew or was cut short is still the same clause, and of two
 * such candidates the one sharing more words wins.
 */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  const dice = (2 * shared) / (a.size + b.size);
  const contained = small.size >= MIN_CONTAINED_WORDS && shared / small.size >= 0.9;
  return contained ? Math.max(dice, 0.6 + (0.3 * shared) / large.size) : dice;
}

/** A pair of clause positions (in the old and new lists) worth comparing. */
export interface Candidate {
  readonly oldIndex: number;
  readonly newIndex: number;
  readonly score: number;
}

/**
 * Scores candidate pairs between unmatched old and new clauses, found through shared rare words. Returns only pairs
 * scoring at least `threshold`, in no particular order.
 */
export function findCandidates(
  oldSets: ReadonlyMap<number, ReadonlySet<string>>,
  newSets: ReadonlyMap<number, ReadonlySet<string>>,
  threshold: number,
  limits: SimilarityLimits,
): Candidate[] {
  const frequency = documentFrequency([...oldSets.values(), ...newSets.values()]);
  const postings = new Map<string, number[]>();
  for (const [index, words] of oldSets) {
    for (const word of signature(words, frequency, limits)) {
      const list = postings.get(word) ?? [];
      if (list.length < limits.maxPostings) list.push(index);
      postings.set(word, list);
    }
  }
  const found: Candidate[] = [];
  const counts = new Uint32Array(Math.max(0, ...oldSets.keys()) + 1);
  for (const [newIndex, words] of newSets) {
    for (const oldIndex of candidatesFor(signature(words, frequency, limits), postings, counts, limits)) {
      const old = oldSets.get(oldIndex);
      const score = old === undefined ? 0 : similarity(old, words);
      if (score >= threshold) found.push({ oldIndex, newIndex, score });
    }
  }
  return found;
}

function documentFrequency(sets: readonly ReadonlySet<string>[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const words of sets) for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  return frequency;
}

function signature(words: ReadonlySet<string>, frequency: ReadonlyMap<string, number>, limits: SimilarityLimits) {
  // A word found in one clause only cannot lead to another clause; a word in very many leads everywhere.
  const usable: { word: string; count: number }[] = [];
  for (const word of words) {
    const count = frequency.get(word) ?? 0;
    if (count >= 2 && count <= limits.maxPostings * 2) usable.push({ word, count });
  }
  return usable
    .sort((a, b) => a.count - b.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
    .slice(0, limits.signatureWords)
    .map(({ word }) => word);
}

/** Old clauses sharing most of the rare words; `counts` is scratch space, left zeroed for the next call. */
function candidatesFor(
  rare: readonly string[],
  postings: ReadonlyMap<string, readonly number[]>,
  counts: Uint32Array,
  limits: SimilarityLimits,
): number[] {
  const touched: number[] = [];
  for (const word of rare) {
    for (const oldIndex of postings.get(word) ?? []) {
      if (counts[oldIndex] === 0) touched.push(oldIndex);
      counts[oldIndex] = (counts[oldIndex] ?? 0) + 1;
    }
  }
  // Most shared rare words first; position breaks ties so the choice is deterministic.
  touched.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a - b);
  for (const oldIndex of touched) counts[oldIndex] = 0;
  return touched.slice(0, limits.maxCandidates);
}
