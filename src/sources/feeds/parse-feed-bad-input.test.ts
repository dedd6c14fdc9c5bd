import { describe, expect, it } from 'vitest';
import { ExtractError } from '../../domain/errors.ts';
import { parseFeed, type ParseFeedInput } from './parse-feed.ts';

const URL = 'https://bad.example.com/feed';
const parse = (body: string | Buffer, options: Partial<ParseFeedInput> = {}) =>
  parseFeed({ body: typeof body === 'string' ? Buffer.from(body) : body, url: URL, ...options });

/** The ExtractError `parse` throws, for asserting code and message together. */
const failure = (body: string | Buffer, options: Partial<ParseFeedInput> = {}): { code: string; message: string } => {
  try {
    parse(body, options);
  } catch (error) {
    if (error instanceof ExtractError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an ExtractError');
};

const rssWith = (channel: string): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel>${channel}</channel></rss>`;
const rssItems = (count: number): string =>
  rssWith(
    '<title>Many</title>' +
      Array.from(
        { length: count },
        (_, index) =>
          `<item><title>Item ${index} &amp; more</title><link>https://bad.example.com/${index}</link>` +
          `<guid>g${index}</guid><pubDate>Wed, 12 Mar 2025 10:00:00 GMT</pubDate>` +
          `<description>&lt;p&gt;Story &lt;b&gt;${index}&lt;/b&gt;&lt;/p&gt;</description></item>`,
      ).join(''),
  );

