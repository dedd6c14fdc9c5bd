import { describe, expect, it } from 'vitest';
import type { ClauseChange, TermsDiff } from '../domain/terms-diff.ts';
import { diffTerms, toContractJson } from './diff-terms.ts';

const doc = (...lines: string[]) => lines.join('\n');

interface Expected {
  readonly kind: ClauseChange['kind'];
  readonly label: string | null;
  readonly section: string;
}

interface Case {
  readonly name: string;
  readonly before: string;
  readonly after: string;
  readonly expected: readonly Expected[];
}

const TERMS = doc(
  '# Terms of Service',
  '',
  '## 1. Accounts',
  '',
  '1.1 You must be 18 or older to open an account.',
  '',
  '1.2 You are responsible for everything that happens under your account.',
  '',
  '## 2. Use of the Service',
  '',
  '2.1 You may use the Service for lawful purposes only.',
  '',
  '2.2 You may not:',
  '',
  '(a) reverse engineer the Service;',
  '',
  '(b) use Outputs to develop models that compete with us;',
  '',
  '(c) resell access to the Service.',
  '',
  '## 3. Fees',
  '',
  '| Plan | Price |',
  '| --- | --- |',
  '| Free | $0 |',
  '| Pro | $20 / month |',
);

const englishCases: readonly Case[] = [
  { name: 'identical text', before: TERMS, after: TERMS, expected: [] },
  {
    name: 'whitespace, line reflow and non-breaking spaces',
    before: doc('## Privacy', '', 'We keep your data for thirty days after you close your account.'),
    after: doc('## Privacy', '', 'We keep your data  for thirty\u00a0days', 'after you close your account. '),
    expected: [],
  },
  {
    name: 'typography: curly quotes, dashes, ellipsis, zero-width characters',
    before: doc('## Content', '', 'You own your “Inputs” — and we don’t claim them...'),
    after: doc('## Content', '', 'You own your "Inputs" - and we don\u200b\'t claim them…'),
    expected: [],
  },
  {
    name: 'Markdown emphasis and escapes',
    before: doc('## Content', '', '**1.3. Ownership.** You own your Inputs.'),
    after: doc('## Content', '', '**1.3.** **Ownership.** _You_ own your Inputs\\.'),
    expected: [],
  },
  {
    name: 'tracking parameters and link targets',
    before: doc(
      '## Privacy',
      '',
      'Read our [Privacy Policy](https://example.com/privacy?utm_source=mail&utm_campaign=x).',
    ),
    after: doc('## Privacy', '', 'Read our [Privacy Policy](https://example.com/privacy).'),
    expected: [],
  },
  {
    name: 'tracking parameters in a bare URL',
    before: doc('## Privacy', '', 'See https://example.com/policy?id=7&fbclid=abc for details.'),
    after: doc('## Privacy', '', 'See https://example.com/policy?id=7 for details.'),
    expected: [],
  },
  {
    name: 'Cloudflare-obfuscated e-mail against the plain address',
    before: doc('## Contact', '', 'Email: [\\[email protected\\]](https://example.com/cdn-cgi/l/email-protection)'),
    after: doc('## Contact', '', 'Email: [legal@example.com](mailto:legal@example.com)'),
    expected: [],
  },
  {
    name: 'a changed plain e-mail address is a change',
    before: doc('## Contact', '', 'Email: legal@example.com'),
    after: doc('## Contact', '', 'Email: privacy@example.com'),
    expected: [{ kind: 'modified', label: null, section: 'Contact' }],
  },
  {
    name: 'case-only change of the company name',
    before: doc('## Contact', '', 'Write to X.AI Corp., 1 Main Street.'),
    after: doc('## Contact', '', 'Write to x.AI Corp., 1 Main Street.'),
    expected: [],
  },
  {
    name: 'effective date lines are not clause changes',
    before: doc('Last updated: March 1, 2025', '', '## Privacy', '', 'We keep data for 30 days.'),
    after: doc('Last updated: April 2, 2025', '', '## Privacy', '', 'We keep data for 30 days.'),
    expected: [],
  },
  {
    name: 'page chrome: skip link, locale selector, cookie banner, feedback widget, breadcrumb',
    before: doc('## Privacy', '', 'We keep data for 30 days.'),
    after: doc(
      'Skip to content',
      '',
      'English',
      '',
      'Usage policies | Example',
      '',
      '[Help Center](https://example.com/)[Legal](https://example.com/legal)Privacy',
      '',
      '## Privacy',
      '',
      'We keep data for 30 days.',
      '',
      'We use cookies to improve your experience. Accept all cookies or manage preferences.',
      '',
      'Was this article helpful?',
      '',
      'Back to top',
    ),
    expected: [],
  },
  {
    name: 'renumbering alone is not a change: an inserted clause is the only change',
    before: TERMS,
    after: TERMS.replace(
      '1.2 You are responsible',
      '1.2 You must keep your password secret.\n\n1.3 You are responsible',
    ),
    expected: [{ kind: 'added', label: '1.2', section: 'Terms of Service › 1. Accounts' }],
  },
  {
    name: 'a modified numbered paragraph',
    before: TERMS,
    after: TERMS.replace('for lawful purposes only', 'for lawful, non-commercial purposes only'),
    expected: [{ kind: 'modified', label: '2.1', section: 'Terms of Service › 2. Use of the Service' }],
  },
  {
    name: 'a modified sub-point is reported as that sub-point',
    before: TERMS,
    after: TERMS.replace(
      'develop models that compete with us',
      'develop or train models or products that compete with us',
    ),
    expected: [{ kind: 'modified', label: '2.2(b)', section: 'Terms of Service › 2. Use of the Service' }],
  },
  {
    name: 'a removed sub-point keeps its old position and label',
    before: TERMS,
    after: TERMS.replace('(c) resell access to the Service.\n\n', ''),
    expected: [{ kind: 'removed', label: '2.2(c)', section: 'Terms of Service › 2. Use of the Service' }],
  },
  {
    name: 'a fee table row',
    before: TERMS,
    after: TERMS.replace('| Pro | $20 / month |', '| Pro | $25 / month |'),
    expected: [{ kind: 'modified', label: null, section: 'Terms of Service › 3. Fees' }],
  },
  {
    name: 'a clause moved under another heading',
    before: TERMS,
    after: TERMS.replace('1.2 You are responsible for everything that happens under your account.\n\n', '').replace(
      '2.1 You may use',
      '2.1 You are responsible for everything that happens under your account.\n\n2.2 You may use',
    ),
    expected: [{ kind: 'moved', label: '2.1', section: 'Terms of Service › 2. Use of the Service' }],
  },
  {
    name: 'reordering within a section is not a change',
    before: doc('## Rules', '', '- Be kind to other users.', '- Do not spam anyone.', '- Report abuse to us.'),
    after: doc('## Rules', '', '- Report abuse to us.', '- Be kind to other users.', '- Do not spam anyone.'),
    expected: [],
  },
  {
    name: 'a renamed and renumbered heading moves nothing',
    before: doc('## 4. Data', '', 'We keep data for 30 days.', '', 'We delete backups after a year.'),
    after: doc('## 5. Data retention', '', 'We keep data for 30 days.', '', 'We delete backups after a year.'),
    expected: [],
  },
  {
    name: 'nested ordered list without numbers in the text gets position labels',
    before: doc('## Rules', '', '1. You may not:', '    1. copy the Service;', '    2. sell the Service.'),
    after: doc('## Rules', '', '1. You may not:', '    1. copy the Service;', '    2. rent or sell the Service.'),
    expected: [{ kind: 'modified', label: '1.2', section: 'Rules' }],
  },
  {
    name: 'bold title list item with sub-points opens a section',
    before: doc(
      '# Terms',
      '',
      '7. **Customer Data**',
      '    ',
      '    * 7.1. **Use**. We use Customer Data to provide the Service unless you opt in.',
      '    * 7.2. **Deletion**. We delete Customer Data after 30 days.',
    ),
    after: doc(
      '# Terms',
      '',
      '7. **Customer Data**',
      '    ',
      '    * 7.1. **Use**. We use Customer Data to provide and train the Service unless you opt out.',
      '    * 7.2. **Deletion**. We delete Customer Data after 30 days.',
    ),
    expected: [{ kind: 'modified', label: '7.1', section: 'Terms › 7. Customer Data' }],
  },
  {
    name: 'definition list entry added',
    before: doc('## Definitions', '', '**Service**: the products we offer.'),
    after: doc('## Definitions', '', '**Service**: the products we offer.', '', '**Affiliate**: an entity we control.'),
    expected: [{ kind: 'added', label: null, section: 'Definitions' }],
  },
  {
    name: 'bold label paragraphs and lettered sub-points under a numbered heading',
    before: doc(
      '**6. Payment**',
      '',
      '**a. Fees.** You pay the fees shown at checkout.',
      '',
      '**b. Taxes.** Fees exclude taxes.',
    ),
    after: doc(
      '**6. Payment**',
      '',
      '**a. Fees.** You pay the fees shown at checkout.',
      '',
      '**b. Taxes.** Fees include taxes.',
    ),
    expected: [{ kind: 'modified', label: '6(b)', section: '6. Payment' }],
  },
  {
    name: 'Section N and D.4 labels',
    before: doc(
      '## Appendix',
      '',
      'Section 4 Notices go to the address on file.',
      '',
      'D.4 Credits expire after a year.',
    ),
    after: doc(
      '## Appendix',
      '',
      'Section 4 Notices go to the address on file.',
      '',
      'D.4 Credits expire after two years.',
    ),
    expected: [{ kind: 'modified', label: 'D.4', section: 'Appendix' }],
  },
  {
    name: 'an unrelated rewrite is removed plus added',
    before: doc('## Support', '', 'Support is available by e-mail on working days.'),
    after: doc('## Support', '', 'Arbitration takes place in Dublin under Irish law.'),
    expected: [
      { kind: 'removed', label: null, section: 'Support' },
      { kind: 'added', label: null, section: 'Support' },
    ],
  },
];

