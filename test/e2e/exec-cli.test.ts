import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from './cli-harness.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'clausewatch-exec-'));
  await writeFile(
    path.join(dir, 'clausewatch.yaml'),
    [
      'dataDir: ./data',
      'news:',
      '  vendors: { acme: ["\\\\bAcme AI\\\\b"] }',
      'significance:',
      '  rules:',
      '    - { topic: export-control, patterns: ["\\\\bexport\\\\b"] }',
    ].join('\n'),
  );
});

const exec = (...args: string[]) => runCliInProcess(['exec', ...args], dir);

describe('clausewatch exec', () => {
  it('subscribes a channel as an admin, lists it, and removes it', async () => {
    const added = await exec('subscribe', '--vendor', 'anthropic', '--min-significance', 'high', '--admin');
    expect(added.code).toBe(0);
    const id = /#(\d+)/.exec(added.stdout)?.[1];
    expect(id).toBeDefined();
    const listed = await exec('subscriptions');
    expect(listed.stdout).toContain(`#${id ?? ''}`);
    expect(listed.stdout).toContain('anthropic');
    const removed = await exec('unsubscribe', '--id', id ?? '', '--admin');
    expect(removed.code).toBe(0);
    expect((await exec('subscriptions')).stdout).not.toContain(`#${id ?? ''} `);
  });

  it('refuses a channel subscription without the permission, and saves nothing', async () => {
    const refused = await exec('subscribe', '--vendor', 'openai', '--channel', 'general');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('Not allowed');
    expect((await exec('subscriptions', '--channel', 'general')).stdout).toContain('No subscriptions');
  });

  it('knows the vendors and topics the config adds', async () => {
    expect((await exec('subscribe', '--vendor', 'acme', '--where', 'dm')).code).toBe(0);
    expect((await exec('subscribe', '--topic', 'export-control', '--where', 'dm')).code).toBe(0);
    const typo = await exec('subscribe', '--vendor', 'antropic', '--where', 'dm');
    expect(typo.code).toBe(2);
    expect(typo.stdout).toContain('did you mean anthropic?');
  });

  it('answers unknown commands, options and bad schedules with what to do instead', async () => {
    expect((await exec('subscribe', '--colour', 'red', '--where', 'dm')).stdout).toMatch(/colour/);
    expect((await exec('digest', '--schedule', 'every day', '--admin')).code).toBe(2);
    expect((await exec('digest', '--schedule', 'daily', '--timezone', 'Mars/Olympus', '--admin')).stdout).toMatch(
      /time zone|timezone/i,
    );
    const unknown = await exec('subscibe');
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toContain('subscribe');
  });
});
