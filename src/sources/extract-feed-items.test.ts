import { describe, expect, it } from 'vitest';
import { ExtractError } from '../domain/errors.ts';
import { extractFeedItems, MAX_FEED_ITEMS } from './extract-feed-items.ts';

describe('extractFeedItems', () => {
  it('reads RSS 2.0 items with guid, relative links, dates in UTC and HTML descriptions as text', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>AI</title>
      <item><title>Claude &amp; the terms</title><link>/news/1</link><guid isPermaLink="false">n-1</guid>
      <pubDate>Tue, 10 Jun 2025 12:00:00 +0200</pubDate><description>&lt;p&gt;New &lt;b&gt;usage&lt;/b&gt; policy.&lt;/p&gt;</description></item>
      </channel></rss>`;
    expect(extractFeedItems(xml, 'https://news.example/feed')).toEqual([
      {
        key: 'n-1',
        title: 'Claude & the terms',
        url: 'https://news.example/news/1',
        published: '2025-06-10T10:00:00.000Z',
        summary: 'New usage policy.',
      },
    ]);
  });

  it('reads Atom entries by id and alternate link', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>KI</title>
      <entry><title>Neue Nutzungsbedingungen</title><link rel="self" href="https://x.example/self"/>
      <link rel="alternate" href="https://x.example/artikel"/><id>urn:x:1</id><updated>2025-01-01T08:00:00Z</updated>
      <summary>Kurz gesagt: mehr Regeln.</summary></entry></feed>`;
    expect(extractFeedItems(xml, 'https://x.example/feed')).toEqual([
      {
        key: 'urn:x:1',
        title: 'Neue Nutzungsbedingungen',
        url: 'https://x.example/artikel',
        published: '2025-01-01T08:00:00.000Z',
        summary: 'Kurz gesagt: mehr Regeln.',
      },
    ]);
  });

  it('reads RSS 1.0 (RDF) items, keyed by link when there is no guid', () => {
    const xml = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <item><title>One</title><link>https://r.example/1</link></item></rdf:RDF>`;
    expect(extractFeedItems(xml, 'https://r.example/').map((item) => item.key)).toEqual(['https://r.example/1']);
  });

  it('refuses HTML served as a feed', () => {
    expect(() => extractFeedItems('<html><body>Not a feed</body></html>', 'https://x.example')).toThrow(ExtractError);
  });

  it('caps the number of items', () => {
    const items = Array.from(
      { length: MAX_FEED_ITEMS + 50 },
      (_, i) => `<item><guid>${i}</guid><title>t${i}</title></item>`,
    );
    const xml = `<rss><channel>${items.join('')}</channel></rss>`;
    expect(extractFeedItems(xml, 'https://x.example')).toHaveLength(MAX_FEED_ITEMS);
  });
});