const BEDINGUNGEN = doc(
  '# Allgemeine Geschäftsbedingungen',
  '',
  'Zuletzt aktualisiert: 1. März 2025',
  '',
  '## § 3 Haftung',
  '',
  '(1) Der Anbieter haftet unbeschränkt für Vorsatz und grobe Fahrlässigkeit.',
  '',
  '(2) Im Übrigen ist die Haftung auf den vorhersehbaren Schaden begrenzt.',
  '',
  '## § 4 Kündigung',
  '',
  '(1) Sie können den Vertrag jederzeit mit einer Frist von 30 Tagen kündigen.',
  '',
  '(2) Wir können den Vertrag aus wichtigem Grund fristlos kündigen.',
);

const germanCases: readonly Case[] = [
  { name: 'DE: identical text', before: BEDINGUNGEN, after: BEDINGUNGEN, expected: [] },
  {
    name: 'DE: German quotes against straight quotes',
    before: doc('## § 1 Begriffe', '', '„Dienst“ bezeichnet die Plattform – einschließlich der ‚App‘.'),
    after: doc('## § 1 Begriffe', '', '"Dienst" bezeichnet die Plattform - einschließlich der \'App\'.'),
    expected: [],
  },
  {
    name: 'DE: effective date line in another format',
    before: BEDINGUNGEN,
    after: BEDINGUNGEN.replace('Zuletzt aktualisiert: 1. März 2025', 'Stand: 15.04.2025'),
    expected: [],
  },
  {
    name: 'DE: page chrome',
    before: BEDINGUNGEN,
    after: doc('Zum Inhalt springen', '', 'Deutsch', '', BEDINGUNGEN, '', 'Alle akzeptieren', '', 'Nach oben'),
    expected: [],
  },
  {
    name: 'DE: a modified paragraph under a § heading',
    before: BEDINGUNGEN,
    after: BEDINGUNGEN.replace('Frist von 30 Tagen', 'Frist von 90 Tagen'),
    expected: [{ kind: 'modified', label: '4(1)', section: 'Allgemeine Geschäftsbedingungen › § 4 Kündigung' }],
  },
  {
    name: 'DE: inserted paragraph, following ones renumbered',
    before: BEDINGUNGEN,
    after: BEDINGUNGEN.replace('(2) Wir können', '(2) Eine Kündigung bedarf der Textform.\n\n(3) Wir können'),
    expected: [{ kind: 'added', label: '4(2)', section: 'Allgemeine Geschäftsbedingungen › § 4 Kündigung' }],
  },
  {
    name: 'DE: removed paragraph',
    before: BEDINGUNGEN,
    after: BEDINGUNGEN.replace('(2) Im Übrigen ist die Haftung auf den vorhersehbaren Schaden begrenzt.\n\n', ''),
    expected: [{ kind: 'removed', label: '3(2)', section: 'Allgemeine Geschäftsbedingungen › § 3 Haftung' }],
  },
];

