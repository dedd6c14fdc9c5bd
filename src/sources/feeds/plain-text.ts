// HTML fragments from feeds (titles, descriptions, content) to one line of plain text.
//
// Tags are stripped by a small linear scanner, not by building a DOM: a fragment needs no tree, only its text, and
// htmlparser2 keeps its open-element stack with `unshift`, so hostile input nested 40,000 deep costs it ~200 ms per
// field (quadratic), where the scanner stays linear and is several times faster on ordinary descriptions too.
// Entities are then decoded on the tag-free text (html-entities.ts).
import type { AnyNode } from 'domhandler';
import { isWhiteSpace } from '../../news/white-space.ts';
import { decodeEntities, hasReferenceStart } from './html-entities.ts';

/** Elements whose boundaries separate words: `<p>One</p><p>Two</p>` reads "One Two", not "OneTwo". */
const BREAKING = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'img', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'td', 'th', 'tr', 'ul',
]); // prettier-ignore

/** Elements whose content is not prose: skipped up to their end tag. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'iframe', 'object']);

/** How much markup to scan per kept character: enough for markup-heavy content, bounded for hostile input. */
const MARKUP_FACTOR = 4;

/** An entity reference left in text after decoding: the markup was escaped once more than it should be. */
const LEFTOVER_ENTITY = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;

/**
 * Turns an HTML fragment into plain text: tags removed (script and style with their content), entities decoded,
 * whitespace collapsed, at most `maxChars` characters. Feeds often escape once too often (`&amp;amp;`,
 * `&amp;#8217;`), so entity references still present after decoding are decoded once more, as text: a decoded
 * `&lt;b&gt;` stays "<b>" rather than becoming a tag. Strings without `<` or `&` skip all of this.
 */
export function toPlainText(value: string | null | undefined, maxChars: number): string {
  if (value === null || value === undefined || value === '') return '';
  const input = value.length > maxChars * MARKUP_FACTOR ? cutMarkup(value, maxChars * MARKUP_FACTOR) : value;
  let text = input.includes('<') ? stripTags(input) : input;
  text = decodeEntities(text);
  if (hasReferenceStart(text) && LEFTOVER_ENTITY.test(text)) text = decodeEntities(text);
  return truncate(collapseWhitespace(text), maxChars);
}

/**
 * The text of a DOM node (a listing page's headline or teaser), with word breaks at block elements, script and
 * style skipped, whitespace collapsed, at most `maxChars` characters. Iterative: cheerio's own `.text()` recurses
 * and overflows the stack on deeply nested hostile pages.
 */
export function nodeText(root: AnyNode, maxChars: number): string {
  const parts: string[] = [];
  let length = 0;
  const stack: (AnyNode | ' ')[] = [root];
  for (let node = stack.pop(); node !== undefined && length <= maxChars * MARKUP_FACTOR; node = stack.pop()) {
    if (node === ' ') {
      parts.push(' ');
    } else if (node.nodeType === 3) {
      parts.push(node.data);
      length += node.data.length;
    } else if ('children' in node && !('name' in node && SKIPPED.has(node.name))) {
      const breaking = 'name' in node && BREAKING.has(node.name);
      if (breaking) stack.push(' ');
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as AnyNode);
      if (breaking) parts.push(' ');
    }
  }
  return truncate(collapseWhitespace(parts.join('')), maxChars);
}

/** Whitespace other than single spaces: runs, tabs, newlines, no-break spaces. */
const UNTIDY_SPACE = /\s{2,}|[^\S ]/;

/** Collapses runs of whitespace (including no-break spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  // Most titles are tidy already; replacing every single space with a space would cost more than the test.
  return UNTIDY_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** Cuts `text` to `maxChars` without splitting a surrogate pair. */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** Cuts markup to `length` characters, dropping a tag the cut would leave half-open. */
function cutMarkup(html: string, length: number): string {
  const cut = html.slice(0, length);
  const open = cut.lastIndexOf('<');
  return open > cut.lastIndexOf('>') ? cut.slice(0, open) : cut;
}

