// The clause diff over the real version histories in the shared corpus (Open Terms Archive Markdown). The corpus
// is read from CLAUSEWATCH_CORPUS, default ../shared/corpus beside the repository; without it the suite skips.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TermsDiff } from '../../src/domain/terms-diff.ts';
import { diffTerms, toContractJson } from '../../src/diff/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = path.resolve(repoRoot, process.env.CLAUSEWATCH_CORPUS ?? '../shared/corpus');
const termsDir = path.join(corpusDir, 'terms');
const hasCorpus = existsSync(termsDir);

/** Longest a single pair may take, generous for a loaded machine; typical pairs take a few milliseconds. */
const PAIR_BOUND_MS = 2_000;

interface VersionPair {
  readonly document: string;
  readonly before: string;
  readonly after: string;
  readonly beforeText: string;
  readonly afterText: string;
}

function versionPairs(): VersionPair[] {
  if (!hasCorpus) return [];
  const pairs: VersionPair[] = [];
  for (const vendor of readdirSync(termsDir).sort()) {
    for (const kind of readdirSync(path.join(termsDir, vendor)).sort()) {
      const folder = path.join(termsDir, vendor, kind);
      const files = readdirSync(folder)
        .filter((file) => file.endsWith('.md'))
        .sort();
      for (let i = 1; i < files.length; i++) {
        const before = files[i - 1] ?? '';
        const after = files[i] ?? '';
        pairs.push({
          document: `${vendor}/${kind}`,
          before: before.replace(/\.md$/, ''),
          after: after.replace(/\.md$/, ''),
          beforeText: readFileSync(path.join(folder, before), 'utf8'),
          afterText: readFileSync(path.join(folder, after), 'utf8'),
        });
      }
    }
  }
  return pairs;
}

const pairs = versionPairs();
const name = (pair: VersionPair) => `${pair.document} ${pair.before} → ${pair.after}`;
const find = (document: string, after: string) => pairs.find((p) => p.document === document && p.after === after);

function diffOf(document: string, after: string): TermsDiff {
  const pair = find(document, after);
  if (pair === undefined) throw new Error(`corpus pair ${document} → ${after} is missing`);
  return diffTerms(pair.beforeText, pair.afterText);
}

const shape = (diff: TermsDiff) => diff.changes.map(({ kind, label, section }) => ({ kind, label, section }));

/** Pairs the corpus MANIFEST describes as noise: nothing but dates, chrome, obfuscation, casing or link targets. */
const NOISE_PAIRS: readonly (readonly [document: string, after: string, why: string])[] = [
  ['anthropic/usage-policy', '2026-04-24T10-30-40Z', 'date format flip'],
  ['anthropic/usage-policy', '2026-04-27T22-33-56Z', 'date format flip'],
  ['anthropic/usage-policy', '2026-04-30T10-30-35Z', 'date format flip'],
  ['anthropic/usage-policy', '2026-05-02T22-33-39Z', 'date format flip'],
  ['anthropic/usage-policy', '2026-05-08T22-30-30Z', 'date format flip'],
  ['anthropic/usage-policy', '2026-05-12T22-30-40Z', 'date format flip'],
  ['anthropic/usage-policy', '2026-05-22T10-36-10Z', 'date format flip'],
  ['anthropic/usage-policy', '2026-05-26T22-30-53Z', 'date format flip'],
  ['anthropic/usage-policy', '2026-08-14T10-32-00Z', 'help-centre breadcrumbs added by a technical upgrade'],
  ['xai/terms-of-service', '2024-04-29T18-31-36Z', 'Cloudflare e-mail obfuscation removed'],
  ['xai/terms-of-service', '2024-04-30T00-31-33Z', 'Cloudflare e-mail obfuscation back'],
  ['xai/terms-of-service', '2025-02-10T12-33-39Z', 'X.AI / x.AI casing'],
  ['openai/usage-policies', '2024-12-24T00-30-21Z', 'page title line dropped'],
  ['openai/usage-policies', '2024-12-24T12-30-12Z', 'page title line back'],
  ['openai/usage-policies', '2025-05-20T12-30-16Z', 'page title flip and language selector'],
  ['openai/usage-policies', '2025-05-21T00-30-16Z', 'page title flip back'],
  ['openai/usage-policies', '2025-08-13T12-32-06Z', 'leading ellipsis line'],
  ['openai/usage-policies', '2025-08-14T00-32-02Z', 'leading ellipsis line gone'],
  ['openai/terms-of-use', '2024-07-22T18-30-05Z', 'link target eu-terms-of-use → row-terms-of-use'],
  ['cursor/terms-of-service', '2025-09-18T00-32-27Z', 'link target docs.cursor.com → cursor.com/docs'],
];

