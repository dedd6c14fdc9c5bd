import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.ts';
import { trimFeed } from './trim-feed.ts';

const rss = (count: number, extra = ''): string =>
  `<rss version="2.0"><channel><title>T</title>${extra}` +
  Array.from({ length: count }, (_, index) => `<item><title>R${index}</title><guid>r${index}</guid></item>`).join('') +
  '</channel></rss>';
const rdf = (count: number): string =>
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">' +
  '<channel rdf:about="https://rdf.example.com/"><title>T</title><link>https://rdf.example.com/</link>' +
  // The table of contents lists every item: feedsmith reads the items it names, as RSS 1.0 intends.
  `<items><rdf:Seq>${Array.from({ length: count }, (_, index) => `<rdf:li rdf:resource="https://rdf.example.com/${index}"/>`).join('')}</rdf:Seq></items></channel>` +
  Array.from(
    { length: count },
    (_, index) =>
      `<item rdf:about="https://rdf.example.com/${index}"><title>D${index}</title>` +
      `<link>https://rdf.example.com/${index}</link></item>`,
  ).join('') +
  '</rdf:RDF>';
const prefixedAtom = (count: number): string =>
  '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:title>T</atom:title><atom:id>x</atom:id>' +
  Array.from(
    { length: count },
    (_, index) =>
      `<atom:entry><atom:title>A${index}</atom:title><atom:id>a${index}</atom:id>` +
      `<atom:link href="https://atom.example.com/${index}"/></atom:entry>`,
  ).join('') +
  '</atom:feed>';

const parse = (text: string, maxItems: number) =>
  parseFeed({ body: Buffer.from(text), url: 'https://feed.example.com/', maxItems });

describe('trimFeed', () => {
  it('leaves a feed within the cap alone', () => {
    expect(trimFeed(rss(3), 'rss', 'rss', 3)).toBeNull();
  });

  it('cuts RSS 2.0 before the first dropped item and closes channel and root', () => {
    expect(trimFeed(rss(3), 'rss', 'rss', 1)).toEqual({
      text: '<rss version="2.0"><channel><title>T</title><item><title>R0</title><guid>r0</guid></item></channel></rss>',
      total: 3,
    });
  });

  it('counts items exactly when the document has barely more `<` than the cap', () => {
    // Three `<` for a cap of 2: the quick count cannot rule a cut out, the item count decides.
    expect(trimFeed('<item/><item/><item/>', 'rss', 'rss', 2)).toEqual({ text: '<item/><item/></rss>', total: 3 });
    expect(trimFeed('<rss><item/><item/>', 'rss', 'rss', 2)).toBeNull();
    expect(trimFeed('<item/><item/>', 'rss', 'rss', 2)).toBeNull();
    expect(trimFeed('<item/>', 'rss', 'rss', 0)).toEqual({ text: '</rss>', total: 1 });
  });

  it('does not count RSS 1.0 <items> as an item', () => {
    expect(trimFeed(rdf(2), 'rdf', 'rdf:RDF', 2)).toBeNull();
  });
});

describe('parseFeed on trimmed feeds', () => {
  it.each([
    { name: 'RSS 2.0', text: rss(40), ids: ['r0', 'r1', 'r2'] },
    {
      name: 'RSS 1.0',
      text: rdf(40),
      ids: ['https://rdf.example.com/0', 'https://rdf.example.com/1', 'https://rdf.example.com/2'],
    },
    { name: 'prefixed Atom', text: prefixedAtom(40), ids: ['a0', 'a1', 'a2'] },
  ])('$name: first items kept, the rest counted', ({ text, ids }) => {
    const feed = parse(text, 3);
    expect(feed.items.map((item) => item.id)).toEqual(ids);
    expect(feed.truncated).toBe(37);
  });

  it('parses the whole document when the cut lands inside CDATA', () => {
    const tricky = rss(5).replace(
      '<title>R0</title>',
      '<title>R0</title><description><![CDATA[<item>x</item>]]></description>',
    );
    const feed = parse(tricky, 1);
    expect(feed.items.map((item) => item.id)).toEqual(['r0']);
    expect(feed.items[0]?.summary).toBe('x');
    expect(feed.truncated).toBe(4);
  });
});
