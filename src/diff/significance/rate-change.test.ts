// Rating of whole clauses: each topic in English and German, and the direction of a change.
import { describe, expect, it } from 'vitest';
import type { ChangeRating, RawClauseChange } from '../types.ts';
import { rateChange } from './rate-change.ts';

function added(after: string): RawClauseChange {
  return { kind: 'added', sectionPath: ['Terms'], label: null, before: null, after };
}

function removed(before: string): RawClauseChange {
  return { kind: 'removed', sectionPath: ['Terms'], label: null, before, after: null };
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

describe('rateChange: each topic, English', () => {
  runTable([
    {
      name: 'competitor-use: develop models that compete',
      change: added('You may not use the Services to develop models that compete with Acme.'),
      expected: { significance: 'high', topics: ['competitor-use'] },
    },
    {
      name: 'competitor-use: distillation',
      change: added('You may not use outputs for model distillation.'),
      expected: { significance: 'high', topics: ['competitor-use'] },
    },
    {
      name: 'competitor-use: third-party tools and resellers',
      change: added('Access through third-party tools or resellers requires our written consent.'),
      expected: { significance: 'high', topics: ['competitor-use'] },
    },
    {
      name: 'training-data: may train on inputs',
      change: added('We may use your inputs to train and improve our models.'),
      expected: { significance: 'high', topics: ['training-data'] },
    },
    {
      name: 'training-data: a mention of training without a permission or promise',
      change: added('Data used to train AI models may be incomplete or biased.'),
      expected: { significance: 'medium', topics: ['training-data'] },
    },
    {
      name: 'access: regions',
      change: added('The Services are available in the countries listed on our website.'),
      expected: { significance: 'medium', topics: ['access'] },
    },
    {
      name: 'liability: damages',
      change: added("Each party's liability for damages is set out in this section."),
      expected: { significance: 'medium', topics: ['liability'] },
    },
    {
      name: 'termination: either party',
      change: added('Either party may terminate this agreement.'),
      expected: { significance: 'medium', topics: ['termination'] },
    },
    {
      name: 'pricing: fees',
      change: added('Fees are billed monthly in advance.'),
      expected: { significance: 'medium', topics: ['pricing'] },
    },
    {
      name: 'privacy: personal data',
      change: added('We process personal data as described in our Privacy Policy.'),
      expected: { significance: 'medium', topics: ['privacy'] },
    },
    {
      name: 'jurisdiction: governing law',
      change: added('These Terms are governed by the laws of Ireland.'),
      expected: { significance: 'medium', topics: ['jurisdiction'] },
    },
    {
      name: 'no topic',
      change: added('These Terms are written in plain English.'),
      expected: { significance: 'low', topics: [] },
    },
  ]);
});

describe('rateChange: each topic, German', () => {
  runTable([
    {
      name: 'competitor-use: konkurrierende Modelle',
      change: added('Sie dürfen die Dienste nicht nutzen, um konkurrierende Modelle zu entwickeln.'),
      expected: { significance: 'high', topics: ['competitor-use'] },
    },
    {
      name: 'competitor-use: Wettbewerb',
      change: added('Eine Nutzung im Wettbewerb mit uns ist untersagt.'),
      expected: { significance: 'high', topics: ['competitor-use'] },
    },
    {
      name: 'training-data: trainieren',
      change: added('Wir können Ihre Eingaben verwenden, um unsere Modelle zu trainieren.'),
      expected: { significance: 'high', topics: ['training-data'] },
    },
    {
      name: 'access: Ländern',
      change: added('Die Dienste sind in ausgewählten Ländern verfügbar.'),
      expected: { significance: 'medium', topics: ['access'] },
    },
    {
      name: 'liability: Haftung',
      change: added('Die Haftung richtet sich nach den gesetzlichen Vorschriften.'),
      expected: { significance: 'medium', topics: ['liability'] },
    },
    {
      name: 'termination: kündigen',
      change: added('Beide Parteien können den Vertrag kündigen.'),
      expected: { significance: 'medium', topics: ['termination'] },
    },
    {
      name: 'pricing: Gebühren',
      change: added('Die Gebühren werden monatlich abgerechnet.'),
      expected: { significance: 'medium', topics: ['pricing'] },
    },
    {
      name: 'privacy: personenbezogene Daten',
      change: added('Wir verarbeiten personenbezogene Daten gemäß unserer Datenschutzerklärung.'),
      expected: { significance: 'medium', topics: ['privacy'] },
    },
    {
      name: 'jurisdiction: Gerichtsstand',
      change: added('Gerichtsstand ist München.'),
      expected: { significance: 'medium', topics: ['jurisdiction'] },
    },
  ]);
});

const NO_TRAIN = 'We do not use your content to train our models.';
const MAY_TRAIN = 'We may use your content to train our models.';
const DE_NO_TRAIN = 'Wir verwenden Ihre Inhalte nicht, um unsere Modelle zu trainieren.';
const DE_MAY_TRAIN = 'Wir können Ihre Inhalte verwenden, um unsere Modelle zu trainieren.';

describe('rateChange: direction', () => {
  runTable([
    {
      name: '"does not train" → "may train" is high',
      change: modified(NO_TRAIN, MAY_TRAIN),
      expected: { significance: 'high', topics: ['training-data'] },
    },
    {
      name: '"may train" → "does not train" favours the user: medium',
      change: modified(MAY_TRAIN, NO_TRAIN),
      expected: { significance: 'medium', topics: ['training-data'] },
    },
    {
      name: 'German "trainieren nicht" → "können … trainieren" is high',
      change: modified(DE_NO_TRAIN, DE_MAY_TRAIN),
      expected: { significance: 'high', topics: ['training-data'] },
    },
    {
      name: 'German reverse is medium',
      change: modified(DE_MAY_TRAIN, DE_NO_TRAIN),
      expected: { significance: 'medium', topics: ['training-data'] },
    },
    {
      name: 'a new promise not to train is medium',
      change: added('Acme will not use your content to train its models.'),
      expected: { significance: 'medium', topics: ['training-data'] },
    },
    {
      name: 'a removed promise not to train is high',
      change: removed('Acme will not use your content to train its models.'),
      expected: { significance: 'high', topics: ['training-data'] },
    },
    {
      name: 'a removed customer right to terminate is high',
      change: removed('You may terminate these Terms at any time.'),
      expected: { significance: 'high', topics: ['termination'] },
    },
    {
      name: 'an added customer right to terminate is low',
      change: added('You may terminate these Terms at any time.'),
      expected: { significance: 'low', topics: ['termination'] },
    },
    {
      name: 'German: a removed right to terminate is high',
      change: removed('Sie können den Vertrag jederzeit kündigen.'),
      expected: { significance: 'high', topics: ['termination'] },
    },
    {
      name: 'German: an added right to terminate is low',
      change: added('Sie können den Vertrag jederzeit kündigen.'),
      expected: { significance: 'low', topics: ['termination'] },
    },
    {
      name: 'an added vendor right to suspend without notice is high',
      change: added('We may suspend your account without notice.'),
      expected: { significance: 'high', topics: ['access', 'termination'] },
    },
    {
      name: 'a removed vendor right to suspend without notice is low',
      change: removed('We may suspend your account without notice.'),
      expected: { significance: 'low', topics: ['access', 'termination'] },
    },
    {
      name: '"with prior notice" → "without notice" is high',
      change: modified('We may suspend your account with prior notice.', 'We may suspend your account without notice.'),
      expected: { significance: 'high', topics: ['access', 'termination'] },
    },
    {
      name: '"without notice" → "with prior notice" is low',
      change: modified('We may suspend your account without notice.', 'We may suspend your account with prior notice.'),
      expected: { significance: 'low', topics: ['access', 'termination'] },
    },
    {
      name: 'German "mit vorheriger Ankündigung" → "ohne vorherige Ankündigung" is high',
      change: modified(
        'Wir können Ihr Konto mit vorheriger Ankündigung sperren.',
        'Wir können Ihr Konto ohne vorherige Ankündigung sperren.',
      ),
      expected: { significance: 'high', topics: ['access', 'termination'] },
    },
    {
      name: 'an added competitor-use restriction is high',
      change: added('You will not use Outputs to develop models that compete with us.'),
      expected: { significance: 'high', topics: ['competitor-use'] },
    },
    {
      name: 'a removed competitor-use restriction is high too',
      change: removed('You will not use Outputs to develop models that compete with us.'),
      expected: { significance: 'high', topics: ['competitor-use'] },
    },
    {
      name: 'a user restriction ("you may not … train") is not a vendor promise',
      change: removed('You may not use the Services to train a competing model.'),
      expected: { significance: 'high', topics: ['competitor-use', 'training-data'] },
    },
  ]);
});