describe.skipIf(!hasCorpus)(
  hasCorpus ? 'clause diff on the corpus' : `clause diff on the corpus (skipped: no corpus at ${termsDir})`,
  () => {
    it('finds the corpus version histories', () => {
      expect(pairs.length).toBeGreaterThanOrEqual(70);
    });

    it('every consecutive pair diffs within the bound, deterministically', () => {
      for (const pair of pairs) {
        const start = performance.now();
        const first = toContractJson(diffTerms(pair.beforeText, pair.afterText));
        const elapsed = performance.now() - start;
        expect(elapsed, name(pair)).toBeLessThan(PAIR_BOUND_MS);
        expect(toContractJson(diffTerms(pair.beforeText, pair.afterText)), name(pair)).toBe(first);
      }
    });

    it('byte-identical versions report nothing', () => {
      const identical = pairs.filter((pair) => pair.beforeText === pair.afterText);
      for (const pair of identical) expect(diffTerms(pair.beforeText, pair.afterText).changes, name(pair)).toEqual([]);
      for (const pair of pairs) expect(diffTerms(pair.afterText, pair.afterText).changes, name(pair)).toEqual([]);
    });

    it.each(NOISE_PAIRS)('%s → %s (%s) reports no clause change', (document, after) => {
      const diff = diffOf(document, after);
      expect(diff.changes).toEqual([]);
      expect(diff.effectiveDate?.before).toBe(diff.effectiveDate?.after);
    });

    it('reads "Effective September 15, 2025" and "Effective 15 September 2025" as one date', () => {
      expect(diffOf('anthropic/usage-policy', '2026-04-24T10-30-40Z').effectiveDate).toEqual({
        before: '2025-09-15',
        after: '2025-09-15',
      });
    });

    it('diff(B, A) swaps added/removed and before/after of diff(A, B) on every pair', () => {
      const swap = { added: 'removed', removed: 'added', modified: 'modified', moved: 'moved' } as const;
      for (const pair of pairs) {
        const forward = diffTerms(pair.beforeText, pair.afterText).changes.map((change) =>
          JSON.stringify([swap[change.kind], change.after, change.before]),
        );
        const backward = diffTerms(pair.afterText, pair.beforeText).changes.map((change) =>
          JSON.stringify([change.kind, change.before, change.after]),
        );
        expect(backward.sort(), name(pair)).toEqual(forward.sort());
      }
    });

    it('Cursor 2025-02-18 → 2025-04-19: only 7.1 Customer Data changed (opt-in wording)', () => {
      const diff = diffOf('cursor/terms-of-service', '2025-04-19T12-31-05Z');
      expect(shape(diff)).toEqual([
        {
          kind: 'modified',
          label: '7.1',
          section: 'Terms of Service › Cursor Terms of Service › 7. Customer and Usage Data',
        },
      ]);
      expect(diff.changes[0]?.before).toContain('unless you opt-in to allow Anysphere');
      expect(diff.changes[0]?.after).toContain('unless you allow Anysphere');
    });

    it('Cursor 2025-06-14 → 2025-06-19: 1.4 completed and 1.5 Use Restrictions added', () => {
      expect(shape(diffOf('cursor/terms-of-service', '2025-06-19T00-30-54Z'))).toEqual([
        { kind: 'modified', label: '1.4', section: 'Terms of Service › 1. Access and Use' },
        { kind: 'added', label: '1.5', section: 'Terms of Service › 1. Access and Use' },
      ]);
    });

    it('Anthropic consumer terms 2025-09-27 → 2025-10-09: the effective-date note is the one removed clause', () => {
      const diff = diffOf('anthropic/consumer-terms', '2025-10-09T00-32-05Z');
      expect(diff.changes.map(({ kind, before }) => ({ kind, before }))).toEqual([
        {
          kind: 'removed',
          before:
            'Note: This policy is effective on October 8, 2025 or the date you acknowledge these updated Terms within our Services (if earlier).',
        },
      ]);
    });

    it('Anthropic consumer terms 2025-10-09 → 2025-11-28: the rewrite is found clause by clause', () => {
      const diff = diffOf('anthropic/consumer-terms', '2025-11-28T19-01-20Z');
      const labelled = shape(diff).filter((change) => change.label?.startsWith('6(') === true);
      expect(labelled).toEqual([
        { kind: 'modified', label: '6(a)', section: 'Consumer Terms of Service › 6. Subscriptions, fees and payment.' },
        { kind: 'modified', label: '6(d)', section: 'Consumer Terms of Service › 6. Subscriptions, fees and payment.' },
        {
          kind: 'modified',
          label: '6(f)(1)',
          section: 'Consumer Terms of Service › 6. Subscriptions, fees and payment.',
        },
        {
          kind: 'modified',
          label: '6(f)(3)',
          section: 'Consumer Terms of Service › 6. Subscriptions, fees and payment.',
        },
        { kind: 'modified', label: '6(g)', section: 'Consumer Terms of Service › 6. Subscriptions, fees and payment.' },
      ]);
      const sections = new Set(diff.changes.filter((c) => c.kind === 'added').map((c) => c.section));
      expect(sections).toContain('Consumer Terms of Service › 12. Data Switching and Portability');
      expect(diff.changes.some((c) => c.kind === 'moved')).toBe(false);
    });

    it('OpenAI usage policies 2025-10-31 → 2025-11-01: one added prohibition', () => {
      const diff = diffOf('openai/usage-policies', '2025-11-01T00-31-59Z');
      expect(diff.changes.map(({ kind, after }) => ({ kind, after }))).toEqual([
        { kind: 'added', after: 'Content that recreates the likeness of living public figures without their consent;' },
      ]);
    });
  },
);
