/**
 * Vendor and topic tags for a news text.
 *
 * A dictionary compiles once (cached per dictionary object). Matching runs in two stages: one literal trie
 * regex per case mode finds the patterns' anchors (`Claude`, `OpenAI`, `lawsuit`, …), and only where an anchor
 * occurs are the full patterns that start with it tried, sticky, at that spot. A union of ~100 full patterns
 * costs V8 a try of every alternative at every character; the anchor trie is some ten times faster. Patterns
 * without a literal anchor (possible in user config) are run on their own.
 *
 * `tagNews` compiles the vendor and the topic map together (cached per `NewsDictionaries` object) into one trie
 * for both case modes: one scan of the text instead of four. The trie ignores case; a case-sensitive pattern is
 * tried only where its anchor occurs exactly (`startsWith`). At each position the longest anchor lists every
 * pattern whose anchor matches there, whichever map and case mode it belongs to, so each map sees exactly the
 * checks it would see alone. This needs lower case to be a faithful key for what the trie matches: every
 * character a case-insensitive expression takes for a key's character must lower to it (see `keyedByLowerCase`).
 * That holds for ASCII, Latin-1 (but `µ`, which matches Greek `μ`) and caseless symbols such as `€`;
 * dictionaries with other anchors keep one trie per case mode.
 */
import type { NewsDictionaries, PatternMap } from './dictionaries.ts';
import { parsePattern, patternFlags, type ParsedPattern } from './news-patterns.ts';
import { anchorsOf, trieSource } from './pattern-anchors.ts';

/** One full pattern, compiled sticky (`y`) for a check at an anchor's position, or global when unanchored. */
interface CompiledPattern {
  /** Index of the map (of those compiled together) the pattern belongs to. */
  readonly map: number;
  readonly slug: string;
  readonly regex: RegExp;
}

/** A pattern to try at a hit; a case-sensitive one in a case-insensitive trie names the anchor it needs there. */
interface Candidate {
  readonly pattern: CompiledPattern;
  /** The anchor as written, which must occur exactly at the hit, or null when the trie's match suffices. */
  readonly exact: string | null;
}

/** Anchors found by one trie and the patterns behind each. */
interface AnchorStage {
  readonly trie: RegExp;
  readonly ignoreCase: boolean;
  /** Anchor (lower-cased when ignoring case) → patterns whose anchor is it or one of its prefixes. */
  readonly patterns: ReadonlyMap<string, readonly Candidate[]>;
}

interface CompiledMap {
  readonly stages: readonly AnchorStage[];
  readonly unanchored: readonly CompiledPattern[];
}

/** A letter or digit: a match must not start right after one, nor end right before one. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const WORD_END = String.raw`(?![\p{L}\p{N}])`;

const cache = new WeakMap<PatternMap, CompiledMap>();
const pairCache = new WeakMap<NewsDictionaries, CompiledMap>();

function compilePattern(map: number, slug: string, pattern: ParsedPattern, mode: 'y' | 'g'): CompiledPattern {
  return { map, slug, regex: new RegExp(`(?:${pattern.source})${WORD_END}`, patternFlags(pattern, mode)) };
}

/**
 * The stage for one case mode. The trie matches the longest anchor at a position, so each anchor also lists
 * the patterns of its prefixes (`Grokipedia` → the `Grok` patterns too).
 */
function buildStage(byAnchor: ReadonlyMap<string, Candidate[]>, ignoreCase: boolean): AnchorStage | null {
  if (byAnchor.size === 0) return null;
  const anchors = [...byAnchor.keys()];
  const patterns = new Map<string, Candidate[]>();
  for (const anchor of anchors) {
    const list = anchors.filter((other) => anchor.startsWith(other)).flatMap((other) => byAnchor.get(other) ?? []);
    patterns.set(anchor, [...new Set(list)]);
  }
  // `\b` lets V8 skip the positions inside words before it enters the trie (several times faster). It is
  // ASCII-only, so anchors that start with another character (`€`, `Ärger`) go without it.
  const ascii = anchors.filter((anchor) => /^\w/.test(anchor));
  const other = anchors.filter((anchor) => !/^\w/.test(anchor));
  const alternatives = [
    ...(ascii.length > 0 ? [`\\b(?:${trieSource(ascii, ignoreCase)})`] : []),
    ...(other.length > 0 ? [trieSource(other, ignoreCase)] : []),
  ];
  const trie = new RegExp(alternatives.join('|'), ignoreCase ? 'gi' : 'g');
  return { trie, ignoreCase, patterns };
}

