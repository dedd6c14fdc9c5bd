/**
 * Canonical URLs: one spelling per article, so the same story linked from two feeds (one with `utm_source`, one
 * over `http://www.`) is recognised as one.
 */

/** Query parameters that only track the click, matched case-insensitively by exact name. */
export const trackingParameters: readonly string[] = [
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  '_hsenc',
  '_hsmi',
  '_ga',
  '_gl',
  'spm',
  'cmpid',
  'cmp_id',
  'ocid',
  'ncid',
  'icid',
  's_cid',
  's_kwcid',
  'wt_mc',
  'wt_zmc',
  'xtor',
  'mkt_tok',
  'vero_id',
  'vero_conv',
  'rb_clickid',
  'sr_share',
  'smid',
  'share_source',
  'trk',
  'trkcampaign',
];

/** Prefixes of tracking parameter families (`utm_source`, `mc_cid`, `at_medium`, `pk_campaign`, …). */
export const trackingParameterPrefixes: readonly string[] = ['utm_', 'mc_', 'at_', 'pk_', 'mtm_', 'hsa_', 'oly_'];

const TRACKING = new Set(trackingParameters);

function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING.has(lower) || trackingParameterPrefixes.some((prefix) => lower.startsWith(prefix));
}

/** The parameter name of a raw `name=value` pair, decoded so `utm%5Fsource` is recognised too. */
function parameterName(pair: string): string {
  const equals = pair.indexOf('=');
  const raw = (equals === -1 ? pair : pair.slice(0, equals)).replaceAll('+', ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The query without tracking parameters, the rest sorted by name (stable, so repeated names keep their order).
 * Works on the raw pairs rather than URLSearchParams so the remaining values keep their original encoding.
 */
function cleanQuery(search: string): string {
  const pairs = search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParameter(parameterName(pair)))
    .map((pair) => ({ pair, name: parameterName(pair) }));
  pairs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return pairs.length === 0 ? '' : `?${pairs.map(({ pair }) => pair).join('&')}`;
}

/**
 * An http(s) URL the URL parser would leave as it is: a lower-case host of plain labels, the last starting with a
 * letter (so no IPv4 reading), not `www.`; no port, user or IDN (`xn--`) label; a path of characters that are
 * never percent-encoded, without a trailing slash (the root aside); no query or fragment. Most article links
 * look like this (before their tracking query), and their canonical form is the `https` spelling of the URL
 * itself, no parsing needed.
 */
const PLAIN_URL =
  /^https?:\/\/(?!www\.)(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*(?:\/|\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*[A-Za-z0-9\-._~!$&'()*+,;=:@])$/;
/** A `.` or `..` path segment, which the parser would resolve. */
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

/**
 * The canonical spelling of an article URL: `https`, lower-case host without `www.`, no default port, no
 * fragment, no trailing slash (except the root), tracking parameters dropped and the rest sorted.
 * Input that is not an absolute http(s) URL is returned trimmed as it is.
 *
 * @example canonicalUrl('HTTP://www.Example.com/a/?utm_source=x&b=2&a=1#top') === 'https://example.com/a?a=1&b=2'
 */
export function canonicalUrl(url: string): string {
  const trimmed = url.trim();
  return plainCanonicalUrl(trimmed) ?? canonicalUrlByParsing(trimmed);
}

/**
 * The canonical form of a plain URL (see `PLAIN_URL`) whose query, if any, holds tracking parameters only (plain
 * names, so no decoding): the query and any fragment go, the rest is spelt https. Null for every other URL.
 */
function plainCanonicalUrl(trimmed: string): string | null {
  const hash = trimmed.indexOf('#');
  // The parser keeps an empty fragment (`…/a#` stays so), and an empty one is what it makes of a fragment of
  // control characters and spaces; only a fragment with a visible character is surely dropped.
  if (hash !== -1 && !hasVisible(trimmed, hash + 1)) return null;
  const beforeHash = hash === -1 ? trimmed : trimmed.slice(0, hash);
  const question = beforeHash.indexOf('?');
  const base = question === -1 ? beforeHash : beforeHash.slice(0, question);
  if (!PLAIN_URL.test(base) || DOT_SEGMENT.test(base) || base.includes('xn--')) return null;
  if (question !== -1 && !onlyTracking(beforeHash.slice(question + 1))) return null;
  return `https://${base.slice(base.indexOf('//') + 2)}`;
}

const PLAIN_NAME = /^[A-Za-z0-9_]+$/;

/** Whether `text` has a character other than a C0 control or a space from `from` on. */
function hasVisible(text: string, from: number): boolean {
  for (let index = from; index < text.length; index++) if (text.charCodeAt(index) > 0x20) return true;
  return false;
}

/** Whether every pair of a raw query is empty or a tracking parameter with a plain name. */
function onlyTracking(query: string): boolean {
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = equals === -1 ? pair : pair.slice(0, equals);
    if (!PLAIN_NAME.test(name) || !isTrackingParameter(name)) return false;
  }
  return true;
}

/** `canonicalUrl` through the URL parser: every URL it does not take the shortcut for. Exported for tests. */
export function canonicalUrlByParsing(trimmed: string): string {
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return trimmed;
  // Each setter re-serialises the URL, so only what needs changing is set.
  // Setting the scheme also drops a port that is the new scheme's default (http://host:443 → https://host).
  if (parsed.protocol === 'http:') parsed.protocol = 'https:';
  if (parsed.hostname.startsWith('www.')) parsed.hostname = parsed.hostname.slice(4);
  if (parsed.hash !== '') parsed.hash = '';
  if (parsed.search !== '' || parsed.href.endsWith('?')) parsed.search = cleanQuery(parsed.search);
  if (parsed.pathname.length > 1 && parsed.pathname.endsWith('/')) {
    const path = parsed.pathname.replace(/\/+$/, '');
    if (path !== '') parsed.pathname = path;
  }
  return parsed.href;
}
