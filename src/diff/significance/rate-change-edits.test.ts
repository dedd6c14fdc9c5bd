// Rating of edits inside clauses: numbers compared, wording edits, changed words, user-extended rules.
import { describe, expect, it } from 'vitest';
import type { ChangeRating, RawClauseChange } from '../types.ts';
import { rateChange } from './rate-change.ts';
import { defaultRules, mergeRules, significanceRulesSchema } from './rules.ts';

function added(after: string): RawClauseChange {
  return { kind: 'added', sectionPath: ['Terms'], label: null, before: null, after };
}

function modified(before: string, after: string, words?: { removed: string[]; added: string[] }): RawClauseChange {
  return {
    kind: 'modified',
    sectionPath: ['Terms'],
    label: '3.2',
    before,
    after,
    removedWords: words?.removed,
    addedWords: words?.added,
  };
}

interface Case {
  readonly name: string;
  readonly change: RawClauseChange;
  readonly expected: ChangeRating;
}

function runTable(cases: readonly Case[]): void {
  it.each(cases)('$name', ({ change, expected }) => {
    expect(rateChange(change)).toEqual(expected);
  });
}

const NO_TRAIN = 'We do not use your content to train our models.';

const CAP = (amount: string, months: string): string =>
  `Our total liability will not exceed the greater of ${amount} or the amounts you paid in the ${months} before the claim.`;

describe('rateChange: numbers compared', () => {
  runTable([
    {
      name: 'liability cap 12 months → 6 months is high',
      change: modified(CAP('$100', '12 months'), CAP('$100', '6 months')),
      expected: { significance: 'high', topics: ['liability'] },
    },
    {
      name: 'liability cap 6 months → 12 months is low',
      change: modified(CAP('$100', '6 months'), CAP('$100', '12 months')),
      expected: { significance: 'low', topics: ['liability'] },
    },
    {
      name: 'liability cap $100 → $50 is high',
      change: modified(CAP('$100', '12 months'), CAP('$50', '12 months')),
      expected: { significance: 'high', topics: ['liability'] },
    },
    {
      name: 'liability cap $50 → $100 is low',
      change: modified(CAP('$50', '12 months'), CAP('$100', '12 months')),
      expected: { significance: 'low', topics: ['liability'] },
    },
    {
      name: 'German liability cap 100 € → 50 € is high',
      change: modified('Unsere Haftung ist auf 100 € beschränkt.', 'Unsere Haftung ist auf 50 € beschränkt.'),
      expected: { significance: 'high', topics: ['liability'] },
    },
    {
      name: 'notice period 30 days → 7 days is high',
      change: modified(
        "We will give you 30 days' notice before we terminate your account.",
        "We will give you 7 days' notice before we terminate your account.",
      ),
      expected: { significance: 'high', topics: ['termination'] },
    },
    {
      name: 'German Kündigungsfrist 30 Tage → 14 Tage is high',
      change: modified(
        'Wir können den Vertrag mit einer Frist von 30 Tagen kündigen.',
        'Wir können den Vertrag mit einer Frist von 14 Tagen kündigen.',
      ),
      expected: { significance: 'high', topics: ['termination'] },
    },
    {
      name: 'price $20 → $25 per month is high',
      change: modified('The subscription fee is $20 per month.', 'The subscription fee is $25 per month.'),
      expected: { significance: 'high', topics: ['pricing'] },
    },
    {
      name: 'price $25 → $20 per month is low',
      change: modified('The subscription fee is $25 per month.', 'The subscription fee is $20 per month.'),
      expected: { significance: 'low', topics: ['pricing'] },
    },
    {
      name: 'retention 30 days → 5 years is high',
      change: modified('We retain your chats for 30 days.', 'We retain your chats for 5 years.'),
      expected: { significance: 'high', topics: ['privacy'] },
    },
  ]);
});

