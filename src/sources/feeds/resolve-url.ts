// Links in feeds and listing pages are often relative; only absolute web links leave this folder.

/**
 * Resolves `href` against `base` and returns it when it is an http(s) URL, else null: a `javascript:` or `mailto:`
 * link is no news link, and a relative link without a usable base cannot be followed.
 */
export function resolveHttpUrl(href: string | null | undefined, base: string | null): string | null {
  const value = href?.trim();
  if (value === undefined || value === '') return null;
  const url = parseUrl(value, base);
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

function parseUrl(value: string, base: string | null): URL | null {
  try {
    return base === null ? new URL(value) : new URL(value, base);
  } catch {
    return null;
  }
}
