// Decoding HTML entity references in tag-free text. The references feeds actually use (the XML five, no-break
// space, typographic quotes and dashes, accented letters, numeric references) are decoded here in one regex pass;
// text with any other named reference goes to cheerio, whose htmlparser2 knows the full HTML5 table. Building a
// cheerio document for every "&amp;" cost more than the rest of the clean-up together.
import { load } from 'cheerio/slim';

import { WINDOWS_1252_C1 } from '../http/charset.ts';

const COMMON: ReadonlyMap<string, string> = new Map(
  Object.entries({
    amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', thinsp: '\u2009',
    ensp: '\u2002', emsp: '\u2003', zwnj: '\u200c', zwj: '\u200d', ndash: '–', mdash: '—', hellip: '…',
    lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»',
    lsaquo: '‹', rsaquo: '›', bull: '•', middot: '·', euro: '€', pound: '£', yen: '¥', cent: '¢', copy: '©',
    reg: '®', trade: '™', deg: '°', sect: '§', para: '¶', plusmn: '±', times: '×', divide: '÷', micro: 'µ',
    frac12: '½', frac14: '¼', frac34: '¾', sup2: '²', sup3: '³', auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä',
    Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', eacute: 'é', Eacute: 'É', egrave: 'è', Egrave: 'È', ecirc: 'ê', euml: 'ë',
    aacute: 'á', agrave: 'à', acirc: 'â', aring: 'å', aelig: 'æ', AElig: 'Æ', ccedil: 'ç', Ccedil: 'Ç',
    iacute: 'í', igrave: 'ì', icirc: 'î', iuml: 'ï', ntilde: 'ñ', oacute: 'ó', ograve: 'ò', ocirc: 'ô',
    oslash: 'ø', Oslash: 'Ø', uacute: 'ú', ugrave: 'ù', ucirc: 'û', yacute: 'ý',
  }),
); // prettier-ignore

/** Semicolon-terminated references; bare ones ("&amp " in sloppy HTML) are left to the full decoder's rules. */
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{0,31}));/g;

/**
 * Whether a reference could start in `text`: an `&` followed by `#` or an ASCII letter, the same as
 * `/&[#A-Za-z]/.test(text)`. Found with `indexOf`, which skips to each `&` far faster than an expression scans.
 */
export function hasReferenceStart(text: string): boolean {
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (next === 0x23 || ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a)) return true;
  }
  return false;
}

/**
 * Decodes the entity references in `text`, which must hold no markup (a `<` in it stays text). Numeric references
 * follow HTML: 0x80–0x9F mean their windows-1252 characters, invalid code points become U+FFFD.
 */
export function decodeEntities(text: string): string {
  if (!hasReferenceStart(text)) return text;
  // A loop over the matches rather than `replace` with a callback: calling back into JavaScript per match cost
  // more than decoding.
  let decoded = '';
  let last = 0;
  REFERENCE.lastIndex = 0;
  for (let match = REFERENCE.exec(text); match !== null; match = REFERENCE.exec(text)) {
    const [whole, decimal, hex, name] = match;
    let replacement: string;
    if (name === undefined) {
      replacement = fromCodePoint(decimal === undefined ? parseInt(hex ?? '', 16) : Number(decimal));
    } else {
      const known = COMMON.get(name);
      if (known === undefined) return decodeWithCheerio(text);
      replacement = known;
    }
    decoded += text.slice(last, match.index) + replacement;
    last = match.index + whole.length;
  }
  return last === 0 ? text : decoded + text.slice(last);
}

function fromCodePoint(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252_C1.charAt(code - 0x80);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/** `<` is escaped first, so nothing in the text can become a tag. */
function decodeWithCheerio(text: string): string {
  const root = load(text.replaceAll('<', '&lt;'), null, false).root()[0];
  if (root === undefined) return text;
  return root.children.map((node) => (node.nodeType === 3 ? node.data : '')).join('');
}