describe('rateChange: wording edits', () => {
  runTable([
    {
      name: 'synonym in a competitor clause is low',
      change: modified(
        'You must not use the Services to develop competing models.',
        'You must not use the Services to build competing models.',
      ),
      expected: { significance: 'low', topics: ['competitor-use'] },
    },
    {
      name: 'typo fix in a fees clause is low',
      change: modified('Fees are payable in advnce.', 'Fees are payable in advance.'),
      expected: { significance: 'low', topics: ['pricing'] },
    },
    {
      name: '"these Terms" → "this Agreement" is low',
      change: modified('We may terminate these Terms.', 'We may terminate this Agreement.'),
      expected: { significance: 'low', topics: ['termination'] },
    },
    {
      name: 'German wording edit is low',
      change: modified(
        'Wir können Ihr Konto sperren, wenn Sie gegen diese Bedingungen verstoßen.',
        'Wir können Ihr Konto sperren, wenn Sie gegen diese Nutzungsbedingungen verstoßen.',
      ),
      expected: { significance: 'low', topics: ['access', 'termination'] },
    },
    {
      name: 'a moved clause with the same text is low',
      change: { ...added(NO_TRAIN), kind: 'moved', before: NO_TRAIN, fromSectionPath: ['Data'] },
      expected: { significance: 'low', topics: ['training-data'] },
    },
  ]);
});

describe('rateChange: rated by what changed', () => {
  const before = `${NO_TRAIN} Questions go to help@example.com.`;
  const after = `${NO_TRAIN} Questions go to support@example.com.`;

  it('uses removedWords/addedWords: topic words only in the unchanged part make a small edit low', () => {
    const change = modified(before, after, { removed: ['help'], added: ['support'] });
    expect(rateChange(change)).toEqual({ significance: 'low', topics: ['training-data'] });
  });

  it('reads the changed words from removedWords/addedWords rather than the clause', () => {
    // The aligner's words say "train" was added, so the change is rated as touching training.
    const change = modified(before, after, { removed: ['help'], added: ['train'] });
    expect(rateChange(change)).toEqual({ significance: 'medium', topics: ['training-data'] });
  });

  it('a larger edit away from the topic words is one level below the topic', () => {
    const clause = 'You must not use the Services to develop competing models.';
    const change = modified(clause, `${clause} This section was last reviewed by our team in the spring of this year.`);
    expect(rateChange(change)).toEqual({ significance: 'medium', topics: ['competitor-use'] });
    const training = modified(NO_TRAIN, `${NO_TRAIN} This section was last reviewed by our team in the spring.`);
    expect(rateChange(training)).toEqual({ significance: 'low', topics: ['training-data'] });
  });

  it('a change of the governing law is a change of topic words', () => {
    const change = modified('These Terms are governed by English law.', 'These Terms are governed by Irish law.');
    expect(rateChange(change)).toEqual({ significance: 'medium', topics: ['jurisdiction'] });
  });
});

describe('rateChange: user rules', () => {
  const user = significanceRulesSchema.parse([
    { topic: 'export-control', patterns: [String.raw`\bexport\w*`, String.raw`\bAusfuhr\w*`], significance: 'high' },
    { topic: 'pricing', patterns: [String.raw`\bTarif\w*`] },
  ]);
  const rules = mergeRules(defaultRules, user);

  it.each([
    ['English', 'Exporting the Software requires a licence from us.'],
    ['German', 'Die Ausfuhr der Software in Embargoländer ist untersagt.'],
  ])('applies a new topic from the config (%s)', (_language, text) => {
    expect(rateChange(added(text), rules)).toEqual({ significance: 'high', topics: ['export-control'] });
    expect(rateChange(added(text)).topics).not.toContain('export-control');
  });

  it('extends a default topic with the user patterns and keeps its significance', () => {
    expect(rateChange(added('Der Tarif gilt für zwölf Monate.'), rules)).toEqual({
      significance: 'medium',
      topics: ['pricing'],
    });
    expect(rateChange(added('Der Tarif gilt für zwölf Monate.'))).toEqual({ significance: 'low', topics: [] });
  });

  it('drops a topic switched off in the config', () => {
    const without = mergeRules(defaultRules, significanceRulesSchema.parse([{ topic: 'pricing', enabled: false }]));
    expect(rateChange(added('Fees are billed monthly in advance.'), without)).toEqual({
      significance: 'low',
      topics: [],
    });
  });
});
