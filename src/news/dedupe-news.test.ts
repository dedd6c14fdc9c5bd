import { describe, expect, it } from 'vitest';
import type { NewsItem } from '../domain/news.ts';
import { dedupeNewsItems } from './dedupe-news.ts';
import { isSameStory } from './same-story.ts';

const HOUR = 60 * 60 * 1000;

function item(fields: Partial<NewsItem> & Pick<NewsItem, 'source' | 'title'>): NewsItem {
  return {
    key: fields.url ?? fields.title,
    url: '',
    published: null,
    summary: '',
    vendors: [],
    topics: [],
    language: 'en',
    alsoReportedBy: [],
    ...fields,
  };
}

const at = (hours: number): string => new Date(Date.UTC(2025, 7, 1) + hours * HOUR).toISOString();

describe('isSameStory', () => {
  it.each([
    {
      name: 'same canonical URL, different titles',
      a: item({ source: 'a', title: 'OpenAI ships GPT-5', url: 'https://example.com/x', published: at(0) }),
      b: item({ source: 'b', title: 'Totally different words here', url: 'https://example.com/x', published: at(500) }),
      expected: true,
    },
    {
      name: 'near-duplicate titles (punctuation, case, diacritics, stop words)',
      a: item({ source: 'a', title: 'OpenAI launches GPT-5 for developers', published: at(0) }),
      b: item({ source: 'b', title: 'OPENAI LAUNCHES GPT‑5 — for the developers!', published: at(5) }),
      expected: true,
    },
    {
      name: 'German diacritics folded',
      a: item({ source: 'a', title: 'Übernahme: Nvidia kauft KI-Startup für Milliarden', published: at(0) }),
      b: item({ source: 'b', title: 'Ubernahme - Nvidia kauft KI Startup fur Milliarden', published: at(1) }),
      expected: true,
    },
    {
      name: 'one title inside a longer one',
      a: item({ source: 'a', title: 'Anthropic releases Claude Opus 4.1 to all users', published: at(0) }),
      b: item({
        source: 'b',
        title: 'Breaking: Anthropic releases Claude Opus 4.1 to all users, beating rivals on coding',
        published: at(2),
      }),
      expected: true,
    },
    {
      name: 'near-duplicate titles outside the window',
      a: item({ source: 'a', title: 'OpenAI launches GPT-5 for developers', published: at(0) }),
      b: item({ source: 'b', title: 'OpenAI launches GPT-5 for developers', published: at(49) }),
      expected: false,
    },
    {
      name: 'missing date counts as within the window',
      a: item({ source: 'a', title: 'OpenAI launches GPT-5 for developers', published: at(0) }),
      b: item({ source: 'b', title: 'OpenAI launches GPT-5 for developers', published: null }),
      expected: true,
    },
    {
      name: 'one word changes the story',
      a: item({ source: 'a', title: 'OpenAI raises prices for ChatGPT Plus', published: at(0) }),
      b: item({ source: 'b', title: 'OpenAI cuts prices for ChatGPT Plus', published: at(1) }),
      expected: false,
    },
    {
      name: 'different version numbers in long, otherwise equal titles',
      a: item({
        source: 'a',
        title: 'OpenAI launches GPT-5 model for developers in Europe and Asia today',
        published: at(0),
      }),
      b: item({
        source: 'b',
        title: 'OpenAI launches GPT-4 model for developers in Europe and Asia today',
        published: at(1),
      }),
      expected: false,
    },
    {
      name: 'short titles only match by URL',
      a: item({ source: 'a', title: 'Weekly roundup', url: 'https://a.example/1', published: at(0) }),
      b: item({ source: 'b', title: 'Weekly roundup', url: 'https://b.example/2', published: at(1) }),
      expected: false,
    },
    {
      name: 'a short title inside a long one is not enough',
      a: item({ source: 'a', title: 'Claude gets memory', published: at(0) }),
      b: item({
        source: 'b',
        title: 'Claude gets memory, projects and a new pricing model for teams',
        published: at(1),
      }),
      expected: false,
    },
  ])('$name', ({ a, b, expected }) => {
    expect(isSameStory(a, b, 48 * HOUR)).toBe(expected);
    expect(isSameStory(b, a, 48 * HOUR)).toBe(expected);
  });
});

