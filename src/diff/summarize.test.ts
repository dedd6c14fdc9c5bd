import { describe, expect, it } from 'vitest';
import type { ClauseChange } from '../domain/terms-diff.ts';
import { rateChange } from './significance/rate-change.ts';
import { SUMMARY_MAX_LENGTH, summarizeChange, summarizeDiff } from './summarize.ts';
import type { RawClauseChange } from './types.ts';

const CAP = (amount: string, months: string): string =>
  `Our total liability will not exceed the greater of ${amount} or the amounts you paid in the ${months} before the claim.`;

const LONG =
  'These terms describe how our services work in detail. ' +
  'Nothing in this paragraph changes the way the services are offered to you or to anyone else. '.repeat(3) +
  'Going forward, we may use your conversations to train our models unless you opt out of training in your settings. ' +
  'Other provisions of these terms continue to apply as written. '.repeat(3);

function change(kind: RawClauseChange['kind'], before: string | null, after: string | null): RawClauseChange {
  return { kind, sectionPath: ['Terms'], label: null, before, after };
}

function summarize(raw: RawClauseChange): string {
  return summarizeChange(raw, rateChange(raw));
}

describe('summarizeChange', () => {
  it.each([
    {
      name: 'negation removed',
      change: change(
        'modified',
        'We do not use your content to train our models.',
        'We may use your content to train our models.',
      ),
      expected:
        'Changed: "We do not use your content to train our models" → "We may use your content to train our models" (training-data, high)',
    },
    {
      name: 'liability cap shortened',
      change: change('modified', CAP('$100', '12 months'), CAP('$100', '6 months')),
      expected: 'Liability cap shortened: 12 months → 6 months (liability, high)',
    },
    {
      name: 'liability cap reduced',
      change: change('modified', CAP('$100', '12 months'), CAP('$50', '12 months')),
      expected: 'Liability cap reduced: $100 → $50 (liability, high)',
    },
    {
      name: 'price increased',
      change: change('modified', 'The subscription fee is $20 per month.', 'The subscription fee is $25 per month.'),
      expected: 'Price increased: $20 → $25 (pricing, high)',
    },
    {
      name: 'minimum age raised',
      change: change(
        'modified',
        'You must be at least 13 years old to use the Services.',
        'You must be at least 18 years old to use the Services.',
      ),
      expected: 'Minimum age raised: 13 years → 18 years (access, high)',
    },
    {
      name: 'right removed',
      change: change('removed', 'You may terminate these Terms at any time.', null),
      expected: 'Removed: "You may terminate these Terms at any time" (termination, high)',
    },
    {
      name: 'moved',
      change: {
        ...change('moved', 'Fees are billed monthly in advance.', 'Fees are billed monthly in advance.'),
        sectionPath: ['Payment', 'Billing'],
        fromSectionPath: ['Payment', 'Fees'],
      },
      expected: 'Moved from Fees to Billing: "Fees are billed monthly in advance" (pricing, low)',
    },
    {
      name: 'moved between headings of the same name',
      change: {
        ...change('moved', 'Fees are billed monthly in advance.', 'Fees are billed monthly in advance.'),
        sectionPath: ['Pro plan', 'Fees'],
        fromSectionPath: ['Free plan', 'Fees'],
      },
      expected: 'Moved from Free plan › Fees to Pro plan › Fees: "Fees are billed monthly in advance" (pricing, low)',
    },
    {
      name: 'moved out of the top level',
      change: { ...change('moved', 'Fees apply.', 'Fees apply.'), sectionPath: ['Billing'], fromSectionPath: [] },
      expected: 'Moved from the top to Billing: "Fees apply" (pricing, low)',
    },
    {
      name: 'wording edit',
      change: change(
        'modified',
        'You must not use the Services to develop competing models.',
        'You must not use the Services to build competing models.',
      ),
      expected:
        'Reworded: "You must not use the Services to develop competing models" → "You must not use the Services to build competing models" (competitor-use, low)',
    },
    {
      name: 'German clause added',
      change: change('added', null, 'Wir können Ihre Eingaben verwenden, um unsere Modelle zu trainieren.'),
      expected: 'Added: "Wir können Ihre Eingaben verwenden, um unsere Modelle zu trainieren" (training-data, high)',
    },
    {
      name: 'German notice period',
      change: change(
        'modified',
        'Wir können den Vertrag mit einer Frist von 30 Tagen kündigen.',
        'Wir können den Vertrag mit einer Frist von 14 Tagen kündigen.',
      ),
      expected: 'Notice period shortened: 30 Tagen → 14 Tagen (termination, high)',
    },
    {
      name: 'long clause: quotes the sentence that matters',
      change: change('added', null, LONG),
      expected:
        'Added: "Going forward, we may use your conversations to train our models unless you opt out of training in your settings" (training-data, high)',
    },
    {
      name: 'long clause edited: quotes around the edit',
      change: change('modified', LONG, LONG.replace('we may use', 'we will not use')),
      expected:
        'Changed: "Going forward, we may use your conversations to train our…" → "…we will not use your conversations to train our…" (training-data, medium)',
    },
    {
      name: 'no topic',
      change: change('added', null, 'These Terms are written in plain English.'),
      expected: 'Added: "These Terms are written in plain English" (low)',
    },
  ])('$name', ({ change: raw, expected }) => {
    const summary = summarize(raw);
    expect(summary).toBe(expected);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_LENGTH);
  });

  it('counts edits in several places and drops Markdown clutter from quotes', () => {
    const raw = change(
      'modified',
      '**3.2** You may [cancel](https://example.com/cancel) at any time. We send reminders by email.',
      '**3.2** You may [cancel](https://example.com/cancel) within 14 days. We send reminders by post.',
    );
    expect(summarize(raw)).toBe(
      'Changed (2 places): "3.2 You may cancel at any time" → "3.2 You may cancel within 14 days" (termination, high)',
    );
  });

  it('is deterministic: same change, same line, also for a fresh copy', () => {
    const raw = change('modified', LONG, LONG.replace('unless you opt out', 'even if you opt out'));
    expect(summarize(raw)).toBe(summarize(raw));
    expect(summarize({ ...raw })).toBe(summarize(raw));
  });

  it('rates and summarises hostile megabyte clauses quickly', () => {
    const big = 'We may use your content to train our models and will not exceed $100 in 12 months. '.repeat(25_000);
    const started = performance.now();
    for (const raw of [
      change('added', null, big),
      change('modified', big, big.replaceAll('train', 'improve')),
      change('modified', 'a '.repeat(500_000), 'b '.repeat(500_000)),
      change('added', null, 'x'.repeat(1_000_000)),
    ]) {
      expect(summarize(raw).length).toBeLessThanOrEqual(SUMMARY_MAX_LENGTH);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it.each([
    ['one giant word', change('added', null, `${'x'.repeat(5_000)} train`)],
    [
      'a long heading path',
      {
        ...change('moved', 'Fees apply.', 'Fees apply.'),
        sectionPath: ['S'.repeat(400)],
        fromSectionPath: ['F'.repeat(400)],
      },
    ],
    ['a huge rewrite', change('modified', 'word '.repeat(3_000), 'other '.repeat(3_000))],
    [
      'many topics',
      change(
        'added',
        null,
        'We may suspend access, terminate, change fees, retain personal data, train models, limit liability and choose the courts of Ireland.',
      ),
    ],
  ])('stays within %s characters for %s', (_name, raw) => {
    expect(summarize(raw).length).toBeLessThanOrEqual(SUMMARY_MAX_LENGTH);
  });
});

function rated(raw: RawClauseChange): ClauseChange {
  const rating = rateChange(raw);
  return {
    kind: raw.kind,
    section: raw.sectionPath.join(' › '),
    label: raw.label,
    before: raw.before,
    after: raw.after,
    ...rating,
    summary: summarizeChange(raw, rating),
  };
}

describe('summarizeDiff', () => {
  const changes = [
    rated(change('added', null, 'These Terms are written in plain English.')),
    rated(change('modified', 'Fees are payable in advnce.', 'Fees are payable in advance.')),
    rated(change('added', null, 'Fees are billed monthly in advance.')),
    rated(change('removed', 'You may terminate these Terms at any time.', null)),
    rated(
      change('modified', 'We do not use your chats to train our models.', 'We may use your chats to train our models.'),
    ),
  ];

  it('counts changes by significance and headlines the most important one (first among equals)', () => {
    expect(summarizeDiff({ vendor: 'Anthropic', title: 'Consumer Terms', changes, effectiveDate: null })).toBe(
      'Anthropic Consumer Terms: 2 high, 1 medium, 2 low — Removed: "You may terminate these Terms at any time"',
    );
  });

  it('headlines the change that leans furthest against the user among equally significant ones', () => {
    const promiseRemoved = rated(change('removed', 'Acme will not use your content to train its models.', null));
    const permissionAdded = rated(
      change('modified', 'We do not use your chats to train our models.', 'We may use your chats to train our models.'),
    );
    expect(promiseRemoved.significance).toBe('high');
    expect(summarizeDiff({ vendor: 'Acme', changes: [promiseRemoved, permissionAdded], effectiveDate: null })).toBe(
      'Acme: 2 high — Changed: "We may use your chats to train our models"',
    );
  });

  it('prefers a topical change over a bare one of the same significance', () => {
    const lows = [changes[0], changes[1]].filter((item) => item !== undefined);
    expect(summarizeDiff({ vendor: 'Acme', title: 'Terms', changes: lows, effectiveDate: null })).toBe(
      'Acme Terms: 2 low — Reworded: "Fees are payable in advance"',
    );
  });

  it('names the new effective date', () => {
    const effectiveDate = { before: 'September 28, 2025', after: 'October 8, 2025' };
    expect(
      summarizeDiff({ vendor: 'Anthropic', title: 'Consumer Terms', changes: changes.slice(4), effectiveDate }),
    ).toBe(
      'Anthropic Consumer Terms (effective October 8, 2025): 1 high — Changed: "We may use your chats to train our models"',
    );
  });

  it.each([
    [null, 'Anthropic Consumer Terms: no clause changes'],
    [{ before: 'May 1, 2025', after: 'May 1, 2025' }, 'Anthropic Consumer Terms: no clause changes'],
    [
      { before: 'September 28, 2025', after: 'October 8, 2025' },
      'Anthropic Consumer Terms: no clause changes; effective date September 28, 2025 → October 8, 2025',
    ],
  ])('with no clause changes and dates %j', (effectiveDate, expected) => {
    expect(summarizeDiff({ vendor: 'Anthropic', title: 'Consumer Terms', changes: [], effectiveDate })).toBe(expected);
  });

  it('falls back to "Terms" without vendor or title and stays within the limit', () => {
    const headline = summarizeDiff({ changes, effectiveDate: null });
    expect(headline.startsWith('Terms: 2 high, 1 medium, 2 low — ')).toBe(true);
    const long = summarizeDiff({ vendor: 'V'.repeat(120), title: 'T'.repeat(120), changes, effectiveDate: null });
    expect(long.length).toBeLessThanOrEqual(SUMMARY_MAX_LENGTH);
  });
});
