/**
 * Checking what `/watch` is given before anything is fetched: the URL's form, the vendor slug, the CSS
 * selector's syntax; and the id a new source gets (`vendor/slug-from-url`, unique among the watched sources).
 */
import { load } from 'cheerio';
import type { ParseResult } from '../src/alerts/digest.ts';

const MAX_URL_LENGTH = 2048;
const VENDOR_SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/u;
const MAX_SLUG_LENGTH = 60;
/** Path segments that say nothing about the document on their own: `/blog/feed` is `blog-feed`. */
const GENERIC_SEGMENTS = new Set(['feed', 'rss', 'atom', 'index', 'xml', 'json', 'en', 'en-us', 'legal', 'latest']);

/** The URL to watch, without its fragment; only public-looking http(s) URLs without credentials pass. */
export function parseWatchUrl(text: string): ParseResult<URL> {
  if (text.length > MAX_URL_LENGTH) return fail(`The URL is longer than ${MAX_URL_LENGTH} characters.`);
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return fail(`"${text}" is not a URL; give the full address, e.g. https://example.com/legal/terms.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(`Only http and https URLs can be watched, not ${url.protocol.replace(/:$/u, '')}.`);
  }
  if (url.username !== '' || url.password !== '') {
    return fail('The URL carries a user name or password; give the public address without them.');
  }
  url.hash = '';
  return { ok: true, value: url };
}

/** A lower-case vendor slug: `acme`, `acme-labs`. */
export function parseVendorSlug(text: string): ParseResult<string> {
  const slug = text.trim().toLowerCase();
  return VENDOR_SLUG.test(slug)
    ? { ok: true, value: slug }
    : fail(`Vendor "${text}" is not a slug; use lower-case letters, digits and dashes, e.g. acme or acme-labs.`);
}

/** Whether cheerio (the extractor's parser) understands the selector; the message says why not. */
export function checkSelector(selector: string): ParseResult<string> {
  try {
    load('<p></p>')(selector);
    return { ok: true, value: selector };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`Selector "${selector}" is not valid CSS (${reason}); e.g. main, article or #terms.`);
  }
}

/** `acme/terms-of-service`, with `-2`, `-3` … when the id is taken. */
export function watchId(vendor: string, url: URL, taken: ReadonlySet<string>): string {
  const base = `${vendor}/${slugFromUrl(url)}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * The document's name as its URL says it: the last path segment without extension (`/legal/terms.html` →
 * `terms`), joined to the one before when it is generic (`/blog/feed` → `blog-feed`), else the host
 * (`https://www.acme.ai/` → `acme`).
 */
export function slugFromUrl(url: URL): string {
  const segments = url.pathname
    .split('/')
    .map((segment) => slugify(safeDecode(segment).replace(/\.[a-z0-9]{1,5}$/iu, '')))
    .filter((segment) => segment !== '');
  const last = segments.at(-1);
  const before = segments.at(-2);
  let slug: string;
  if (last === undefined) slug = hostSlug(url.hostname);
  else if (GENERIC_SEGMENTS.has(last))
    slug = before === undefined ? `${hostSlug(url.hostname)}-${last}` : `${before}-${last}`;
  else slug = last;
  const cut = slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/u, '');
  return cut === '' ? 'page' : cut;
}

/** A title from the slug when the user gives none: `terms-of-service` → "Terms of service". */
export function titleFromSlug(slug: string): string {
  const words = slug.split('-').filter((word) => word !== '');
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function hostSlug(hostname: string): string {
  const labels = hostname.replace(/^www\./u, '').split('.');
  // Drop the top-level domain: `acme.ai` → `acme`, `docs.acme.ai` → `docs-acme`.
  return slugify((labels.length > 1 ? labels.slice(0, -1) : labels).join('-'));
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function fail(message: string): { readonly ok: false; readonly message: string } {
  return { ok: false, message };
}