describe('dedupeNewsItems', () => {
  it('keeps the first item of a story within one feed', () => {
    const items = [
      item({ source: 'heise', key: 'g1', title: 'Google stellt Gemini 3 vor', url: 'https://heise.de/1' }),
      item({ source: 'heise', key: 'g2', title: 'Ganz andere Nachricht über Apple', url: 'https://heise.de/2' }),
      item({ source: 'heise', key: 'g1', title: 'Google stellt Gemini 3 vor (Update)', url: 'https://heise.de/1-upd' }),
    ];
    const deduped = dedupeNewsItems(items);
    expect(deduped.map((story) => story.key)).toEqual(['g1', 'g2']);
    expect(deduped[0]?.alsoReportedBy).toEqual([]);
  });

  it('merges a story across feeds, first seen wins, others in alsoReportedBy', () => {
    const items = [
      item({
        source: 'verge',
        title: 'OpenAI launches GPT-5 for developers',
        url: 'https://verge.example/gpt5',
        published: at(0),
      }),
      item({
        source: 'techcrunch',
        title: 'Unrelated: Apple ships Siri update',
        url: 'https://tc.example/siri',
        published: at(0),
      }),
      item({
        source: 'techcrunch',
        title: 'OpenAI launches GPT-5 for developers',
        url: 'https://tc.example/gpt5',
        published: at(3),
      }),
      item({ source: 'heise', title: 'Something else', url: 'https://verge.example/gpt5', published: at(4) }),
      item({
        source: 'verge',
        title: 'OpenAI launches GPT-5 for all developers',
        url: 'https://verge.example/gpt5-2',
        published: at(5),
      }),
      item({
        source: 'golem',
        title: 'OpenAI launches GPT-5 for developers',
        url: 'https://golem.example/gpt5',
        published: at(80),
      }),
    ];
    const deduped = dedupeNewsItems(items);
    expect(deduped.map((story) => [story.source, story.url, story.alsoReportedBy])).toEqual([
      ['verge', 'https://verge.example/gpt5', ['techcrunch', 'heise']],
      ['techcrunch', 'https://tc.example/siri', []],
      ['golem', 'https://golem.example/gpt5', []],
    ]);
  });

  it('follows a duplicate’s URL: a later item with it joins the same story', () => {
    const items = [
      item({ source: 'a', title: 'Mistral AI raises 600 million euros', url: 'https://a.example/1', published: at(0) }),
      item({ source: 'b', title: 'Mistral AI raises 600 million euros', url: 'https://b.example/9', published: at(1) }),
      item({ source: 'c', title: 'Completely different headline', url: 'https://b.example/9', published: at(2) }),
    ];
    expect(dedupeNewsItems(items).map((story) => story.alsoReportedBy)).toEqual([['b', 'c']]);
  });

  it('carries over the duplicates’ own alsoReportedBy, unique and without the winner’s source', () => {
    const items = [
      item({
        source: 'a',
        title: 'Meta unveils Llama 5 open weights',
        url: 'https://x.example/1',
        alsoReportedBy: ['z'],
      }),
      item({ source: 'b', title: 'x', url: 'https://x.example/1', alsoReportedBy: ['a', 'z', 'y'] }),
      item({ source: 'b', title: 'y', url: 'https://x.example/1' }),
    ];
    expect(dedupeNewsItems(items)[0]?.alsoReportedBy).toEqual(['z', 'b', 'y']);
  });

  it('honours the window option', () => {
    const items = [
      item({ source: 'a', title: 'Perplexity buys a browser company today', published: at(0) }),
      item({ source: 'b', title: 'Perplexity buys a browser company today', published: at(10) }),
    ];
    expect(dedupeNewsItems(items)).toHaveLength(1);
    expect(dedupeNewsItems(items, { windowMs: 5 * HOUR })).toHaveLength(2);
  });

  it('leaves unique items untouched and in order', () => {
    const items = [
      item({ source: 'a', title: 'First story about Google', url: 'https://e.example/1' }),
      item({ source: 'a', title: 'Second story about Amazon', url: 'https://e.example/2' }),
    ];
    const deduped = dedupeNewsItems(items);
    expect(deduped).toEqual(items);
    expect(deduped[0]).toBe(items[0]);
  });

  it('dedupes 10,000 items well under a second', () => {
    const vendors = ['OpenAI', 'Anthropic', 'Google', 'Meta', 'Mistral', 'xAI', 'Amazon', 'Microsoft'];
    const verbs = ['launches', 'updates', 'prices', 'opens', 'limits', 'explains', 'tests', 'ships'];
    const items: NewsItem[] = [];
    for (let index = 0; index < 10_000; index++) {
      const story = index % 5_000; // every story twice, from two sources
      const vendor = vendors[story % vendors.length] ?? '';
      const verb = verbs[Math.floor(story / vendors.length) % verbs.length] ?? '';
      items.push(
        item({
          source: index < 5_000 ? 'one' : 'two',
          title: `${vendor} ${verb} feature ${story} for developers in region ${story % 97}`,
          url: `https://${index < 5_000 ? 'one' : 'two'}.example/${story}`,
          published: at(story / 100),
        }),
      );
    }
    const started = performance.now();
    const deduped = dedupeNewsItems(items);
    const elapsed = performance.now() - started;
    expect(deduped).toHaveLength(5_000);
    expect(deduped.every((story) => story.alsoReportedBy.length === 1 && story.alsoReportedBy[0] === 'two')).toBe(true);
    expect(elapsed).toBeLessThan(500);
  });
});
