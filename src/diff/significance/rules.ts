/**
 * The significance rule set: which topics a clause change touches and how much it matters.
 *
 * Rules are plain data so users can extend them in the YAML config (`significanceRulesSchema`), and
 * `mergeRules` folds the user's rules into the defaults. Patterns are regular-expression sources compiled
 * case-insensitively with Unicode-aware `\b` and `\w` (see `patterns.ts`).
 */
import { z } from 'zod';
import type { Significance } from '../../domain/terms-diff.ts';
import { ConfigError } from '../../domain/errors.ts';
import { isValidPattern } from './patterns.ts';

export { defaultRules } from './default-rules.ts';

/** Whether a change favours the vendor at the user's expense, or the user. */
export type Direction = 'adverse' | 'favourable';

/** What a number in a clause measures, for comparing before and after. */
export type QuantityUnit = 'duration' | 'money' | 'percent' | 'count';

/**
 * How to read a number that changed inside a clause, e.g. a liability cap that went from 12 to 6 months.
 * The hint applies to a changed number when `near` matches in the same sentence; the closest match wins.
 */
export interface QuantityHint {
  /** Pattern that must occur in the number's sentence. */
  readonly near: string;
  /** What the number is, for summaries: "Liability cap", "Notice period". */
  readonly label: string;
  /** Whether a lower number after the change is adverse or favourable to the user. */
  readonly lower: Direction;
  /** Kinds of number the hint applies to. @defaultValue all kinds */
  readonly units?: readonly QuantityUnit[] | undefined;
}

/** One topic of the rule set. */
export interface SignificanceRule {
  /** Topic name reported in `topics`, kebab-case: `training-data`. */
  readonly topic: string;
  /** Patterns (English, German, …) whose presence makes a clause about this topic. */
  readonly patterns: readonly string[];
  /** Significance of a change on this topic whose direction is unknown or mixed. */
  readonly significance: Significance;
  /** Significance when the change is adverse to the user. @defaultValue one level above `significance` */
  readonly adverseSignificance?: Significance | undefined;
  /** Significance when the change favours the user. @defaultValue one level below `significance` */
  readonly favourableSignificance?: Significance | undefined;
  /** Patterns whose appearance is adverse to the user (their disappearance favours the user). */
  readonly adverse?: readonly string[] | undefined;
  /** Patterns whose appearance favours the user (their disappearance is adverse): promises, user rights. */
  readonly favourable?: readonly string[] | undefined;
  /** How to read numbers that changed in a clause on this topic. */
  readonly quantities?: readonly QuantityHint[] | undefined;
  /** Set to false in the config to switch a default topic off. @defaultValue true */
  readonly enabled?: boolean | undefined;
}

const LEVELS: readonly Significance[] = ['low', 'medium', 'high'];

/** Significance one level up or down, clamped to low…high. */
export function shiftSignificance(level: Significance, by: number): Significance {
  const index = Math.min(LEVELS.length - 1, Math.max(0, LEVELS.indexOf(level) + by));
  return LEVELS[index] ?? level;
}

/** Numeric rank of a significance, low = 0, for sorting and comparing. */
export function significanceRank(level: Significance): number {
  return LEVELS.indexOf(level);
}

/** The significance a rule gives a change in the given direction (null: unknown or mixed). */
export function ruleSignificance(rule: SignificanceRule, direction: Direction | null): Significance {
  if (direction === 'adverse') return rule.adverseSignificance ?? shiftSignificance(rule.significance, 1);
  if (direction === 'favourable') return rule.favourableSignificance ?? shiftSignificance(rule.significance, -1);
  return rule.significance;
}

const significanceSchema = z.enum(['high', 'medium', 'low']);
const directionSchema = z.enum(['adverse', 'favourable']);
const patternSchema = z
  .string()
  .min(1)
  .refine(isValidPattern, { error: 'expected a valid regular expression (JavaScript syntax)' });
const patternListSchema = z.array(patternSchema);

/** Schema of one quantity hint in the config. */
export const quantityHintSchema = z.strictObject({
  near: patternSchema,
  label: z.string().min(1),
  lower: directionSchema,
  units: z
    .array(z.enum(['duration', 'money', 'percent', 'count']))
    .min(1)
    .optional(),
});

/**
 * Schema of one significance rule in the YAML config, e.g.
 * `{ topic: export-control, patterns: ['\bexport\b', 'Ausfuhr\w*'], significance: high }`.
 * Only `topic` is required: a rule whose topic exists already extends it (see `mergeRules`).
 */
export const significanceRuleSchema = z.strictObject({
  topic: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case topic such as "export-control"'),
  patterns: patternListSchema.optional(),
  significance: significanceSchema.optional(),
  adverseSignificance: significanceSchema.optional(),
  favourableSignificance: significanceSchema.optional(),
  adverse: patternListSchema.optional(),
  favourable: patternListSchema.optional(),
  quantities: z.array(quantityHintSchema).optional(),
  enabled: z.boolean().optional(),
});

/** Schema of the config's list of significance rules. */
export const significanceRulesSchema = z.array(significanceRuleSchema);

/** A rule as the user's config states it (validated by `significanceRuleSchema`). */
export type UserSignificanceRule = z.output<typeof significanceRuleSchema>;

/** Significance of a new user topic that states none. */
const DEFAULT_USER_SIGNIFICANCE: Significance = 'medium';

/**
 * Folds the user's (validated) rules into the defaults. A user rule with a new topic is appended, `medium`
 * unless it says otherwise. A user rule whose topic exists extends the default: its patterns, direction
 * patterns and quantity hints are added, and the significance levels it states replace the default's.
 * `enabled: false` drops a topic. Order is stable: defaults first, then new topics in the user's order.
 * @param configKey - where the rules sit in the config, for error messages. @defaultValue 'significance.rules'
 * @throws ConfigError when a new topic has no patterns (it could never match).
 */
export function mergeRules(
  defaults: readonly SignificanceRule[],
  user: readonly UserSignificanceRule[],
  configKey = 'significance.rules',
): readonly SignificanceRule[] {
  const merged = new Map<string, SignificanceRule>(defaults.map((rule) => [rule.topic, rule]));
  for (const [index, rule] of user.entries()) {
    const existing = merged.get(rule.topic);
    merged.set(
      rule.topic,
      existing === undefined ? newRule(rule, `${configKey}[${index}]`) : extendRule(existing, rule),
    );
  }
  return [...merged.values()].filter((rule) => rule.enabled !== false);
}

function newRule(rule: UserSignificanceRule, key: string): SignificanceRule {
  if ((rule.patterns ?? []).length === 0 && rule.enabled !== false) {
    throw new ConfigError(
      `${key}.patterns: topic "${rule.topic}" is new and has no patterns; expected at least one pattern`,
    );
  }
  return { ...rule, patterns: rule.patterns ?? [], significance: rule.significance ?? DEFAULT_USER_SIGNIFICANCE };
}

function extendRule(base: SignificanceRule, extra: UserSignificanceRule): SignificanceRule {
  return {
    topic: base.topic,
    patterns: [...base.patterns, ...(extra.patterns ?? [])],
    significance: extra.significance ?? base.significance,
    adverseSignificance: extra.adverseSignificance ?? base.adverseSignificance,
    favourableSignificance: extra.favourableSignificance ?? base.favourableSignificance,
    adverse: [...(base.adverse ?? []), ...(extra.adverse ?? [])],
    favourable: [...(base.favourable ?? []), ...(extra.favourable ?? [])],
    quantities: [...(base.quantities ?? []), ...(extra.quantities ?? [])],
    enabled: extra.enabled ?? base.enabled,
  };
}
