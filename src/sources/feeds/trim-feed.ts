// Cutting an oversized XML feed down to its first items before the parser sees it. fast-xml-parser (inside feedsmith)
// reads about 5–10 MB/s, so a feed of 10,000 items would cost most of a second to parse and then be mostly thrown
// away; cut after the kept items it costs a few milliseconds. Counting the item start tags is a linear regex scan.

/** An item or entry start tag, with an optional namespace prefix; `<items>` (RSS 1.0's table of contents) is not. */
const ITEM_START: Readonly<Record<'rss' | 'rdf' | 'atom', RegExp>> = {
  rss: /<(?:[A-Za-z][\w.-]*:)?item[\s>/]/gi,
  rdf: /<(?:[A-Za-z][\w.-]*:)?item[\s>/]/gi,
  atom: /<(?:[A-Za-z][\w.-]*:)?entry[\s>/]/gi,
};

/** A feed cut after `maxItems` items, and how many items the whole document has. */
export interface TrimmedFeed {
  readonly text: string;
  readonly total: number;
}

/**
 * Returns the document cut just before item number `maxItems + 1`, closed with the end tags of the elements open
 * there (RSS 2.0's `<channel>`, the root), or null when it carries no more than `maxItems` items. The count is of
 * start tags in the raw text, so an `<item>` inside a CDATA section would count too; the caller parses the full
 * document when the cut one does not parse.
 */
export function trimFeed(
  text: string,
  format: 'rss' | 'rdf' | 'atom',
  rootName: string,
  maxItems: number,
): TrimmedFeed | null {
  // Each item start tag opens with `<`: a document with no more than `maxItems` of them has nothing to cut, and
  // counting them costs a fraction of the item expression (most feeds carry a few dozen items).
  if (!hasMoreThan(text, '<', maxItems)) return null;
  const pattern = ITEM_START[format];
  pattern.lastIndex = 0;
  let total = 0;
  let cut = -1;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    total++;
    if (total === maxItems + 1) cut = match.index;
  }
  if (cut === -1) return null;
  const head = text.slice(0, cut);
  const channelOpen = format === 'rss' && head.lastIndexOf('<channel') > head.lastIndexOf('</channel');
  return { text: `${head}${channelOpen ? '</channel>' : ''}</${rootName}>`, total };
}

/** Whether `text` contains `char` more than `count` times; stops counting once it does. */
function hasMoreThan(text: string, char: string, count: number): boolean {
  let seen = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) {
    if (++seen > count) return true;
  }
  return false;
}