/** An anchored pattern and one of its anchors. */
interface AnchorUse {
  readonly pattern: CompiledPattern;
  readonly anchor: string;
  readonly ignoreCase: boolean;
}

/**
 * Compiles the maps together, each pattern marked with the index of its map: one case-insensitive trie for
 * all anchors when `oneTrie` is asked for and the anchors allow it (see the file comment), else one per case mode.
 */
function compileMaps(maps: readonly PatternMap[], oneTrie: boolean): CompiledMap {
  const uses: AnchorUse[] = [];
  const unanchored: CompiledPattern[] = [];
  for (const [index, map] of maps.entries()) {
    for (const [slug, patterns] of Object.entries(map)) {
      for (const source of patterns) {
        const parsed = parsePattern(source);
        const anchors = anchorsOf(parsed.source);
        if (anchors === null) unanchored.push(compilePattern(index, slug, parsed, 'g'));
        else addUses(uses, compilePattern(index, slug, parsed, 'y'), anchors, parsed.ignoreCase);
      }
    }
  }
  if (oneTrie && uses.every(({ anchor }) => keyedByLowerCase(anchor))) {
    return { stages: [buildStage(candidatesByAnchor(uses, true), true)].filter((stage) => stage !== null), unanchored };
  }
  const stages = [false, true].map((ignoreCase) =>
    buildStage(
      candidatesByAnchor(
        uses.filter((use) => use.ignoreCase === ignoreCase),
        false,
      ),
      ignoreCase,
    ),
  );
  return { stages: stages.filter((stage) => stage !== null), unanchored };
}

/**
 * Code unit → what a case-insensitive expression without the `u` flag compares it as (ECMAScript's Canonicalize:
 * the upper case when it is one code unit and does not turn a non-ASCII character into an ASCII one). Built
 * once, on the first dictionary compiled into one trie.
 */
let canonicalCodes: Uint16Array | undefined;

function canonicalCodesOf(): Uint16Array {
  if (canonicalCodes === undefined) {
    canonicalCodes = new Uint16Array(0x10000);
    for (let code = 0; code < 0x10000; code++) {
      const upper = String.fromCharCode(code).toUpperCase();
      const unit = upper.length === 1 ? upper.charCodeAt(0) : code;
      canonicalCodes[code] = code >= 0x80 && unit < 0x80 ? code : unit;
    }
  }
  return canonicalCodes;
}

const faithfulKeys = new Map<number, boolean>();

/** Whether every character a case-insensitive expression takes for this lower-case character lowers to it. */
function isFaithfulKey(code: number): boolean {
  let faithful = faithfulKeys.get(code);
  if (faithful === undefined) {
    const canonical = canonicalCodesOf();
    const key = String.fromCharCode(code);
    faithful = true;
    for (let other = 0; other < 0x10000 && faithful; other++) {
      if (canonical[other] === canonical[code]) faithful = String.fromCharCode(other).toLowerCase() === key;
    }
    faithfulKeys.set(code, faithful);
  }
  return faithful;
}

/**
 * Whether the anchor's lower case keys it faithfully in a case-insensitive trie: the same length, each character
 * matching the anchor's own case-insensitively, and each a faithful key (so any text the key matches lowers to it).
 */
function keyedByLowerCase(anchor: string): boolean {
  const key = anchor.toLowerCase();
  if (key.length !== anchor.length) return false;
  const canonical = canonicalCodesOf();
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index);
    if (canonical[code] !== canonical[anchor.charCodeAt(index)] || !isFaithfulKey(code)) return false;
  }
  return true;
}

function addUses(uses: AnchorUse[], pattern: CompiledPattern, anchors: readonly string[], ignoreCase: boolean): void {
  for (const anchor of anchors) uses.push({ pattern, anchor, ignoreCase });
}

/**
 * Anchor → candidates, keyed in lower case for case-insensitive patterns (and for all in one trie, where a
 * case-sensitive pattern keeps its anchor to check). One candidate per pattern and exact anchor.
 */
