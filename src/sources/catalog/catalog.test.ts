import { describe, expect, it } from 'vitest';
import { sourceSchema } from '../../config/schema.ts';
import { builtInCatalog } from './index.ts';

describe('built-in catalog', () => {
  it('declares each document once, each valid as a user source would be', () => {
    const ids = builtInCatalog.map((source) => source.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const source of builtInCatalog) {
      const { title: _title, ...declared } = source;
      expect(sourceSchema.safeParse(declared).success, source.id).toBe(true);
    }
  });

  it.each([
    'anthropic/consumer-terms',
    'anthropic/commercial-terms',
    'anthropic/usage-policy',
    'openai/terms-of-use',
    'openai/usage-policies',
    'openai/services-agreement',
    'google/gemini-api-terms',
    'xai/terms-of-service',
    'mistral/terms-of-service',
    'meta/llama-license',
    'meta/llama-acceptable-use-policy',
    'cursor/terms-of-service',
    'windsurf/terms-of-service',
    'github/copilot-terms',
  ])('watches %s with body selectors', (id) => {
    const source = builtInCatalog.find((candidate) => candidate.id === id);
    expect(source?.kind).toBe('terms');
    expect(source?.select.length).toBeGreaterThan(0);
  });

  it('renders the documents public trackers mark as script-only through the browser, and nothing else', () => {
    const always = builtInCatalog.filter((source) => source.browser === 'always').map((source) => source.id);
    expect(always).toEqual(expect.arrayContaining(['openai/terms-of-use', 'cursor/terms-of-service']));
    expect(always).not.toContain('anthropic/commercial-terms');
    expect(builtInCatalog.every((source) => source.browser === undefined || source.browser === 'always')).toBe(true);
    expect(builtInCatalog.filter((source) => source.kind === 'feed').every((feed) => feed.browser === undefined)).toBe(
      true,
    );
  });

  it('has AI news feeds in English and German', () => {
    const feeds = builtInCatalog.filter((source) => source.kind === 'feed');
    expect(feeds.filter((feed) => feed.language === 'en').length).toBeGreaterThanOrEqual(5);
    expect(feeds.filter((feed) => feed.language === 'de').length).toBeGreaterThanOrEqual(3);
  });
});
