import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../domain/errors.ts';
import { loadConfig } from './load-config.ts';

function tempDirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'clausewatch-config-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

function loadError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses built-in defaults and the catalog when no file exists', () => {
    const cwd = tempDirWith({});
    const config = loadConfig({ env: {}, cwd });
    expect(config.configPath).toBeNull();
    expect(config.dataDir).toBe(path.join(cwd, 'data'));
    expect(config.allowPrivateNetworks).toBe(false);
    expect(config.fetch.maxBodyBytes).toBe(5 * 1024 * 1024);
    const ids = config.sources.map((source) => source.id);
    expect(ids).toContain('anthropic/commercial-terms');
    expect(ids).toContain('heise/news');
  });

  it('reads ./clausewatch.yaml, switches the catalog off and adds the user sources', () => {
    const cwd = tempDirWith({
      'clausewatch.yaml': [
        'dataDir: state',
        'catalog: false',
        'sources:',
        '  - id: acme/terms',
        '    kind: terms',
        '    vendor: acme',
        '    url: https://acme.example/terms',
        '    select: "#content"',
        '    schedule: "0 * * * *"',
      ].join('\n'),
    });
    const config = loadConfig({ env: {}, cwd });
    expect(config.dataDir).toBe(path.join(cwd, 'state'));
    expect(config.sources).toEqual([
      {
        id: 'acme/terms',
        kind: 'terms',
        vendor: 'acme',
        title: 'acme/terms',
        url: 'https://acme.example/terms',
        select: ['#content'],
        remove: [],
        schedule: '0 * * * *',
        language: undefined,
      },
    ]);
  });

  it('lets a user source replace a catalog entry with the same id and excludes others', () => {
    const cwd = tempDirWith({
      'custom.yaml': [
        'exclude: [openai/usage-policies]',
        'sources:',
        '  - { id: anthropic/commercial-terms, kind: terms, vendor: anthropic, url: "https://mirror.example/ct" }',
      ].join('\n'),
    });
    const config = loadConfig({ configPath: 'custom.yaml', env: {}, cwd });
    const replaced = config.sources.filter((source) => source.id === 'anthropic/commercial-terms');
    expect(replaced.map((source) => source.url)).toEqual(['https://mirror.example/ct']);
    expect(config.sources.some((source) => source.id === 'openai/usage-policies')).toBe(false);
  });

  it('takes the file from CLAUSEWATCH_CONFIG and deployment overrides from the environment', () => {
    const cwd = tempDirWith({ 'other.yaml': 'catalog: false\n' });
    const config = loadConfig({
      env: {
        CLAUSEWATCH_CONFIG: 'other.yaml',
        CLAUSEWATCH_DATA_DIR: '/var/lib/cw',
        CLAUSEWATCH_ALLOW_PRIVATE_NETWORKS: 'true',
      },
      cwd,
    });
    expect(config.sources).toEqual([]);
    expect(config.dataDir).toBe('/var/lib/cw');
    expect(config.allowPrivateNetworks).toBe(true);
  });

  it('names the key, the bad value and what is expected', () => {
    const cwd = tempDirWith({
      'clausewatch.yaml':
        'sources:\n  - { id: acme/terms, kind: terms, vendor: acme, url: "ftp://acme.example/terms" }\n',
    });
    const error = loadError(() => loadConfig({ env: {}, cwd }));
    expect(error.code).toBe('config_invalid');
    expect(error.message).toContain('sources[0].url');
    expect(error.message).toContain('"ftp://acme.example/terms"');
    expect(error.message).toContain('expected an http(s) URL');
  });

  it.each([
    [
      'an unknown kind',
      'sources:\n  - { id: a/b, kind: blog, vendor: a, url: "https://a.example" }\n',
      'sources[0].kind',
    ],
    [
      'a listing page without item selectors',
      'sources:\n  - { id: a/b, kind: page, vendor: a, url: "https://a.example" }\n',
      'sources[0].items',
    ],
    ['a bad cron expression', 'schedules: { terms: "every minute" }\n', 'schedules.terms'],
    ['a misspelt key', 'dataDri: ./x\n', 'dataDri'],
    ['a wrong type', 'catalog: "yes"\n', 'catalog'],
    [
      'a duplicate id',
      'sources:\n  - { id: a/b, kind: feed, vendor: a, url: "https://a.example/1" }\n  - { id: a/b, kind: feed, vendor: a, url: "https://a.example/2" }\n',
      'sources[1].id',
    ],
  ])('rejects %s', (_name, yaml, key) => {
    const cwd = tempDirWith({ 'clausewatch.yaml': yaml });
    expect(loadError(() => loadConfig({ env: {}, cwd })).message).toContain(key);
  });

  it('reports YAML syntax errors with their line', () => {
    const cwd = tempDirWith({ 'clausewatch.yaml': 'dataDir: ./x\nsources: [\n' });
    expect(loadError(() => loadConfig({ env: {}, cwd })).message).toMatch(/not valid YAML/);
  });

  it('fails clearly when an explicit config file is missing', () => {
    const cwd = tempDirWith({});
    expect(loadError(() => loadConfig({ configPath: 'nope.yaml', env: {}, cwd })).message).toContain(
      'config file not found',
    );
  });
});

describe('significance rules in the config', () => {
  it('adds a user topic to the built-in rules', () => {
    const cwd = tempDirWith({
      'clausewatch.yaml':
        'significance:\n  rules:\n    - { topic: export-control, patterns: ["\\\\bexport\\\\b"], significance: high }\n',
    });
    const rules = loadConfig({ env: {}, cwd }).significanceRules;
    expect(rules.map((rule) => rule.topic)).toContain('export-control');
    expect(rules.map((rule) => rule.topic)).toContain('training-data');
  });

  it('rejects a new topic without patterns, naming the key', () => {
    const cwd = tempDirWith({ 'clausewatch.yaml': 'significance:\n  rules:\n    - { topic: export-control }\n' });
    expect(loadError(() => loadConfig({ env: {}, cwd })).message).toContain('significance.rules[0].patterns');
  });
});
