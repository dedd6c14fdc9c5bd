// From an alignment to the list of clause changes: what counts as a change, of which kind, in which order.

import type { RawClauseChange } from './types.ts';
import { alignClauses, type AlignOptions, type ClausePair } from './align-clauses.ts';
import { hasObfuscatedEmail, looseKey } from './clean-text.ts';
import type { Clause } from './parse-clauses.ts';
import { changedWords } from './word-diff.ts';

/** Similarity from which a clause that changed sections is reported as moved rather than modified. */
const MOVED_SIMILARITY = 0.9;

/**
 * The clause changes between two clause lists, in the new version's order (removed clauses where they stood,
 * after the clause that preceded them). Noise never appears: equal keys, or keys that differ only in punctuation
 * or in how an e-mail address was obfuscated, are the same text.
 */
export function diffClauses(
  before: readonly Clause[],
  after: readonly Clause[],
  options: AlignOptions = {},
): RawClauseChange[] {
  const alignment = alignClauses(before, after, options);
  const placed: { at: readonly [number, number, number]; change: RawClauseChange }[] = [];
  for (const pair of alignment.pairs) {
    const change = pairChange(pair, before[pair.oldIndex], after[pair.newIndex]);
    if (change !== null) placed.push({ at: [pair.newIndex, 0, 0], change });
  }
  for (const index of alignment.added) {
    const clause = after[index];
    if (clause !== undefined) placed.push({ at: [index, 0, 0], change: addedChange(clause) });
  }
  const anchors = removedAnchors(before.length, alignment.pairs);
  for (const index of alignment.removed) {
    const clause = before[index];
    if (clause !== undefined) placed.push({ at: [anchors[index] ?? -1, 1, index], change: removedChange(clause) });
  }
  placed.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.at[2] - b.at[2]);
  return placed.map(({ change }) => change);
}

function pairChange(pair: ClausePair, old: Clause | undefined, now: Clause | undefined): RawClauseChange | null {
  if (old === undefined || now === undefined) return null;
  const sameText = pair.exact || isNoiseOnly(old, now);
  if (sameText && !pair.moved) return null;
  const words = sameText ? {} : changedWords(old.text, now.text);
  const kind = pair.moved && (sameText || pair.score >= MOVED_SIMILARITY) ? 'moved' : 'modified';
  return {
    kind,
    sectionPath: now.sectionPath,
    label: now.label ?? old.label,
    before: old.text,
    after: now.text,
    ...(pair.moved ? { fromSectionPath: old.sectionPath } : {}),
    ...words,
  };
}

/**
 * True when two clause texts differ only in ways that are not wording: common punctuation (reflow and extraction
 * leave commas, brackets and hyphens behind) or a Cloudflare-obfuscated e-mail address against a plain one.
 */
export function isNoiseOnly(old: Clause, now: Clause): boolean {
  const masked = hasObfuscatedEmail(old.text) || hasObfuscatedEmail(now.text);
  return looseKey(old.key, masked) === looseKey(now.key, masked);
}

function addedChange(clause: Clause): RawClauseChange {
  return { kind: 'added', sectionPath: clause.sectionPath, label: clause.label, before: null, after: clause.text };
}

function removedChange(clause: Clause): RawClauseChange {
  return { kind: 'removed', sectionPath: clause.sectionPath, label: clause.label, before: clause.text, after: null };
}

/** For each old clause, the new position of the nearest earlier old clause that survived (-1 when none). */
function removedAnchors(count: number, pairs: readonly ClausePair[]): number[] {
  const newIndexOf = new Map(pairs.map((pair) => [pair.oldIndex, pair.newIndex]));
  const anchors: number[] = [];
  let anchor = -1;
  for (let index = 0; index < count; index++) {
    anchors.push(anchor);
    anchor = newIndexOf.get(index) ?? anchor;
  }
  return anchors;
}
