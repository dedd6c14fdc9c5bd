import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedFeed } from '../../news/types.ts';
import { parseFeed } from './parse-feed.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/feeds');
const fixture = (name: string): Buffer => readFileSync(path.join(fixtures, name));

const item = (fields: Partial<ParsedFeed['items'][number]>): ParsedFeed['items'][number] => ({
  id: null,
  title: '',
  url: null,
  published: null,
  summary: '',
  content: '',
  ...fields,
});

describe('parseFeed dialects', () => {
  it('RSS 2.0: guid, relative link, entities, HTML and dates; items without title and link skipped', () => {
    expect(parseFeed({ body: fixture('rss2.xml'), url: 'https://wire.example.com/feed.xml' })).toEqual({
      format: 'rss',
      title: 'Example AI Wire & Friends',
      truncated: 0,
      items: [
        item({
          id: 'wire-1001',
          title: 'Vendor A updates its usage policy – what changes',
          url: 'https://wire.example.com/2025/03/usage-policy?utm_source=rss',
          published: '2025-03-12T10:00:00.000Z',
          summary: 'The new policy takes effect in April. Tom & Jerry approve.',
          content: 'Full text: the policy now covers agents. One Two',
        }),
        item({
          id: 'https://wire.example.com/?p=1002',
          title: 'Model B released: faster & cheaper',
          url: 'https://wire.example.com/2025/03/model-b',
          published: '2025-03-11T17:30:00.000Z',
          summary: 'Plain description with an entity: café and ’quotes’.',
        }),
        item({
          id: 'https://wire.example.com/2025/03/guid-link',
          title: 'Permalink guid only',
          url: 'https://wire.example.com/2025/03/guid-link',
          published: '2025-03-10T06:00:00.000Z',
        }),
        item({ title: 'Undated item with a bad date', url: 'https://wire.example.com/2025/03/undated' }),
      ],
    });
  });

  it('RSS 0.91 with the Netscape DOCTYPE: links relative to the feed URL', () => {
    expect(parseFeed({ body: fixture('rss091.xml'), url: 'http://digest.example.org/rss.xml' })).toEqual({
      format: 'rss',
      title: 'Old School AI Digest',
      truncated: 0,
      items: [
        item({
          title: 'Lab C opens its API waitlist',
          url: 'http://digest.example.org/news/api-waitlist.html',
          summary: 'Waitlist opens "soon".',
        }),
        item({ title: 'Relative link item', url: 'http://digest.example.org/news/relative.html' }),
      ],
    });
  });

  it('RSS 0.92', () => {
    expect(parseFeed({ body: fixture('rss092.xml'), url: 'https://notes.example.net/rss' })).toEqual({
      format: 'rss',
      title: 'AI Notes 0.92',
      truncated: 0,
      items: [
        item({
          title: 'Notes on model cards',
          url: 'https://notes.example.net/model-cards',
          summary: 'Read the notes.',
        }),
      ],
    });
  });

  it('RSS 1.0 (RDF): rdf:about as id and fallback link, dc:date', () => {
    expect(parseFeed({ body: fixture('rdf.xml'), url: 'https://rdf.example.com/index.rdf' })).toEqual({
      format: 'rdf',
      title: 'RDF Research Briefs',
      truncated: 0,
      items: [
        item({
          id: 'https://rdf.example.com/briefs/1',
          title: 'Safety evaluations for agents',
          url: 'https://rdf.example.com/briefs/1',
          published: '2025-03-09T12:00:00.000Z',
          summary: 'A short brief.',
          content: 'The long brief.',
        }),
        item({
          id: 'https://rdf.example.com/briefs/2',
          title: 'Second brief',
          url: 'https://rdf.example.com/briefs/2',
          published: '2025-03-08T00:00:00.000Z',
        }),
      ],
    });
  });

  it('Atom 1.0: xml:base on feed and entry, html and xhtml titles, alternate link, out-of-line content skipped', () => {
    expect(parseFeed({ body: fixture('atom-xmlbase.xml'), url: 'https://atom.example.com/feed' })).toEqual({
      format: 'atom',
      title: 'Atom Lab Notes',
      truncated: 0,
      items: [
        item({
          id: 'tag:atom.example.com,2025:terms',
          title: 'Terms updated for teams & enterprises',
          url: 'https://atom.example.com/blog/2025/terms-update.html',
          published: '2025-03-12T09:00:00.000Z',
          summary: 'Data retention shortened.',
          content: 'Details Retention is now 30 days.',
        }),
        item({
          id: 'tag:atom.example.com,2025:pricing',
          title: 'Pricing & limits: new tiers',
          url: 'https://atom.example.com/pricing/tiers',
          published: '2025-03-11T14:00:00.000Z',
          summary: 'Plain text summary',
        }),
        item({
          id: 'https://atom.example.com/blog/id-as-link',
          title: 'Entry whose id is its link',
          url: 'https://atom.example.com/blog/id-as-link',
        }),
      ],
    });
  });

  it('JSON Feed 1.1: relative url, external_url fallback, content_html and content_text', () => {
    const body = fixture('json-feed.json');
    expect(
      parseFeed({ body, url: 'https://json.example.com/feed.json', contentType: 'application/feed+json' }),
    ).toEqual({
      format: 'json',
      title: 'JSON AI Roundup',
      truncated: 0,
      items: [
        item({
          id: 'jf-1',
          title: 'Assistant D & friends launch',
          url: 'https://json.example.com/posts/assistant-release',
          published: '2025-03-12T08:00:00.000Z',
          summary: 'A short summary.',
          content: 'Launch details here.',
        }),
        item({
          id: 'jf-2',
          title: 'Linked elsewhere',
          url: 'https://elsewhere.example.org/story',
          published: '2025-03-11T08:00:00.000Z',
          content: 'Plain text content.',
        }),
      ],
    });
  });

  it('JSON Feed 1.0 without a content type, numeric id', () => {
    expect(parseFeed({ body: fixture('json-feed-v1.json'), url: 'https://v1.example.com/feed.json' })).toEqual({
      format: 'json',
      title: 'JSON Feed One',
      truncated: 0,
      items: [
        item({
          id: '42',
          title: 'Numeric id',
          url: 'https://v1.example.com/a',
          published: '2025-03-01T00:00:00.000Z',
          content: 'Text',
        }),
      ],
    });
  });

  it('JSON Feed served as text/html is still read by its leading brace', () => {
    const feed = parseFeed({
      body: fixture('json-feed-v1.json'),
      url: 'https://v1.example.com/',
      contentType: 'text/html',
    });
    expect(feed.format).toBe('json');
  });
});