/** The text a tag scan has kept so far. */
interface Kept {
  text: string;
  /** Whether the text is empty or ends in white space: one word break is enough. */
  endsInSpace: boolean;
  /** The whole input lower-cased, made once and only when a skipped element needs its end tag found. */
  lower: string;
}

/** Removes tags, comments and declarations in one pass; a `<` that starts no tag is text. */
function stripTags(html: string): string {
  const kept: Kept = { text: '', endsInSpace: true, lower: '' };
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open === -1) {
      keep(kept, html.slice(at));
      break;
    }
    if (open > at) keep(kept, html.slice(at, open));
    at = afterMarkup(html, open, kept);
  }
  return kept.text;
}

/** Appends a non-empty piece of text. */
function keep(kept: Kept, text: string): void {
  kept.text += text;
  kept.endsInSpace = isWhiteSpace(text.charCodeAt(text.length - 1));
}

/** Index after the markup starting at `open`; keeps a space for word-breaking tags. */
function afterMarkup(html: string, open: number, kept: Kept): number {
  if (html.startsWith('<!--', open)) return after(html, '-->', open + 4);
  const next = html.charCodeAt(open + 1);
  if (next === 0x21 || next === 0x3f) return after(html, '>', open + 2); // `<!` and `<?`
  // A tag is `<name` or `</name`, the name starting with an ASCII letter (read by hand: a regex match per tag
  // cost more than the rest of the scan).
  const closing = next === 0x2f;
  const nameStart = closing ? open + 2 : open + 1;
  if (!isAsciiLetter(html.charCodeAt(nameStart))) {
    keep(kept, '<');
    return open + 1;
  }
  let nameEnd = nameStart + 1;
  while (nameEnd < html.length && !endsTagName(html.charCodeAt(nameEnd))) nameEnd++;
  const end = tagEnd(html, nameEnd);
  // One-letter names (`p`, `a`, `b`, `i`) are the commonest tags: of them only `p` breaks words, none is skipped.
  if (nameEnd - nameStart === 1) {
    if ((html.charCodeAt(nameStart) | 0x20) === 0x70 && !kept.endsInSpace) keep(kept, ' ');
    return end;
  }
  const name = html.slice(nameStart, nameEnd).toLowerCase();
  if (BREAKING.has(name) && !kept.endsInSpace) keep(kept, ' ');
  if (closing || !SKIPPED.has(name)) return end;
  if (kept.lower === '') kept.lower = html.toLowerCase();
  const close = kept.lower.indexOf(`</${name}`, end);
  return close === -1 ? html.length : after(html, '>', close);
}

function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** White space, `/` or `>`: what ends a tag name. */
function endsTagName(code: number): boolean {
  return code === 0x3e || code === 0x2f || isWhiteSpace(code);
}

/**
 * Index after the `>` closing a tag, `>` inside quoted attribute values not counting. A tag without quotes (most
 * tags) ends at the first `>`; read by hand, as a sticky expression per tag cost more than the few characters.
 */
function tagEnd(html: string, from: number): number {
  for (let index = from; index < html.length; index++) {
    const code = html.charCodeAt(index);
    if (code === 0x3e) return index + 1;
    if (code === 0x22 || code === 0x27) return quotedTagEnd(html, from);
  }
  return html.length;
}

/**
 * `tagEnd` for a tag with a quote: a quote right after `=` (spaces aside) opens a value that hides `>`. The value is
 * skipped with `indexOf` (links in `href` make up most of a description's markup).
 */
function quotedTagEnd(html: string, from: number): number {
  let previous = 0;
  for (let index = from; index < html.length; index++) {
    const code = html.charCodeAt(index);
    if (code === 0x3e) return index + 1;
    if ((code === 0x22 || code === 0x27) && previous === 0x3d) {
      const close = html.indexOf(code === 0x22 ? '"' : "'", index + 1);
      if (close === -1) return html.length;
      index = close;
    }
    if (!isWhiteSpace(code)) previous = code;
  }
  return html.length;
}

function after(text: string, marker: string, from: number): number {
  const index = text.indexOf(marker, from);
  return index === -1 ? text.length : index + marker.length;
}