function shape(diff: TermsDiff): Expected[] {
  return diff.changes.map(({ kind, label, section }) => ({ kind, label, section }));
}

describe('diffTerms', () => {
  it.each([...englishCases, ...germanCases])('$name', ({ before, after, expected }) => {
    expect(shape(diffTerms(before, after))).toEqual(expected);
  });

  it('reports the effective dates of both versions, parsed to ISO', () => {
    const after = BEDINGUNGEN.replace('Zuletzt aktualisiert: 1. März 2025', 'Gültig ab 15. April 2025');
    expect(diffTerms(BEDINGUNGEN, after).effectiveDate).toEqual({ before: '2025-03-01', after: '2025-04-15' });
    expect(diffTerms(TERMS, TERMS).effectiveDate).toBeNull();
  });

  it('gives whole clause texts: both for modified, null for the missing side of added and removed', () => {
    const after = TERMS.replace('(c) resell access to the Service.', '(c) rent access to the Service.').replace(
      '1.1 You must be 18 or older to open an account.\n\n',
      '',
    );
    const changes = diffTerms(TERMS, after).changes;
    expect(changes.map(({ kind, before, after: now }) => ({ kind, before, after: now }))).toEqual([
      { kind: 'removed', before: 'You must be 18 or older to open an account.', after: null },
      { kind: 'modified', before: 'resell access to the Service.', after: 'rent access to the Service.' },
    ]);
  });

  it('orders changes by the new version, removed clauses where they stood', () => {
    const after = TERMS.replace('1.1 You must be 18', '1.1 You must be 16')
      .replace('2.1 You may use the Service for lawful purposes only.\n\n', '')
      .replace('| Free | $0 |', '| Free | $0 |\n| Team | $30 / month |');
    expect(shape(diffTerms(TERMS, after)).map((change) => `${change.kind} ${change.label ?? '-'}`)).toEqual([
      'modified 1.1',
      'removed 2.1',
      'added -',
    ]);
  });

  it('rates and summarises every change and writes the headline', () => {
    const diff = diffTerms(TERMS, TERMS.replace('$20', '$25'), { vendor: 'Example', title: 'Terms' });
    expect(diff.changes).toHaveLength(1);
    const [change] = diff.changes;
    expect(['high', 'medium', 'low']).toContain(change?.significance);
    expect(change?.summary.length).toBeGreaterThan(0);
    expect(diff.summary).toContain('Example');
  });

  it('plain text: blank-line paragraphs and numbered lines', () => {
    const before = doc(
      '1. Definitions',
      '',
      '1.1 "Service" means the app.',
      '1.2 "You" means the user.',
      '',
      '2. Fees',
    );
    const after = doc('1. Definitions', '', '1.1 "Service" means the app and the API.', '1.2 "You" means the user.');
    expect(shape(diffTerms(before, after, { format: 'text' }))).toEqual([
      { kind: 'modified', label: '1.1', section: '1. Definitions' },
    ]);
  });
});

