import { describe, expect, it } from 'vitest';
import { defaultNewsDictionaries, mergeNewsDictionaries, newsDictionariesSchema } from './dictionaries.ts';
import { parsePattern, patternProblem } from './news-patterns.ts';
import { anchorsOf, trieSource } from './pattern-anchors.ts';

describe('defaultNewsDictionaries', () => {
  it('covers the vendors and topics the pipeline promises', () => {
    expect(Object.keys(defaultNewsDictionaries.vendors).sort()).toEqual([
      'alibaba',
      'amazon',
      'anthropic',
      'apple',
      'cursor',
      'deepseek',
      'github',
      'google',
      'huggingface',
      'meta',
      'microsoft',
      'mistral',
      'moonshot',
      'nvidia',
      'openai',
      'perplexity',
      'windsurf',
      'xai',
    ]);
    expect(Object.keys(defaultNewsDictionaries.topics).sort()).toEqual([
      'access',
      'funding',
      'legal',
      'model-release',
      'pricing',
      'regulation',
      'safety',
      'terms-and-policy',
    ]);
  });

  it('passes its own schema', () => {
    expect(newsDictionariesSchema.safeParse(defaultNewsDictionaries).success).toBe(true);
  });

  it('has a literal anchor in every pattern, so tagging stays on the fast path', () => {
    const unanchored = Object.values(defaultNewsDictionaries)
      .flatMap((map: Record<string, readonly string[]>) => Object.values(map).flat())
      .filter((pattern) => anchorsOf(parsePattern(pattern).source) === null);
    expect(unanchored).toEqual([]);
  });
});

describe('newsDictionariesSchema', () => {
  it('accepts both maps optional, one pattern or a list per slug', () => {
    expect(newsDictionariesSchema.parse({})).toEqual({});
    expect(newsDictionariesSchema.parse({ vendors: { acme: 'Acme', beta: ['Beta\\s?AI', '(?i)beta'] } })).toEqual({
      vendors: { acme: ['Acme'], beta: ['Beta\\s?AI', '(?i)beta'] },
    });
  });

  it.each([
    { name: 'pattern that does not compile', input: { vendors: { acme: ['Acme('] } }, path: ['vendors', 'acme', 0] },
    { name: 'pattern matching empty text', input: { topics: { x: ['a*'] } }, path: ['topics', 'x', 0] },
    { name: 'empty pattern', input: { topics: { x: [''] } }, path: ['topics', 'x', 0] },
    { name: 'slug with capitals', input: { vendors: { Acme: ['Acme'] } }, path: ['vendors', 'Acme'] },
    { name: 'unknown key', input: { vendor: { acme: ['Acme'] } }, path: [] },
  ])('rejects a $name', ({ input, path }) => {
    const result = newsDictionariesSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });

  it('names the problem of a bad pattern', () => {
    const result = newsDictionariesSchema.safeParse({ topics: { x: ['(?i)a*'] } });
    expect(result.error?.issues[0]?.message).toContain('matches empty text');
  });
});

describe('mergeNewsDictionaries', () => {
  it('returns the defaults themselves when the user adds nothing', () => {
    expect(mergeNewsDictionaries(defaultNewsDictionaries, undefined)).toBe(defaultNewsDictionaries);
    expect(mergeNewsDictionaries(defaultNewsDictionaries, {})).toBe(defaultNewsDictionaries);
  });

  it('adds patterns to a known slug and adds new slugs', () => {
    const defaults = { vendors: { acme: ['Acme'] }, topics: { pricing: ['price'] } };
    const merged = mergeNewsDictionaries(defaults, {
      vendors: { acme: ['Acme', 'AcmeBot'], beta: ['Beta'] },
    });
    expect(merged).toEqual({
      vendors: { acme: ['Acme', 'AcmeBot'], beta: ['Beta'] },
      topics: { pricing: ['price'] },
    });
    expect(defaults.vendors.acme).toEqual(['Acme']);
  });
});

describe('patternProblem', () => {
  it.each([
    { pattern: 'Claude', expected: null },
    { pattern: '(?i)claude', expected: null },
    { pattern: '\\p{Lu}+', expected: null },
    { pattern: '(?i)', expected: 'the pattern is empty' },
    { pattern: 'x?', expected: 'the pattern matches empty text' },
  ])('$pattern', ({ pattern, expected }) => {
    expect(patternProblem(pattern)).toBe(expected);
  });
});

describe('anchorsOf', () => {
  it.each([
    { source: 'Claude', expected: ['Claude'] },
    { source: "Anthropic(?:s|['’]s)?", expected: ['Anthropic'] },
    { source: 'Anthropics?', expected: ['Anthropic'] },
    { source: '(?<![-])(?<!Jean\\s)Claude(?!\\s+Monet)', expected: ['Claude'] },
    { source: '(?:Mixtral|Codestral)\\s?\\d', expected: ['Mixtral', 'Codestral'] },
    { source: 'GDPR|DSGVO', expected: ['GDPR', 'DSGVO'] },
    { source: 'U\\.S\\. ban', expected: ['U.S. ban'] },
    { source: '\\$\\d+', expected: ['$'] },
    { source: '(?:Sundar\\s+)?Pichai', expected: null },
    { source: 'o[1345]', expected: null },
    { source: '\\d+ models', expected: null },
    { source: 'Git[Hh]ub', expected: ['Git'] },
    { source: 'AI|x', expected: null },
  ])('$source', ({ source, expected }) => {
    expect(anchorsOf(source)).toEqual(expected);
  });
});

describe('trieSource', () => {
  it('matches the longest word at a position', () => {
    const trie = new RegExp(trieSource(['Grok', 'Grokipedia', 'Google', 'a.b'], false), 'g');
    expect('Grokipedia Grok Google a.b axb'.match(trie)).toEqual(['Grokipedia', 'Grok', 'Google', 'a.b']);
  });

  it('folds case for case-insensitive words', () => {
    const trie = new RegExp(trieSource(['price', 'Preis'], true), 'gi');
    expect('PRICE preis'.match(trie)).toEqual(['PRICE', 'preis']);
  });
});
