import { describe, expect, it } from 'vitest';
import type { SourceFailed, TermsChanged } from '../../domain/events.ts';
import { createConsoleNotifier } from './console-notifier.ts';
import { formatEventForConsole } from './format-event.ts';

const base = {
  source: 'acme/terms',
  vendor: 'acme',
  title: 'Terms',
  url: 'https://acme.example/terms',
  at: '2026-01-01T00:00:00.000Z',
};

const change: TermsChanged = {
  type: 'terms-change',
  ...base,
  fromVersion: 'a'.repeat(64),
  toVersion: 'b'.repeat(64),
  diff: {
    summary: 'Acme Terms: 1 high — may now train on your content',
    effectiveDate: null,
    changes: [
      {
        kind: 'modified',
        section: 'Your content',
        label: '3.2',
        before: 'We do not train.',
        after: 'We may train.',
        significance: 'high',
        topics: ['training-data'],
        summary: 'may now train on your content',
      },
    ],
  },
};

const failure = (consecutiveFailures: number, failing: boolean): SourceFailed => ({
  type: 'source-error',
  ...base,
  code: 'http_status',
  message: 'HTTP 503 for https://acme.example/terms',
  consecutiveFailures,
  failing,
});

describe('console adapter', () => {
  it('prints a terms change with its headline, link and rated clause changes', () => {
    expect(formatEventForConsole(change, { color: false })).toBe(
      [
        '⚑ Acme Terms: 1 high — may now train on your content',
        '  https://acme.example/terms',
        '   HIGH  modified Your content 3.2: may now train on your content',
      ].join('\n'),
    );
  });

  it('uses colour only when asked', () => {
    expect(formatEventForConsole(change, { color: true })).toContain('\u001b[');
    expect(formatEventForConsole(change, { color: false })).not.toContain('\u001b[');
  });

  it('reports a failure streak when it starts and when the source becomes failing, not on every poll', () => {
    const lines: string[] = [];
    const notify = createConsoleNotifier({ write: (text) => lines.push(text.trim()), color: false });
    for (const [count, failing] of [
      [1, false],
      [2, false],
      [3, true],
      [4, true],
      [1, false],
    ] as const) {
      void notify(failure(count, failing));
    }
    expect(lines).toEqual([
      '✖ acme/terms could not be checked: HTTP 503 for https://acme.example/terms',
      '✖ acme/terms is failing (3 failures in a row): HTTP 503 for https://acme.example/terms',
      '✖ acme/terms could not be checked: HTTP 503 for https://acme.example/terms',
    ]);
  });
});