function swapped(diff: TermsDiff): string[] {
  const swap = { added: 'removed', removed: 'added', modified: 'modified', moved: 'moved' } as const;
  return diff.changes.map((change) => JSON.stringify([swap[change.kind], change.after, change.before])).sort();
}

function plain(diff: TermsDiff): string[] {
  return diff.changes.map((change) => JSON.stringify([change.kind, change.before, change.after])).sort();
}

describe('diffTerms properties', () => {
  const documents = [...englishCases, ...germanCases].flatMap(({ before, after }) => [before, after]);

  it('diff(A, A) is empty for every fixture', () => {
    for (const text of documents) expect(diffTerms(text, text).changes).toEqual([]);
  });

  it('diff(B, A) swaps added/removed and before/after of diff(A, B)', () => {
    for (const { before, after } of [...englishCases, ...germanCases]) {
      expect(plain(diffTerms(after, before))).toEqual(swapped(diffTerms(before, after)));
    }
  });

  it('is deterministic: the same input gives byte-identical JSON', () => {
    const after = TERMS.replace('$20', '$25').replace('(a) reverse', '(a) decompile or reverse');
    expect(toContractJson(diffTerms(TERMS, after))).toBe(toContractJson(diffTerms(TERMS, after)));
  });
});

describe('toContractJson', () => {
  it('prints exactly the contract keys in contract order on one line', () => {
    const json = toContractJson(diffTerms(TERMS, TERMS.replace('$20', '$25')));
    expect(json).not.toContain('\n');
    const parsed = JSON.parse(json) as { changes: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(['changes', 'effectiveDate', 'summary']);
    expect(Object.keys(parsed.changes[0] ?? {})).toEqual([
      'kind',
      'section',
      'label',
      'before',
      'after',
      'significance',
      'topics',
      'summary',
    ]);
  });
});
