/**
 * The vendor and topic dictionaries news items are tagged with. They are plain data so users can extend them in
 * the YAML config (`news: { vendors: { acme: ['Acme\s+AI'] }, topics: { … } }`, validated by
 * `newsDictionariesSchema`) and `mergeNewsDictionaries` folds the user's entries into the defaults.
 */
import { z } from 'zod';
import { patternProblem } from './news-patterns.ts';
import { defaultTopicPatterns } from './topic-patterns.ts';
import { defaultVendorPatterns } from './vendor-patterns.ts';

/** Slug → patterns (see `news-patterns.ts` for the pattern language). */
export type PatternMap = Readonly<Record<string, readonly string[]>>;

/** What news items are tagged with. */
export interface NewsDictionaries {
  /** Vendor slug (`anthropic`, `openai`, …) → patterns for its names, products and people. */
  readonly vendors: PatternMap;
  /** Topic slug (`pricing`, `legal`, …) → patterns. */
  readonly topics: PatternMap;
}

/** The built-in dictionaries: 20 vendors and 8 topics, English and German. */
export const defaultNewsDictionaries: NewsDictionaries = {
  vendors: defaultVendorPatterns,
  topics: defaultTopicPatterns,
};

const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case slug such as "acme" or "export-control"');

const patternSchema = z
  .string()
  .min(1)
  .superRefine((pattern, context) => {
    const problem = patternProblem(pattern);
    if (problem !== null) {
      context.addIssue({
        code: 'custom',
        message: `expected a regular expression (JavaScript syntax, prefix (?i) to ignore case): ${problem}`,
      });
    }
  });

/** One pattern or a list of them. */
const patternListSchema = z
  .union([patternSchema, z.array(patternSchema)])
  .transform((value) => (typeof value === 'string' ? [value] : value));

const patternMapSchema = z.record(slugSchema, patternListSchema);

/**
 * Schema of the config's `news` dictionaries: both maps optional, each slug with one pattern or a list.
 * Patterns must compile and must not match empty text.
 */
export const newsDictionariesSchema = z.strictObject({
  vendors: patternMapSchema.optional(),
  topics: patternMapSchema.optional(),
});

/** The dictionaries as the user's config states them (validated by `newsDictionariesSchema`). */
export type UserNewsDictionaries = z.output<typeof newsDictionariesSchema>;

function mergeMaps(defaults: PatternMap, user: PatternMap | undefined): PatternMap {
  if (user === undefined) return defaults;
  const merged: Record<string, readonly string[]> = { ...defaults };
  for (const [slug, patterns] of Object.entries(user)) {
    merged[slug] = [...new Set([...(defaults[slug] ?? []), ...patterns])];
  }
  return merged;
}

/**
 * The defaults extended by the user's entries: patterns for a known slug are added to its defaults, new slugs
 * are added. Nothing is removed. Returns `defaults` itself when the user adds nothing, so compiled regexes
 * cached for the defaults are reused.
 */
export function mergeNewsDictionaries(
  defaults: NewsDictionaries,
  user: Readonly<UserNewsDictionaries> | undefined,
): NewsDictionaries {
  if (user === undefined || (user.vendors === undefined && user.topics === undefined)) return defaults;
  return { vendors: mergeMaps(defaults.vendors, user.vendors), topics: mergeMaps(defaults.topics, user.topics) };
}
