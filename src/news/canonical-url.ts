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
 * look like this, and their canonical form is the `https` spelling of the URL itself, no parsing needed.
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
  return PLAIN_URL.test(trimmed) && !DOT_SEGMENT.test(trimmed) && !trimmed.includes('xn--')
    ? `https://${trimmed.slice(trimmed.indexOf('//') + 2)}`
    : canonicalUrlByParsing(trimmed);
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