function candidatesByAnchor(uses: readonly AnchorUse[], oneTrie: boolean): Map<string, Candidate[]> {
  const byAnchor = new Map<string, Candidate[]>();
  const made = new Map<string, Candidate>();
  const ids = new Map<CompiledPattern, number>();
  for (const { pattern, anchor, ignoreCase } of uses) {
    const exact = oneTrie && !ignoreCase ? anchor : null;
    const key = ignoreCase || oneTrie ? anchor.toLowerCase() : anchor;
    if (!ids.has(pattern)) ids.set(pattern, ids.size);
    const id = `${String(ids.get(pattern))}\u0000${exact ?? ''}`;
    const candidate = made.get(id) ?? { pattern, exact };
    made.set(id, candidate);
    const list = byAnchor.get(key);
    if (list === undefined) byAnchor.set(key, [candidate]);
    else list.push(candidate);
  }
  return byAnchor;
}

function compiledFor(map: PatternMap): CompiledMap {
  let compiled = cache.get(map);
  if (compiled === undefined) {
    compiled = compileMaps([map], false);
    cache.set(map, compiled);
  }
  return compiled;
}

function compiledPairFor(dictionaries: NewsDictionaries): CompiledMap {
  let compiled = pairCache.get(dictionaries);
  if (compiled === undefined) {
    compiled = compileMaps([dictionaries.vendors, dictionaries.topics], true);
    pairCache.set(dictionaries, compiled);
  }
  return compiled;
}

function startsWord(text: string, index: number): boolean {
  if (index === 0) return true;
  const code = text.charCodeAt(index - 1);
  // ASCII letters and digits are the only ASCII letters and digits of Unicode: no expression needed.
  if (code < 0x80) return !(((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || (code >= 0x30 && code <= 0x39));
  return !WORD_CHAR.test(text.charAt(index - 1));
}

/** Runs one stage; `found[map]` collects the slugs found for each map (a short list: a text names a few). */
function runStage(text: string, stage: AnchorStage, found: readonly string[][]): void {
  const { trie } = stage;
  trie.lastIndex = 0;
  for (let hit = trie.exec(text); hit !== null; hit = trie.exec(text)) {
    // Resume one character on, not after the anchor, so a name inside a longer one is still seen.
    trie.lastIndex = hit.index + 1;
    if (!startsWord(text, hit.index)) continue;
    const candidates = stage.patterns.get(stage.ignoreCase ? hit[0].toLowerCase() : hit[0]) ?? [];
    for (const { pattern, exact } of candidates) {
      const { map, slug, regex } = pattern;
      const slugs = found[map];
      if (slugs === undefined || slugs.includes(slug)) continue;
      if (exact !== null && !text.startsWith(exact, hit.index)) continue;
      regex.lastIndex = hit.index;
      if (regex.test(text)) slugs.push(slug);
    }
  }
}

function runUnanchored(text: string, pattern: CompiledPattern, found: string[]): void {
  const { regex } = pattern;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    regex.lastIndex = match.index + 1;
    if (startsWord(text, match.index)) {
      found.push(pattern.slug);
      return;
    }
  }
}

/** The slugs of each compiled map whose patterns occur in `text` as whole words. */
function findSlugs(text: string, compiled: CompiledMap, maps: number): string[][] {
  const found: string[][] = [];
  for (let map = 0; map < maps; map++) found.push([]);
  for (const stage of compiled.stages) runStage(text, stage, found);
  for (const pattern of compiled.unanchored) {
    const slugs = found[pattern.map];
    if (slugs !== undefined && !slugs.includes(pattern.slug)) runUnanchored(text, pattern, slugs);
  }
  return found;
}

/** Sorted slugs whose patterns occur in `text` as whole words. */
export function tagText(text: string, map: PatternMap): string[] {
  const [found = []] = findSlugs(text, compiledFor(map), 1);
  return found.sort();
}

/** Vendor and topic slugs of a text in one pass over it: the same as `tagVendors` and `tagTopics`. */
export function tagNews(
  text: string,
  dictionaries: NewsDictionaries,
): { readonly vendors: string[]; readonly topics: string[] } {
  const [vendors = [], topics = []] = findSlugs(text, compiledPairFor(dictionaries), 2);
  return { vendors: vendors.sort(), topics: topics.sort() };
}

/** Vendor slugs the text names (sorted, unique), e.g. `['anthropic', 'google']`. */
export function tagVendors(text: string, dictionaries: NewsDictionaries): string[] {
  return tagText(text, dictionaries.vendors);
}

/** Topic slugs the text is about (sorted, unique), e.g. `['legal', 'pricing']`. */
export function tagTopics(text: string, dictionaries: NewsDictionaries): string[] {
  return tagText(text, dictionaries.topics);
}
