/**
 * Vendor and topic tags for a news text.
 *
 * A dictionary compiles once (cached per dictionary object). Matching runs in two stages: one literal trie
 * regex per case mode finds the patterns' anchors (`Claude`, `OpenAI`, `lawsuit`, …), and only where an anchor
 * occurs are the full patterns that start with it tried, sticky, at that spot. A union of ~100 full patterns
 * costs V8 a try of every alternative at every character; the anchor trie is some ten times faster. Patterns
 * without a literal anchor (possible in user config) are run on their own.
 *
 * `tagNews` compiles the vendor and the topic map together (cached per `NewsDictionaries` object), so one trie
 * per case mode finds the anchors of both: two scans of the text instead of four. At each position the longest
 * anchor lists every pattern whose anchor matches there, whichever map it belongs to, so each map sees exactly
 * the checks it would see alone.
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

/** All anchors of one case mode and the patterns behind each. */
interface AnchorStage {
  readonly trie: RegExp;
  readonly ignoreCase: boolean;
  /** Anchor (lower-cased when ignoring case) → patterns whose anchor is it or one of its prefixes. */
  readonly patterns: ReadonlyMap<string, readonly CompiledPattern[]>;
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
function buildStage(byAnchor: ReadonlyMap<string, CompiledPattern[]>, ignoreCase: boolean): AnchorStage | null {
  if (byAnchor.size === 0) return null;
  const anchors = [...byAnchor.keys()];
  const patterns = new Map<string, CompiledPattern[]>();
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

/** Compiles the maps together: shared anchor stages, each pattern marked with the index of its map. */
function compileMaps(maps: readonly PatternMap[]): CompiledMap {
  const byAnchor = {
    sensitive: new Map<string, CompiledPattern[]>(),
    insensitive: new Map<string, CompiledPattern[]>(),
  };
  const unanchored: CompiledPattern[] = [];
  for (const [index, map] of maps.entries()) {
    for (const [slug, patterns] of Object.entries(map)) {
      for (const pattern of patterns) addPattern(byAnchor, unanchored, compileInput(index, slug, pattern));
    }
  }
  const stages = [buildStage(byAnchor.sensitive, false), buildStage(byAnchor.insensitive, true)];
  return { stages: stages.filter((stage) => stage !== null), unanchored };
}

interface PatternInput {
  readonly map: number;
  readonly slug: string;
  readonly parsed: ParsedPattern;
  readonly anchors: readonly string[] | null;
}

function compileInput(map: number, slug: string, pattern: string): PatternInput {
  const parsed = parsePattern(pattern);
  return { map, slug, parsed, anchors: anchorsOf(parsed.source) };
}

function addPattern(
  byAnchor: {
    readonly sensitive: Map<string, CompiledPattern[]>;
    readonly insensitive: Map<string, CompiledPattern[]>;
  },
  unanchored: CompiledPattern[],
  { map, slug, parsed, anchors }: PatternInput,
): void {
  if (anchors === null) {
    unanchored.push(compilePattern(map, slug, parsed, 'g'));
    return;
  }
  const compiled = compilePattern(map, slug, parsed, 'y');
  const target = parsed.ignoreCase ? byAnchor.insensitive : byAnchor.sensitive;
  for (const anchor of anchors) {
    const key = parsed.ignoreCase ? anchor.toLowerCase() : anchor;
    const list = target.get(key);
    if (list === undefined) target.set(key, [compiled]);
    else list.push(compiled);
  }
}

function compiledFor(map: PatternMap): CompiledMap {
  let compiled = cache.get(map);
  if (compiled === undefined) {
    compiled = compileMaps([map]);
    cache.set(map, compiled);
  }
  return compiled;
}

function compiledPairFor(dictionaries: NewsDictionaries): CompiledMap {
  let compiled = pairCache.get(dictionaries);
  if (compiled === undefined) {
    compiled = compileMaps([dictionaries.vendors, dictionaries.topics]);
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

/** Runs one stage; `found[map]` collects the slugs found for each map. */
function runStage(text: string, stage: AnchorStage, found: readonly Set<string>[]): void {
  const { trie } = stage;
  trie.lastIndex = 0;
  for (let hit = trie.exec(text); hit !== null; hit = trie.exec(text)) {
    // Resume one character on, not after the anchor, so a name inside a longer one is still seen.
    trie.lastIndex = hit.index + 1;
    if (!startsWord(text, hit.index)) continue;
    const candidates = stage.patterns.get(stage.ignoreCase ? hit[0].toLowerCase() : hit[0]) ?? [];
    for (const { map, slug, regex } of candidates) {
      const slugs = found[map];
      if (slugs === undefined || slugs.has(slug)) continue;
      regex.lastIndex = hit.index;
      if (regex.test(text)) slugs.add(slug);
    }
  }
}

function runUnanchored(text: string, pattern: CompiledPattern, found: Set<string>): void {
  const { regex } = pattern;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    regex.lastIndex = match.index + 1;
    if (startsWord(text, match.index)) {
      found.add(pattern.slug);
      return;
    }
  }
}

/** The slugs of each compiled map whose patterns occur in `text` as whole words. */
function findSlugs(text: string, compiled: CompiledMap, maps: number): Set<string>[] {
  const found: Set<string>[] = [];
  for (let map = 0; map < maps; map++) found.push(new Set());
  for (const stage of compiled.stages) runStage(text, stage, found);
  for (const pattern of compiled.unanchored) {
    const slugs = found[pattern.map];
    if (slugs !== undefined && !slugs.has(pattern.slug)) runUnanchored(text, pattern, slugs);
  }
  return found;
}

/** Sorted slugs whose patterns occur in `text` as whole words. */
export function tagText(text: string, map: PatternMap): string[] {
  const [found = new Set<string>()] = findSlugs(text, compiledFor(map), 1);
  return [...found].sort();
}

/** Vendor and topic slugs of a text in one pass over it: the same as `tagVendors` and `tagTopics`. */
export function tagNews(
  text: string,
  dictionaries: NewsDictionaries,
): { readonly vendors: string[]; readonly topics: string[] } {
  const [vendors = new Set<string>(), topics = new Set<string>()] = findSlugs(text, compiledPairFor(dictionaries), 2);
  return { vendors: [...vendors].sort(), topics: [...topics].sort() };
}

/** Vendor slugs the text names (sorted, unique), e.g. `['anthropic', 'google']`. */
export function tagVendors(text: string, dictionaries: NewsDictionaries): string[] {
  return tagText(text, dictionaries.vendors);
}

/** Topic slugs the text is about (sorted, unique), e.g. `['legal', 'pricing']`. */
export function tagTopics(text: string, dictionaries: NewsDictionaries): string[] {
  return tagText(text, dictionaries.topics);
}
