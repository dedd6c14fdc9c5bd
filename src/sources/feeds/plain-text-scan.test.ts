// The tag scanner and the entity decoder read by hand what expressions used to match; these tests run both ways on
// random markup and require the same text.
import { describe, expect, it } from 'vitest';
import { randomStrings } from '../../news/test-strings.ts';
import { WINDOWS_1252_C1 } from '../http/charset.ts';
import { decodeEntities, hasReferenceStart } from './html-entities.ts';
import { collapseWhitespace, toPlainText, truncate } from './plain-text.ts';

const BREAKING = new Set(['br', 'p', 'div', 'li', 'img', 'td']);
const SKIPPED = new Set(['script', 'style', 'svg', 'title']);

/** The scanner as it was written with a tag-start expression and a character loop (breaking/skipped subsets). */
function slowStripTags(html: string): string {
  const parts: string[] = [];
  let lower = '';
  const after = (marker: string, from: number): number => {
    const index = html.indexOf(marker, from);
    return index === -1 ? html.length : index + marker.length;
  };
  const tagEnd = (from: number): number => {
    let quote = '';
    let previous = '';
    for (let index = from; index < html.length; index++) {
      const char = html.charAt(index);
      if (quote !== '') {
        if (char === quote) quote = '';
      } else if (char === '>') {
        return index + 1;
      } else if ((char === '"' || char === "'") && previous === '=') {
        quote = char;
      }
      if (char.trim() !== '') previous = char;
    }
    return html.length;
  };
  const tagStart = /<(\/?)([A-Za-z][^\s/>]*)/y;
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open === -1) {
      parts.push(html.slice(at));
      break;
    }
    if (open > at) parts.push(html.slice(at, open));
    if (html.startsWith('<!--', open)) {
      at = after('-->', open + 4);
      continue;
    }
    const next = html.charAt(open + 1);
    if (next === '!' || next === '?') {
      at = after('>', open + 2);
      continue;
    }
    tagStart.lastIndex = open;
    const match = tagStart.exec(html);
    if (match === null) {
      parts.push('<');
      at = open + 1;
      continue;
    }
    at = tagEnd(tagStart.lastIndex);
    const name = (match[2] ?? '').toLowerCase();
    const last = parts.at(-1);
    if (BREAKING.has(name) && !(last === undefined || /\s$/.test(last))) parts.push(' ');
    if (match[1] !== '' || !SKIPPED.has(name)) continue;
    if (lower === '') lower = html.toLowerCase();
    const close = lower.indexOf(`</${name}`, at);
    at = close === -1 ? html.length : after('>', close);
  }
  return parts.join('');
}

/** The decoder as it was written with `replace` and a callback (the common names it needs here). */
function slowDecodeEntities(text: string): string {
  const common = new Map([
    ['amp', '&'],
    ['lt', '<'],
    ['gt', '>'],
    ['quot', '"'],
    ['nbsp', '\u00a0'],
    ['rsquo', '’'],
  ]);
  const seen = { unknown: false };
  const decoded = text.replace(
    /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{0,31}));/g,
    (whole, decimal?: string, hex?: string, name?: string) => {
      if (name === undefined) {
        const code = decimal === undefined ? parseInt(hex ?? '', 16) : Number(decimal);
        if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252_C1.charAt(code - 0x80);
        return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)
          ? '\ufffd'
          : String.fromCodePoint(code);
      }
      // Unknown names send the whole text to the full decoder, in both versions.
      const known = common.get(name);
      if (known === undefined) seen.unknown = true;
      return known ?? whole;
    },
  );
  return seen.unknown ? decodeEntities(text) : decoded;
}

const MARKUP_PIECES = [
  ...['<p>', '</p>', '<br/>', '<BR>', '<li>', '<img src="a.png"/>', '<Div class=a>', '</div >', '<td\n>'],
  ...['<a href="x>y">', "<a title='q>'>", '<a b=" c">', '<a b= "c>">', '<a b="c', '<x =', '<b', '<1>', '</>', '< p>'],
  ...['<!--', '-->', '<!-- c -->', '<!DOCTYPE x>', '<?pi?>', '<script>', '</SCRIPT>', '<style>', '</style', '<svg>'],
  ...['</svg>', '<title>', '</title>', '<', '>', '"', "'", '=', ' ', ' ', '\n', '\t', '\u00a0', '\u3000'],
  ...['&amp;', '&amp;amp;', '&#8217;', '&#x2019;', '&#150;', '&#0;', '&#xD800;', '&lt;b&gt;', '&', '&;', '&rsquo;'],
  ...['&nbsp;', '&quot;', '&bogus;', 'text', 'Wörd', 'İ', 'x', 'y', 'z', '😀'],
];

describe('tag scanner', () => {
  it('keeps the same text as the expression-based scanner on random markup', () => {
    const strip = (html: string): string => toPlainText(html.replaceAll('&', ''), 100_000);
    const slow = (html: string): string =>
      truncate(collapseWhitespace(slowStripTags(html.replaceAll('&', ''))), 100_000);
    for (const html of randomStrings(3000, 30, 5, MARKUP_PIECES)) {
      // Only the subsets of breaking and skipped elements above are generated, so both scanners agree on them.
      expect(strip(html), JSON.stringify(html)).toBe(slow(html));
    }
  });
});

describe('decodeEntities', () => {
  it('decodes as replace with a callback did, on random text with references', () => {
    const pieces = MARKUP_PIECES.filter((piece) => !piece.startsWith('<') || piece === '<');
    for (const text of randomStrings(3000, 20, 9, pieces)) {
      expect(decodeEntities(text), JSON.stringify(text)).toBe(slowDecodeEntities(text));
    }
  });
});

describe('hasReferenceStart', () => {
  it('finds an & before # or an ASCII letter as /&[#A-Za-z]/ does', () => {
    const pieces = ['&', '&', '#', 'a', 'Z', '[', '`', '@', '{', ' ', 'ä', '1', ';', '&amp;', 'x'];
    for (const text of randomStrings(3000, 8, 13, pieces)) {
      expect(hasReferenceStart(text), JSON.stringify(text)).toBe(/&[#A-Za-z]/.test(text));
    }
  });
});
