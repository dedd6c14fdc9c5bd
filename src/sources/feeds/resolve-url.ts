// Links in feeds and listing pages are often relative; only absolute web links leave this folder.

/** An absolute web link as feeds nearly always write it: resolving it needs no base. */
const ABSOLUTE_HTTP = /^https?:\/\//;

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
  const url = ABSOLUTE_HTTP.test(value) ? (isUsableBase(base) ? parseUrl(value, null) : null) : parseUrl(value, base);
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
