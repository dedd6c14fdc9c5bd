// Links in feeds and listing pages are often relative; only absolute web links leave this folder.

/** An absolute web link as feeds nearly always write it: resolving it needs no base. */
const ABSOLUTE_HTTP = /^https?:\/\//;

/**
 * An absolute link the URL parser leaves exactly as written, so it needs no parsing at all: lower-case scheme and
 * host of plain labels (the last starting with a letter, so no IPv4 reading; no IDN `xn--` label), no port or
 * user, a path of characters never percent-encoded (no `%`, so no encoded dot segment) and optionally a query of
 * such characters, no fragment. Dot segments are ruled out apart (`DOT_SEGMENT`).
 */
const VERBATIM_URL =
  /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*)?$/;
/** A `.` or `..` path segment, which the parser resolves. */
const DOT_SEGMENT = /\/\.\.?(?:[/?]|$)/;

/** The last base checked by `isUsableBase`, and its verdict: items of one feed share their base. */
let lastBase: string | null = null;
let lastBaseUsable = true;

/**
 * Resolves `href` against `base` and returns it when it is an http(s) URL, else null: a `javascript:` or `mailto:`
 * link is no news link, and a relative link without a usable base cannot be followed.
 */
export function resolveHttpUrl(href: string | null | undefined, base: string | null): string | null {
  const value = href?.trim();
  if (value === undefined || value === '') return null;
  // After `http://` or `https://` the URL parser never consults the base, so it is parsed once per feed (a base
  // that does not parse still fails the link, as `new URL(value, base)` would) rather than once per item.
  if (!ABSOLUTE_HTTP.test(value)) return httpHref(parseUrl(value, base));
  if (!isUsableBase(base)) return null;
  return isVerbatim(value) ? value : httpHref(parseUrl(value, null));
}

function isVerbatim(url: string): boolean {
  return VERBATIM_URL.test(url) && !DOT_SEGMENT.test(url) && !url.includes('xn--');
}

function httpHref(url: URL | null): string | null {
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : null;
}

/**
 * The base for what lies inside an element carrying `xml:base`: the attribute resolved against the outer base.
 * Without the attribute, or when it does not resolve, the outer base stays.
 */
export function resolveBase(xmlBase: string | null | undefined, outer: string | null): string | null {
  const value = xmlBase?.trim();
  if (value === undefined || value === '') return outer;
  return parseUrl(value, outer)?.href ?? outer;
}

/** Whether `new URL(…, base)` accepts the base: no base, or one that parses. */
function isUsableBase(base: string | null): boolean {
  if (base === null) return true;
  if (base !== lastBase) {
    lastBase = base;
    lastBaseUsable = parseUrl(base, null) !== null;
  }
  return lastBaseUsable;
}

function parseUrl(value: string, base: string | null): URL | null {
  try {
    return base === null ? new URL(value) : new URL(value, base);
  } catch {
    return null;
  }
}
