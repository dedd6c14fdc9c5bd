// What a decoded body is, from its first bytes: JSON, one of the XML feed roots, an HTML page, or something else.
// Deciding on the root element ourselves (instead of the library's whole-document regexes) keeps an HTML page that
// merely mentions `<rss>` from being read as a feed and lets us name what we got.

/** The result of looking at the start of a body. */
export type FeedKind =
  | { readonly kind: 'json' }
  | { readonly kind: 'rss' | 'atom' | 'rdf'; /** As written, prefix included (`rdf:RDF`). */ readonly root: string }
  | { readonly kind: 'html' }
  | { readonly kind: 'other'; readonly root: string | null };

const JSON_MEDIA_TYPES = new Set(['application/feed+json', 'application/json']);
const HTML_ROOTS = new Set(['html', 'head', 'body', 'div', 'p', 'meta', 'link', 'script', 'title']);
const ELEMENT_NAME = /<([A-Za-z_][\w.:-]*)/y;
/** Prolog, comments and DOCTYPE before the root never run this long in a real feed. */
const MAX_PREAMBLE_STEPS = 50;

/**
 * Classifies a decoded body. JSON when it starts with `{` or the media type says JSON and it does not start with `<`;
 * otherwise by the XML root element (namespace prefix ignored): `rss`, `feed` (Atom), `RDF` (RSS 1.0).
 */
export function sniffFeed(text: string, mediaType: string): FeedKind {
  const start = skipSpace(text, 0);
  const first = text[start];
  if (first === '{' || (first !== '<' && JSON_MEDIA_TYPES.has(mediaType))) return { kind: 'json' };
  const root = rootElement(text, start);
  const name = root?.toLowerCase() ?? null;
  if (root === null || name === null) return { kind: 'other', root: null };
  if (HTML_ROOTS.has(name)) return { kind: 'html' };
  const local = name.slice(name.indexOf(':') + 1);
  if (local === 'rss') return { kind: 'rss', root };
  if (local === 'feed') return { kind: 'atom', root };
  if (local === 'rdf') return { kind: 'rdf', root };
  return { kind: 'other', root: name };
}

/** The root element's name as written, `html` for an HTML DOCTYPE, or null when there is none. */
function rootElement(text: string, from: number): string | null {
  let at = from;
  for (let step = 0; step < MAX_PREAMBLE_STEPS; step++) {
    at = skipSpace(text, at);
    if (text.startsWith('<?', at)) {
      at = after(text, '?>', at);
    } else if (text.startsWith('<!--', at)) {
      at = after(text, '-->', at);
    } else if (text.startsWith('<!', at)) {
      if (/^<!doctype\s+html[\s>]/i.test(text.slice(at, at + 20))) return 'html';
      at = afterDoctype(text, at);
    } else {
      ELEMENT_NAME.lastIndex = at;
      return ELEMENT_NAME.exec(text)?.[1] ?? null;
    }
    if (at === -1) return null;
  }
  return null;
}

function after(text: string, marker: string, from: number): number {
  const index = text.indexOf(marker, from);
  return index === -1 ? -1 : index + marker.length;
}

/** Skips `<!DOCTYPE …>`, including an internal subset in `[…]`. */
function afterDoctype(text: string, from: number): number {
  const close = text.indexOf('>', from);
  const open = text.indexOf('[', from);
  if (open === -1 || close === -1 || close < open) return close === -1 ? -1 : close + 1;
  const subsetEnd = text.indexOf(']', open);
  return subsetEnd === -1 ? -1 : after(text, '>', subsetEnd);
}

function skipSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text.charAt(at))) at++;
  return at;
}
