import { describe, expect, it } from 'vitest';
import { parseClauses } from './parse-clauses.ts';

const doc = (...lines: string[]) => lines.join('\n');

function outline(source: string, format: 'markdown' | 'text' = 'markdown') {
  return parseClauses(source, { format }).clauses.map(({ label, sectionPath, text }) => ({
    label,
    section: sectionPath.join(' › '),
    text,
  }));
}

describe('parseClauses', () => {
  it('reads numbered paragraphs, bold labels and setext headings with escaped numbers', () => {
    const source = doc(
      'Terms of Service',
      '================',
      '',
      '**1\\. Access and Use**',
      '',
      '**1.1. Provision of Access.** We grant you access.',
      '',
      '**1.2.** **Content.** You may provide inputs.',
      '',
      '**2\\. Fees**',
      '-------------',
      '',
      '**3.** You pay monthly.',
    );
    expect(outline(source)).toEqual([
      {
        label: '1.1',
        section: 'Terms of Service › 1. Access and Use',
        text: 'Provision of Access. We grant you access.',
      },
      { label: '1.2', section: 'Terms of Service › 1. Access and Use', text: 'Content. You may provide inputs.' },
      { label: '3', section: 'Terms of Service › 2. Fees', text: 'You pay monthly.' },
    ]);
  });

  it('gives sub-points the label path of their parent', () => {
    const source = doc(
      '## 3. Use',
      '',
      '3.2 You may not:',
      '',
      '(a) copy the Service;',
      '',
      '(b) resell it, including:',
      '',
      '(i) by sublicensing; or',
      '',
      '(ii) by sharing keys.',
    );
    expect(outline(source).map((clause) => clause.label)).toEqual([
      '3.2',
      '3.2(a)',
      '3.2(b)',
      '3.2(b)(i)',
      '3.2(b)(ii)',
    ]);
  });

  it('numbers ordered list items without numbers in the text by position, nested under their parent', () => {
    const source = doc(
      '## Restrictions',
      '',
      'You may not use the Service:',
      '',
      '1. to break the law;',
      '2. to build competing products, including:',
      '    1. training models on Outputs;',
      '    2. benchmarking to replicate the Service;',
      '3. to harm minors.',
    );
    expect(outline(source).map((clause) => `${clause.label ?? '-'} ${clause.text}`)).toEqual([
      '- You may not use the Service:',
      '1 to break the law;',
      '2 to build competing products, including:',
      '2.1 training models on Outputs;',
      '2.2 benchmarking to replicate the Service;',
      '3 to harm minors.',
    ]);
  });

  it('lists right after a lettered paragraph are its sub-points (6(f)(1))', () => {
    const source = doc(
      '## 6. Subscriptions',
      '',
      '**f. Cancellation.** You may cancel within 14 days.',
      '',
      '1. Tell us before the period ends.',
      '2. We refund what you paid.',
    );
    expect(outline(source).map((clause) => clause.label)).toEqual(['6(f)', '6(f)(1)', '6(f)(2)']);
  });

  it('turns a bold title item with nested items into a section, and one over paragraphs into a heading', () => {
    const source = doc(
      '7. **Customer Data**',
      '    ',
      '    * 7.1. **Use**. We use Customer Data to provide the Service.',
      '        ',
      '8. **Limitation of Liability**',
      '',
      'OUR LIABILITY IS CAPPED AT $100.',
    );
    expect(outline(source)).toEqual([
      { label: '7.1', section: '7. Customer Data', text: 'Use. We use Customer Data to provide the Service.' },
      { label: null, section: '8. Limitation of Liability', text: 'OUR LIABILITY IS CAPPED AT $100.' },
    ]);
  });

  it('keeps labelled paragraphs indented under an item as its sub-points, unlabelled ones as its text', () => {
    const source = doc(
      '1. **Eligibility.** You must be 13.',
      '    ',
      '    You must also have consent.',
      '    ',
      '2. **User Accounts**',
      '    ',
      '    a. Your User Account. You may open one account.',
      '    ',
      '    b. Connecting Via Third-Party Services. You may log in with X.',
    );
    expect(outline(source).map((clause) => `${clause.label ?? '-'} ${clause.text}`)).toEqual([
      '1 Eligibility. You must be 13. You must also have consent.',
      '2(a) Your User Account. You may open one account.',
      '2(b) Connecting Via Third-Party Services. You may log in with X.',
    ]);
  });

  it('reads definition entries and table rows as clauses, without separator rows', () => {
    const source = doc(
      '## Definitions',
      '',
      '**Affiliate**: an entity we control.',
      '',
      '## Fees',
      '',
      '| Plan | Price |',
      '| --- | --- |',
      '| Pro | $20<br>per month |',
    );
    expect(outline(source)).toEqual([
      { label: null, section: 'Definitions', text: 'Affiliate: an entity we control.' },
      { label: null, section: 'Fees', text: 'Plan | Price' },
      { label: null, section: 'Fees', text: 'Pro | $20 per month' },
    ]);
  });

  it('takes out date lines as the effective date, preferring "effective" over "updated"', () => {
    const source = doc(
      'Updated: April 29, 2025',
      '',
      '# Terms',
      '',
      'Effective: May 1, 2025 (previous version)',
      '',
      'Hello there.',
    );
    const parsed = parseClauses(source);
    expect(parsed.effectiveDate).toBe('2025-05-01');
    expect(parsed.clauses.map((clause) => clause.text)).toEqual(['Hello there.']);
  });

  it('drops page chrome but keeps one-word list items and table cells', () => {
    const source = doc(
      'Skip to main content',
      '',
      'OpenAI',
      '',
      '…',
      '',
      '## Countries',
      '',
      '- Albania',
      '- Austria',
      '',
      'Back to top',
    );
    expect(outline(source).map((clause) => clause.text)).toEqual(['Albania', 'Austria']);
  });

  it('reads plain text: paragraphs by blank lines, each numbered line its own clause, short lines as headings', () => {
    const source = doc(
      'PRIVACY TERMS',
      '',
      '1. Data',
      '',
      'We collect what you give us',
      'and nothing else.',
      '1.1 We keep it for 30 days.',
      '(a) Backups are kept for a year.',
    );
    expect(outline(source, 'text')).toEqual([
      { label: null, section: 'PRIVACY TERMS › 1. Data', text: 'We collect what you give us and nothing else.' },
      { label: '1.1', section: 'PRIVACY TERMS › 1. Data', text: 'We keep it for 30 days.' },
      { label: '1.1(a)', section: 'PRIVACY TERMS › 1. Data', text: 'Backups are kept for a year.' },
    ]);
  });

  it('gives sections a key that ignores heading numbers, case and typography', () => {
    const [a] = parseClauses(doc('## 4. Data “Retention”', '', 'Text.')).clauses;
    const [b] = parseClauses(doc('## 5. DATA "RETENTION"', '', 'Text.')).clauses;
    expect(a?.sectionKey).toBe(b?.sectionKey);
  });

  it('reads German § headings and numbered paragraphs', () => {
    const source = doc(
      '## § 3 Haftung',
      '',
      '(1) Wir haften für Vorsatz.',
      '',
      '(2) Im Übrigen ist die Haftung begrenzt.',
    );
    expect(outline(source).map((clause) => `${clause.label ?? '-'} ${clause.section}`)).toEqual([
      '3(1) § 3 Haftung',
      '3(2) § 3 Haftung',
    ]);
  });
});
