import { describe, expect, it } from 'vitest';
import type { ClauseChange, TermsDiff } from '../domain/terms-diff.ts';
import { formatDiffReport } from './format-report.ts';

const modified: ClauseChange = {
  kind: 'modified',
  section: 'Terms › 3. Your Content',
  label: '3.1',
  before: 'We do not train on your Inputs.',
  after: 'We may train on your Inputs.',
  significance: 'high',
  topics: ['training-data'],
  summary: 'Training on Inputs now allowed',
};

const diff: TermsDiff = {
  changes: [
    modified,
    {
      kind: 'added',
      section: 'Terms › 1. Accounts',
      label: '1.2',
      before: null,
      after: 'Keep your password secret.',
      significance: 'low',
      topics: [],
      summary: 'Password rule added',
    },
    {
      kind: 'removed',
      section: 'Terms › 3. Your Content',
      label: '3.2',
      before: 'We delete Inputs after 30 days.',
      after: null,
      significance: 'medium',
      topics: ['privacy'],
      summary: 'Deletion promise removed',
    },
  ],
  effectiveDate: { before: '2025-03-01', after: '2025-04-02' },
  summary: 'Example Terms: 1 high, 1 medium, 1 low',
};

describe('formatDiffReport', () => {
  it('groups changes by section in first-appearance order, with badges and word diffs', () => {
    expect(formatDiffReport(diff, { color: false })).toBe(
      [
        'Example Terms: 1 high, 1 medium, 1 low',
        'Effective: 2025-03-01 → 2025-04-02',
        '',
        'Terms › 3. Your Content',
        '  [HIGH] ~ 3.1 Training on Inputs now allowed',
        '      We [-do not-]{+may+} train on your Inputs.',
        '  [MED] - 3.2 Deletion promise removed',
        '      We delete Inputs after 30 days.',
        '',
        'Terms › 1. Accounts',
        '  [LOW] + 1.2 Password rule added',
        '      Keep your password secret.',
      ].join('\n'),
    );
  });

  it('colours with ANSI codes only when asked', () => {
    expect(formatDiffReport(diff, { color: false })).not.toContain('\u001b[');
    const coloured = formatDiffReport(diff, { color: true });
    expect(coloured).toContain('\u001b[31m');
    expect(coloured).toContain('\u001b[32m');
  });

  it('says so when nothing changed, with an unchanged effective date once', () => {
    const empty: TermsDiff = {
      changes: [],
      effectiveDate: { before: '2025-01-01', after: '2025-01-01' },
      summary: 'S',
    };
    expect(formatDiffReport(empty, { color: false })).toBe('S\nEffective: 2025-01-01\n\nNo clause changes.');
  });

  it('keeps only context around changes in a long modified clause', () => {
    const long = `${'word '.repeat(100)}old ${'tail '.repeat(100)}`.trim();
    const report = formatDiffReport(
      {
        changes: [{ ...modified, before: long, after: long.replace('old', 'new') }],
        effectiveDate: null,
        summary: 'S',
      },
      { color: false },
    );
    const quoted = report.split('\n').at(-1) ?? '';
    expect(quoted).toContain('[-old-]{+new+}');
    expect(quoted.length).toBeLessThan(250);
    expect(quoted.trimStart().startsWith('…')).toBe(true);
  });
});