describe('parseFeed text and links', () => {
  const rss = (itemXml: string): string =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>${itemXml}</item></channel></rss>`;
  const only = (itemXml: string, url = 'https://feed.example.com/rss'): ParsedFeed['items'][number] | undefined =>
    parseFeed({ body: Buffer.from(rss(itemXml)), url }).items[0];

  it.each([
    { name: 'double-escaped ampersand', xml: '<title>Q&amp;amp;A</title>', title: 'Q&A' },
    { name: 'double-escaped numeric entity', xml: '<title>It&amp;#8217;s here</title>', title: 'It’s here' },
    { name: 'escaped tags', xml: '<title>&lt;b&gt;Bold&lt;/b&gt; move</title>', title: 'Bold move' },
    { name: 'escaped literal angle brackets', xml: '<title>a &amp;lt;b&amp;gt; c</title>', title: 'a <b> c' },
    { name: 'raw HTML in a CDATA title', xml: '<title><![CDATA[<i>New</i>   model]]></title>', title: 'New model' },
    { name: 'no-break spaces and newlines', xml: '<title>One&#160;two\n\tthree</title>', title: 'One two three' },
    { name: 'bare ampersand', xml: '<title><![CDATA[AT&T & co]]></title>', title: 'AT&T & co' },
  ])('title: $name', ({ xml, title }) => {
    expect(only(`${xml}<link>https://x.example.com/</link>`)?.title).toBe(title);
  });

  it('drops javascript: links and keeps the item by its title', () => {
    expect(only('<title>Bad link</title><link>javascript:alert(1)</link>')).toEqual(
      item({ title: 'Bad link', url: null }),
    );
  });

  it('keeps absolute links when the feed URL is not a URL (a file path from the CLI)', () => {
    const items = parseFeed({
      body: Buffer.from(rss('<title>A</title><link>https://a.example.com/x</link>')),
      url: 'feeds/local.xml',
    }).items;
    expect(items).toEqual([item({ title: 'A', url: 'https://a.example.com/x' })]);
    expect(only('<title>B</title><link>/relative</link>', 'feeds/local.xml')?.url).toBeNull();
  });

  it('bounds summary and content to 20,000 characters', () => {
    const long = 'word '.repeat(10_000);
    const parsed = only(
      `<title>Long</title><description>${long}</description><content:encoded>${long}</content:encoded>`,
    );
    expect(parsed?.summary.length).toBe(20_000);
    expect(parsed?.content.length).toBe(20_000);
  });
});
