import { describe, expect, it } from 'vitest';
import type { SourceDeclaration, SourceHealth } from '../domain/source.ts';
import { toRow } from './sources-command.ts';

const source: SourceDeclaration = {
  id: 'openai/terms-of-use',
  kind: 'terms',
  vendor: 'openai',
  title: 'Terms of Use',
  url: 'https://openai.example/terms',
  select: [],
  remove: [],
};

const health = (overrides: Partial<SourceHealth>): SourceHealth => ({
  sourceId: source.id,
  lastFetchAt: '2026-01-01T00:00:00.000Z',
  lastSuccessAt: '2026-01-01T00:00:00.000Z',
  lastChangeAt: null,
  consecutiveFailures: 0,
  lastError: null,
  lastErrorCode: null,
  etag: null,
  lastModified: null,
  currentVersionId: null,
  needsBrowser: false,
  ...overrides,
});

describe('toRow', () => {
  it('says how healthy a source is', () => {
    expect(toRow(source, undefined, 3).status).toBe('never-checked');
    expect(toRow(source, health({}), 3).status).toBe('ok');
    expect(toRow(source, health({ consecutiveFailures: 1, lastError: 'HTTP 503' }), 3)).toMatchObject({
      status: 'erroring',
      lastError: 'HTTP 503',
    });
    expect(toRow(source, health({ consecutiveFailures: 3 }), 3).status).toBe('failing');
  });

  it('says whether the source is polled through the browser', () => {
    expect(toRow(source, health({}), 3).browser).toBe(false);
    expect(toRow(source, health({ needsBrowser: true }), 3).browser).toBe(true);
    expect(toRow({ ...source, browser: 'always' }, undefined, 3).browser).toBe(true);
    expect(toRow({ ...source, browser: 'never' }, health({ needsBrowser: true }), 3).browser).toBe(false);
    expect(toRow(source, undefined, 3, 'always').browser).toBe(true);
    expect(toRow(source, health({ needsBrowser: true }), 3, 'never').browser).toBe(false);
  });
});
