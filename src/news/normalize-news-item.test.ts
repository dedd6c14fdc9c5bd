import { describe, expect, it } from 'vitest';
import { defaultNewsDictionaries } from './dictionaries.ts';
import { normalizeNewsItem, type NormalizeContext } from './normalize-news-item.ts';
import type { RawNewsItem } from './types.ts';

const context: NormalizeContext = { source: 'example/news', dictionaries: defaultNewsDictionaries };

function raw(fields: Partial<RawNewsItem>): RawNewsItem {
  return { id: null, title: '', url: null, published: null, summary: '', content: '', ...fields };
}

describe('normalizeNewsItem', () => {
  it('makes a clean, tagged item', () => {
    const item = normalizeNewsItem(
      raw({
        id: 'guid-1',
        title: '  Anthropic  cuts off   OpenAI’s access to Claude ',
        url: 'http://www.example.com/2025/08/anthropic-openai/?utm_source=rss&utm_medium=feed#comments',
        published: '2025-08-02T10:00:00.000Z',
        summary:
          'By Jane Doe | Anthropic has revoked OpenAI’s API access to its Claude models, the company said on Friday. ' +
          'OpenAI had been using Claude Code ahead of the GPT-5 launch, which Anthropic says violates its terms of service. ' +
          'The post Anthropic cuts off OpenAI appeared first on Example.',
      }),
      context,
    );
    expect(item).toEqual({
      source: 'example/news',
      key: 'guid-1',
      title: 'Anthropic cuts off OpenAI’s access to Claude',
      url: 'https://example.com/2025/08/anthropic-openai',
      published: '2025-08-02T10:00:00.000Z',
      summary:
        'Anthropic has revoked OpenAI’s API access to its Claude models, the company said on Friday. OpenAI had been using Claude Code ahead of the GPT-5 launch, which Anthropic says violates its terms of service.',
      vendors: ['anthropic', 'openai'],
      topics: ['access', 'model-release', 'terms-and-policy'],
      language: 'en',
      alsoReportedBy: [],
    });
  });

  it('is null without title and URL', () => {
    expect(normalizeNewsItem(raw({ summary: 'Text only.' }), context)).toBeNull();
    expect(normalizeNewsItem(raw({ title: '  ', url: ' ' }), context)).toBeNull();
  });

  it.each([
    {
      name: 'feed id',
      fields: { id: ' tag:example,2025:1 ', url: 'https://example.com/a', title: 'T' },
      key: 'tag:example,2025:1',
    },
    {
      name: 'canonical URL without id',
      fields: { url: 'https://www.example.com/a?utm_source=x', title: 'T' },
      key: 'https://example.com/a',
    },
    { name: 'title without id and URL', fields: { title: 'Only a title' }, key: 'Only a title' },
    { name: 'empty id', fields: { id: '', url: 'https://example.com/b', title: 'T' }, key: 'https://example.com/b' },
  ])('key: $name', ({ fields, key }) => {
    expect(normalizeNewsItem(raw(fields), context)?.key).toBe(key);
  });

  it('summarises the content when the description only repeats the title', () => {
    const item = normalizeNewsItem(
      raw({
        title: 'Mistral stellt neues Modell vor',
        summary: 'Mistral stellt neues Modell vor',
        content:
          'Das französische Start-up Mistral AI hat ein neues Sprachmodell vorgestellt. Es ist z. B. für Code gedacht.',
      }),
      context,
    );
    expect(item?.summary).toBe(
      'Das französische Start-up Mistral AI hat ein neues Sprachmodell vorgestellt. Es ist z. B. für Code gedacht.',
    );
    expect(item?.language).toBe('de');
    expect(item?.vendors).toEqual(['mistral']);
    expect(item?.topics).toEqual(['model-release']);
  });

  it('falls back to the default language, then to null', () => {
    expect(normalizeNewsItem(raw({ title: 'GPT-5' }), { ...context, defaultLanguage: 'de' })?.language).toBe('de');
    expect(normalizeNewsItem(raw({ title: 'GPT-5' }), context)?.language).toBeNull();
  });

  it('tags from the start of the content, not from its far end', () => {
    const item = normalizeNewsItem(
      raw({
        title: 'Weekly roundup',
        content: `Google ships Gemini updates. ${'Nothing else happened. '.repeat(200)} Meanwhile xAI sued someone.`,
      }),
      context,
    );
    expect(item?.vendors).toEqual(['google']);
    expect(item?.topics).toEqual([]);
  });

  it('never tags a word stub left by the length bound', () => {
    const summary = `${'a '.repeat(748)}Metadata matters.`;
    expect(normalizeNewsItem(raw({ title: 'Notes', summary }), context)?.vendors).toEqual([]);
  });

  it('keeps a missing date and an unusual URL as they are', () => {
    const item = normalizeNewsItem(raw({ title: 'Note', url: '/relative/path' }), context);
    expect(item?.published).toBeNull();
    expect(item?.url).toBe('/relative/path');
  });
});
