// Turns one block of Markdown (or plain text) into the text a reader sees, and that text into the key two versions
// are compared by. Everything that is not a change of the terms is flattened here so alignment can use plain
// equality and a hash map.

/** How a document's inline text is written. */
export type TextFormat = 'markdown' | 'text';

/** Query parameters that track a visit rather than name a page (matched case-insensitively). */
const TRACKING_PARAMS =
  /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|hsctatracking|igshid|yclid|ref|ref_src|ref_url|referrer|source|spm|s_cid|trk|openaicom-did)$/i;

/** Link text that only says how the browser opens the link. */
const LINK_HINTS =
  /\s*[([]?\s*(?:opens in a new (?:window|tab)|öffnet (?:sich )?in einem neuen (?:fenster|tab)|external link)\s*[)\]]?/gi;

/** Zero-width characters and soft hyphens: invisible, but they change bytes between renders. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060\ufeff]/g;

/**
 * Whitespace that is not already a single plain space (JavaScript's `\s` covers NBSP and the Unicode spaces). Runs
 * of one ordinary space are left alone: replacing each of them again is most of the cost on a huge paragraph.
 */
const SPACES = /[^\S ]\s*|\s{2,}/g;

// Link text cannot hold an unescaped `[` and a target cannot hold `(` or run past 2,000 characters: without those
// limits "[x](" repeated 100,000 times takes minutes (every start scans to the end of the text).
const LINK =
  /!?\[((?:\\.|[^[\]\\]){0,1000})\]\(\s*<?([^()\s<>]{0,2000})>?(?:\s+(?:"[^"]{0,500}"|'[^']{0,500}'))?\s*\)/g;
const AUTOLINK = /<((?:https?|mailto):[^<>\s]{1,2000})>/gi;
const BARE_URL = /\bhttps?:\/\/[^\s<>()[\]]+/gi;

/**
 * The readable text of one block: Markdown escapes, emphasis, images and link targets removed (a link keeps its
 * text), `<br>` and every kind of space collapsed, tracking parameters dropped from URLs left in the text.
 */
export function cleanInline(raw: string, format: TextFormat = 'markdown'): string {
  // Each step runs only when its trigger character is present: most blocks need few of them, and this is the
  // hottest loop of a diff.
  let text = raw.replace(INVISIBLE, '');
  if (text.includes('<')) text = text.replace(/<br\s*\/?>/gi, ' ');
  if (format === 'markdown') text = stripMarkdown(text);
  if (text.includes('://')) text = text.replace(BARE_URL, (url) => stripTrackingParams(url));
  if (LINK_HINT_TRIGGER.test(text)) text = text.replace(LINK_HINTS, '');
  return text.replace(SPACES, ' ').trim();
}

const LINK_HINT_TRIGGER = /new (?:window|tab)|neuen (?:fenster|tab)|external link/i;

function stripMarkdown(source: string): string {
  let text = source;
  if (text.includes('](')) text = text.replace(LINK, (_match, label: string, url: string) => linkText(label, url));
  if (text.includes(':')) text = text.replace(AUTOLINK, (_match, url: string) => url.replace(/^mailto:/i, ''));
  if (text.includes('*') || text.includes('_')) {
    // Emphasis markers; single `*`/`_` only at word edges so snake_case and 2*3 survive.
    text = text
      .replace(/\*\*|__/g, '')
      // `(?=([*_]+))\2` takes the whole run of markers at once, so a failed match does not retry every shorter run.
      .replace(/(^|[\s([{"'“‘])(?=([*_]+))\2(?=\S)/g, '$1')
      .replace(/([^\s*_])(?=([*_]+))\2(?=$|[\s)\]}.,;:!?"'”’])/g, '$1');
  }
  if (text.includes('`')) text = text.replace(/`+/g, '');
  if (text.includes('\\')) text = text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~"'$&])/g, '$1');
  return text;
}

function linkText(label: string, url: string): string {
  const text = label.trim();
  if (text !== '') return text;
  // An empty label (icon link) says nothing to a reader; a bare mailto still names an address.
  return url.toLowerCase().startsWith('mailto:') ? url.slice('mailto:'.length) : '';
}

/** Removes analytics and referral parameters from a URL; other parameters and the fragment stay. */
export function stripTrackingParams(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const hash = url.indexOf('#', query);
  const base = url.slice(0, query);
  const search = url.slice(query + 1, hash < 0 ? undefined : hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  const kept = search.split('&').filter((pair) => pair !== '' && !TRACKING_PARAMS.test(pair.split('=')[0] ?? ''));
  return `${base}${kept.length > 0 ? `?${kept.join('&')}` : ''}${fragment}`;
}

/**
 * Typography flattened the same way in both versions: curly and guillemet quotes to straight ones, dash variants
 * to `-` (spacing around dashes ignored), ellipsis to `...`, no space before punctuation. Case is kept.
 */
export function flattenTypography(text: string): string {
  let flat = text.replace(TYPOGRAPHY, (char) => TYPOGRAPHY_MAP[char] ?? char);
  if (DASHES.test(flat)) flat = flat.replace(SPACED_DASHES, ' - ');
  return flat
    .replace(SPACES, ' ')
    .replace(/ (?=[.,;:!?)\]])/g, '')
    .replace(/([([]) /g, '$1')
    .trim();
}

const TYPOGRAPHY_MAP: Readonly<Record<string, string>> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '′': "'",
  '`': "'",
  '´': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '″': '"',
  '«': '"',
  '»': '"',
  '‹': '"',
  '›': '"',
  '…': '...',
};
const TYPOGRAPHY = /[‘’‚‛′`´“”„‟″«»‹›…]/g;
const DASHES = /[‐‑‒–—―−]/;
const SPACED_DASHES = /\s*[‐‑‒–—―−]\s*/g;

/**
 * The key two clauses are compared by: typography flattened and case folded. Two clauses with equal keys are the
 * same clause text whatever their whitespace, quotes, dashes, emphasis or capitalisation.
 */
export function comparisonKey(text: string): string {
  // A stray backslash is an extraction artefact (an escape that survived), never wording.
  return flattenTypography(text.replace(/\\+/g, ' ')).toLowerCase();
}

const OBFUSCATED_EMAIL = /\[email(?:&#160;|\s)protected\]/gi;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;

/** True when the text holds a Cloudflare-obfuscated address (`[email protected]`). */
export function hasObfuscatedEmail(text: string): boolean {
  OBFUSCATED_EMAIL.lastIndex = 0;
  return OBFUSCATED_EMAIL.test(text);
}

/** The key with every e-mail address, plain or obfuscated, replaced by one placeholder. */
export function maskEmails(key: string): string {
  if (!key.includes('@') && !key.includes('email')) return key;
  return key.replace(OBFUSCATED_EMAIL, '<email>').replace(EMAIL, '<email>');
}

/** Words of a comparison key: runs of letters and digits. */
export function keyWords(key: string): string[] {
  return key.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/**
 * The key with wording alone left: e-mail addresses masked and common punctuation dropped (reflow and extraction
 * leave commas, brackets and hyphens behind). Two clauses with equal loose keys are one clause, changed at most in
 * an address or in punctuation.
 */
export function looseKey(key: string, maskAddresses = true): string {
  const text = maskAddresses ? maskEmails(key) : key;
  return text
    .replace(/[.,;:!?'"()[\]-]+/g, ' ')
    .replace(SPACES, ' ')
    .trim();
}
