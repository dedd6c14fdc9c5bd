import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../domain/errors.ts';
import { compileRules } from './compile-rules.ts';
import {
  defaultRules,
  mergeRules,
  ruleSignificance,
  shiftSignificance,
  significanceRuleSchema,
  significanceRulesSchema,
  type SignificanceRule,
} from './rules.ts';

describe('defaultRules', () => {
  it('covers the required topics, each with English and German patterns that compile', () => {
    expect(defaultRules.map((rule) => rule.topic)).toEqual([
      'competitor-use',
      'training-data',
      'access',
      'liability',
      'termination',
      'pricing',
      'privacy',
      'jurisdiction',
    ]);
    expect(() => compileRules(defaultRules)).not.toThrow();
  });
});

describe('significanceRuleSchema', () => {
  it('accepts a new topic with patterns, direction hints and quantity hints', () => {
    const rule = {
      topic: 'export-control',
      patterns: [String.raw`\bexport\b`, String.raw`Ausfuhr\w*`],
      significance: 'high',
      adverse: [String.raw`\bprohibited\b`],
      quantities: [{ near: String.raw`\blicen[cs]e\b`, label: 'Licence term', lower: 'adverse', units: ['duration'] }],
    };
    expect(significanceRuleSchema.parse(rule)).toEqual(rule);
  });

  it.each([
    ['an invalid regular expression', { topic: 'x-y', patterns: ['(unclosed'] }, 'patterns'],
    ['a topic that is not kebab-case', { topic: 'Export Control', patterns: ['export'] }, 'topic'],
    ['an unknown significance', { topic: 'x', patterns: ['x'], significance: 'critical' }, 'significance'],
    ['an unknown key', { topic: 'x', patterns: ['x'], weight: 3 }, ''],
    [
      'a quantity hint with a bad direction',
      { topic: 'x', quantities: [{ near: 'x', label: 'X', lower: 'up' }] },
      'quantities',
    ],
  ])('rejects %s', (_name, rule, key) => {
    const result = significanceRulesSchema.safeParse([rule]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toContain(key);
  });
});

describe('mergeRules', () => {
  const base: readonly SignificanceRule[] = [
    { topic: 'pricing', patterns: ['fee'], significance: 'medium', adverse: ['non-refundable'] },
    { topic: 'privacy', patterns: ['personal data'], significance: 'medium' },
  ];

  it('appends a new topic, medium unless stated', () => {
    const merged = mergeRules(base, [{ topic: 'export-control', patterns: ['export'] }]);
    expect(merged.map((rule) => [rule.topic, rule.significance])).toEqual([
      ['pricing', 'medium'],
      ['privacy', 'medium'],
      ['export-control', 'medium'],
    ]);
  });

  it('extends an existing topic: patterns and hints added, stated levels replace the default', () => {
    const merged = mergeRules(base, [
      { topic: 'pricing', patterns: ['Tarif'], adverse: ['price increase'], adverseSignificance: 'high' },
    ]);
    expect(merged[0]).toEqual({
      topic: 'pricing',
      patterns: ['fee', 'Tarif'],
      significance: 'medium',
      adverseSignificance: 'high',
      favourableSignificance: undefined,
      adverse: ['non-refundable', 'price increase'],
      favourable: [],
      quantities: [],
      enabled: undefined,
    });
  });

  it('drops a topic with enabled: false and leaves the defaults untouched', () => {
    expect(mergeRules(base, [{ topic: 'privacy', enabled: false }]).map((rule) => rule.topic)).toEqual(['pricing']);
    expect(base).toHaveLength(2);
  });

  it('rejects a new topic without patterns, naming the key', () => {
    expect(() => mergeRules(base, [{ topic: 'export-control' }])).toThrow(ConfigError);
    expect(() => mergeRules(base, [{ topic: 'export-control' }])).toThrow(/significance\.rules\[0\]\.patterns/u);
  });
});

describe('significance levels', () => {
  it.each([
    ['low', 1, 'medium'],
    ['medium', 1, 'high'],
    ['high', 1, 'high'],
    ['medium', -1, 'low'],
    ['low', -1, 'low'],
  ] as const)('shifts %s by %i to %s', (level, by, expected) => {
    expect(shiftSignificance(level, by)).toBe(expected);
  });

  it('derives adverse and favourable levels unless the rule states them', () => {
    const rule: SignificanceRule = { topic: 't', patterns: ['t'], significance: 'medium' };
    expect([
      ruleSignificance(rule, 'adverse'),
      ruleSignificance(rule, null),
      ruleSignificance(rule, 'favourable'),
    ]).toEqual(['high', 'medium', 'low']);
    const sticky: SignificanceRule = { ...rule, significance: 'high', favourableSignificance: 'high' };
    expect(ruleSignificance(sticky, 'favourable')).toBe('high');
  });
});
