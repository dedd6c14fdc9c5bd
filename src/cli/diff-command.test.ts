import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runDiffCommand, type DiffCommandIo } from './diff-command.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/diff');
const fixture = (name: string) => path.join(fixtures, name);

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(argv: readonly string[], io: Partial<DiffCommandIo> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDiffCommand(argv, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    isTTY: false,
    ...io,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

interface JsonDiff {
  changes: { kind: string; section: string; label: string | null; before: string | null; after: string | null }[];
  effectiveDate: { before: string | null; after: string | null } | null;
  summary: string;
}

const shape = (json: JsonDiff) => json.changes.map(({ kind, label, section }) => ({ kind, label, section }));

describe('runDiffCommand', () => {
  it('diffs two Markdown files as contract JSON on one line, exit 1 when clauses changed', async () => {
    const result = await run([fixture('en-terms-v1.md'), fixture('en-terms-v2.md'), '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout.trimEnd()).not.toContain('\n');
    const json = JSON.parse(result.stdout) as JsonDiff;
    const terms = 'Example AI Terms of Service';
    expect(shape(json)).toEqual([
      { kind: 'added', label: '1.2', section: `${terms} › 1. Accounts` },
      { kind: 'modified', label: '2.2(b)', section: `${terms} › 2. Use of the Service` },
      { kind: 'modified', label: '3.1', section: `${terms} › 3. Your Content` },
      { kind: 'modified', label: null, section: `${terms} › 4. Fees` },
      { kind: 'moved', label: '5.3', section: `${terms} › 5. Termination` },
    ]);
    expect(json.effectiveDate).toEqual({ before: '2025-03-01', after: '2025-04-02' });
    expect(json.changes[2]).toMatchObject({
      before: 'Example AI does not train its models on your Inputs.',
      after: 'Example AI may train its models on your Inputs unless you opt out.',
    });
  });

  it('reads plain text (.txt) in German', async () => {
    const result = await run([fixture('de-agb-v1.txt'), fixture('de-agb-v2.txt'), '--json']);
    const json = JSON.parse(result.stdout) as JsonDiff;
    expect(shape(json)).toEqual([
      { kind: 'modified', label: '2(2)', section: 'ALLGEMEINE GESCHÄFTSBEDINGUNGEN › § 2 Nutzung' },
      { kind: 'modified', label: '3(1)', section: 'ALLGEMEINE GESCHÄFTSBEDINGUNGEN › § 3 Kündigung' },
    ]);
    expect(json.effectiveDate).toEqual({ before: '2025-03-01', after: '2025-04-15' });
  });

  it('extracts .html files first, ignoring navigation, cookie banners and footers', async () => {
    const result = await run([fixture('en-terms-v1.html'), fixture('en-terms-v2.html'), '--json']);
    const json = JSON.parse(result.stdout) as JsonDiff;
    expect(shape(json)).toEqual([
      { kind: 'modified', label: '1', section: 'Example AI Terms of Service › Use of the Service' },
    ]);
  });

  it('prints a readable report without colours when not on a terminal, exit 0 without changes', async () => {
    const same = await run([fixture('en-terms-v1.md'), fixture('en-terms-v1.md')]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No clause changes.');
    const changed = await run([fixture('en-terms-v1.md'), fixture('en-terms-v2.md')]);
    expect(changed.stdout).toContain('Example AI Terms of Service › 3. Your Content');
    expect(changed.stdout).toContain('[-does not-]{+may+}');
    expect(changed.stdout).not.toContain('\u001b[');
  });

  it('colours the report on a terminal unless --no-color', async () => {
    const args = [fixture('en-terms-v1.md'), fixture('en-terms-v2.md')];
    expect((await run(args, { isTTY: true })).stdout).toContain('\u001b[');
    expect((await run([...args, '--no-color'], { isTTY: true })).stdout).not.toContain('\u001b[');
    expect((await run([...args, '--json'], { isTTY: true })).stdout).not.toContain('\u001b[');
  });

  it('resolves stored version ids through loadVersion', async () => {
    const versions = new Map([
      ['v1', '## Privacy\n\nWe keep data for 30 days.'],
      ['v2', '## Privacy\n\nWe keep data for 90 days.'],
    ]);
    const result = await run(['v1', 'v2', '--json'], { loadVersion: (id) => Promise.resolve(versions.get(id)) });
    expect(shape(JSON.parse(result.stdout) as JsonDiff)).toEqual([
      { kind: 'modified', label: null, section: 'Privacy' },
    ]);
  });

  it('names the vendor and document in the headline', async () => {
    const result = await run([fixture('en-terms-v1.md'), fixture('en-terms-v2.md'), '--vendor', 'ExampleCo', '--json']);
    expect((JSON.parse(result.stdout) as JsonDiff).summary).toContain('ExampleCo');
  });

  it.each([
    [['missing-old.md', 'missing-new.md'], /missing-old\.md: no such file or stored version/],
    [['only-one.md'], /expected OLD and NEW, got 1 argument/],
    [['a.md', 'b.md', '--frobnicate'], /unknown option --frobnicate/],
    [['a.md', 'b.md', '--vendor'], /--vendor needs a value/],
  ])('fails with exit 2 and a clear message: %j', async (argv, message) => {
    const result = await run(argv, { loadVersion: () => Promise.resolve(undefined) });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('reports a page that yields no document as an error', async () => {
    const result = await run(['empty.html', fixture('en-terms-v1.html')], {
      readFile: (file) =>
        file === 'empty.html' ? Promise.resolve('<html><body></body></html>') : Promise.resolve('x'),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^clausewatch diff: /);
  });

  it('prints usage for --help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: clausewatch diff OLD NEW [--json]');
  });
});
