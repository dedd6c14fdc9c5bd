// HTML fragments from feeds (titles, descriptions, content) to one line of plain text.
// `cheerio/slim` parses with htmlparser2 only: several times faster than parse5 on the small fragments feeds carry,
// and a fragment needs no browser-exact tree, only its text.
import { load } from 'cheerio/slim';
import type { AnyNode } from 'domhandler';

/** Elements whose boundaries separate words: `<p>One</p><p>Two</p>` reads "One Two", not "OneTwo". */
const BREAKING = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'img', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'td', 'th', 'tr', 'ul',
]); // prettier-ignore

/** Elements whose text is not prose. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'iframe', 'object']);

/** How much markup to parse per kept character: enough for markup-heavy content, bounded for hostile input. */
const MARKUP_FACTOR = 10;

/** An entity reference left in text after the HTML pass: the markup was escaped once more than it should be. */
const LEFTOVER_ENTITY = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;

/**
 * Turns an HTML fragment into plain text: tags removed, entities decoded, whitespace collapsed, at most `maxChars`
 * characters. Feeds often escape once too often (`&amp;amp;`, `&amp;#8217;`), so entity references still present
 * after the HTML pass are decoded once more, as text: a decoded `&lt;b&gt;` stays "<b>" rather than becoming a tag.
 * Strings without `<` or `&` skip the HTML parser.
 */
export function toPlainText(value: string | null | undefined, maxChars: number): string {
  if (value === null || value === undefined || value === '') return '';
  const input = value.length > maxChars * MARKUP_FACTOR ? value.slice(0, maxChars * MARKUP_FACTOR) : value;
  let text = input.includes('<') || input.includes('&') ? htmlText(input) : input;
  if (LEFTOVER_ENTITY.test(text)) text = htmlText(text.replaceAll('<', '&lt;'));
  return truncate(collapseWhitespace(text), maxChars);
}

/** Collapses runs of whitespace (including no-break spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts `text` to `maxChars` without splitting a surrogate pair. */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

function htmlText(html: string): string {
  const root = load(html, null, false).root()[0];
  return root === undefined ? '' : textOf(root);
}

/** Iterative walk: deeply nested hostile markup must not overflow the stack. */
function textOf(root: AnyNode): string {
  const parts: string[] = [];
  const stack: (AnyNode | ' ')[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node === ' ') {
      parts.push(' ');
    } else if (node.nodeType === 3) {
      parts.push(node.data);
    } else if ('children' in node && !('name' in node && SKIPPED.has(node.name))) {
      const breaking = 'name' in node && BREAKING.has(node.name);
      if (breaking) stack.push(' ');
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as AnyNode);
      if (breaking) parts.push(' ');
    }
  }
  return parts.join('');
}