describe('parseFeed bad input', () => {
  it.each([
    {
      name: 'mismatched end tag',
      body: rssWith('<title>x</title><item><title>a</titel></item>'),
      expected: { code: 'feed_malformed', message: `malformed RSS feed ${URL}: Unexpected end of title` },
    },
    {
      name: 'unclosed CDATA',
      body: rssWith('<title>x</title><item><title><![CDATA[a</title></item>'),
      expected: { code: 'feed_malformed', message: `malformed RSS feed ${URL}: StopNode is not closed.` },
    },
    {
      name: 'an RSS root without a channel',
      body: '<rss version="2.0"></rss>',
      expected: { code: 'feed_malformed', message: `malformed RSS feed (no channel or entries) in ${URL}` },
    },
    {
      name: 'an external entity',
      body: `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>${rssWith('<title>&x;</title>')}`,
      expected: { code: 'feed_malformed', message: `malformed RSS feed ${URL}: External entities are not supported` },
    },
    {
      name: 'an HTML page',
      body: '<!DOCTYPE html><html><head><title>News</title></head><body><a href="/rss">RSS</a></body></html>',
      expected: { code: 'not_a_feed', message: `got an HTML page, not a feed: ${URL}` },
    },
    {
      name: 'an HTML page without DOCTYPE, served as XML',
      body: '\n<html lang="en"><body><p>rss feed</p></body></html>',
      expected: { code: 'not_a_feed', message: `got an HTML page, not a feed: ${URL}` },
    },
    {
      name: 'a sitemap',
      body: '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url/></urlset>',
      expected: {
        code: 'not_a_feed',
        message: `not a feed: root element <urlset> is not <rss>, <feed> or <rdf:RDF> (${URL})`,
      },
    },
    {
      name: 'plain text',
      body: 'Service temporarily unavailable',
      expected: { code: 'not_a_feed', message: `not a feed: neither XML nor JSON (${URL})` },
    },
    {
      name: 'truncated JSON',
      body: '{"version":"https://jsonfeed.org/version/1.1","items":[',
      expected: { code: 'feed_malformed', message: `malformed JSON in feed ${URL}: Unexpected end of JSON input` },
    },
    {
      name: 'JSON that is no JSON Feed',
      body: '{"data":[{"title":"x"}]}',
      expected: { code: 'not_a_feed', message: `not a feed: JSON without a jsonfeed.org "version" (${URL})` },
    },
    { name: 'an empty body', body: '', expected: { code: 'empty_document', message: `feed is empty: ${URL}` } },
    { name: 'whitespace only', body: ' \n\t ', expected: { code: 'empty_document', message: `feed is empty: ${URL}` } },
  ])('$name', ({ body, expected }) => {
    expect(failure(body)).toEqual(expected);
  });

  it('JSON served as application/json that is not JSON is malformed', () => {
    expect(failure('nope', { contentType: 'application/json' }).code).toBe('feed_malformed');
  });

  it('binary garbage is not a feed', () => {
    const garbage = Buffer.from(Array.from({ length: 5_000 }, (_, index) => (index * 7_919 + 13) % 256));
    expect(failure(garbage).code).toBe('not_a_feed');
  });

  it('refuses a 50 MB body before decoding it', () => {
    const body = Buffer.alloc(50 * 1024 * 1024, 0x20);
    const started = performance.now();
    expect(failure(body)).toEqual({
      code: 'too_large',
      message: `feed too large: ${body.length} bytes, limit ${10 * 1024 * 1024} (${URL})`,
    });
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('honours a smaller maxBytes', () => {
    expect(failure(rssItems(5), { maxBytes: 100 }).code).toBe('too_large');
  });

  it('keeps 500 of 10,000 items, counts the rest, and stays well under a second', () => {
    const body = Buffer.from(rssItems(10_000));
    parse(rssItems(50)); // warm the parser's code paths: the bound is on the work, not on the JIT
    const started = performance.now();
    const feed = parse(body);
    const elapsed = performance.now() - started;
    expect(feed.items).toHaveLength(500);
    expect(feed.truncated).toBe(9_500);
    expect(feed.items[499]).toEqual({
      id: 'g499',
      title: 'Item 499 & more',
      url: 'https://bad.example.com/499',
      published: '2025-03-12T10:00:00.000Z',
      summary: 'Story 499',
      content: '',
    });
    expect(elapsed).toBeLessThan(1_000);
  });

  it('honours maxItems', () => {
    const feed = parse(rssItems(30), { maxItems: 10 });
    expect(feed.items.map((item) => item.id)).toEqual(['g0', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9']);
    expect(feed.truncated).toBe(20);
  });

  it('does not expand a "billion laughs" entity bomb: references stay literal, fast and small', () => {
    const levels = Array.from(
      { length: 9 },
      (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level === 0 ? '' : level};`.repeat(10)}">`,
    ).join('');
    const body = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">${levels}]>${rssWith(
      '<title>&lol9;</title><item><title>&lol9; bomb</title><link>https://bad.example.com/x</link>' +
        '<description>&lol9;</description></item>',
    )}`;
    const started = performance.now();
    const feed = parse(body);
    expect(performance.now() - started).toBeLessThan(500);
    expect(feed).toEqual({
      format: 'rss',
      title: '&lol9;',
      truncated: 0,
      items: [
        {
          id: null,
          title: '&lol9; bomb',
          url: 'https://bad.example.com/x',
          published: null,
          summary: '&lol9;',
          content: '',
        },
      ],
    });
  });

  it('does not expand one large entity referenced many times (quadratic blowup)', () => {
    const body = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "${'a'.repeat(100_000)}">]>${rssWith(
      `<title>t</title><item><title>${'&a;'.repeat(20_000)}</title><link>https://bad.example.com/q</link></item>`,
    )}`;
    const started = performance.now();
    const title = parse(body).items[0]?.title ?? '';
    expect(performance.now() - started).toBeLessThan(500);
    expect(title.startsWith('&a;&a;')).toBe(true);
    expect(title.length).toBe(1_000);
  });

  it('deeply nested XML is refused by the parser, not the stack', () => {
    expect(failure(rssWith(`<title>x</title>${'<x>'.repeat(200_000)}`))).toEqual({
      code: 'feed_malformed',
      message: `malformed RSS feed ${URL}: Maximum nested tags exceeded`,
    });
  });

  it('deeply nested HTML in descriptions stays linear', () => {
    // 18,000 open elements per field: a DOM parser with an unshift-based stack takes ~50 ms for each.
    const deep = `${'<b><div>'.repeat(9_000)}deep text`;
    const items = Array.from(
      { length: 30 },
      (_, index) =>
        `<item><title>t</title><link>https://bad.example.com/${index}</link>` +
        `<description><![CDATA[${deep}]]></description><content:encoded><![CDATA[${deep}]]></content:encoded></item>`,
    );
    const body = rssWith(`<title>x</title>${items.join('')}`);
    const started = performance.now();
    const feed = parse(body);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(feed.items).toHaveLength(30);
    expect(feed.items[29]).toMatchObject({ summary: 'deep text', content: 'deep text' });
  });
});
