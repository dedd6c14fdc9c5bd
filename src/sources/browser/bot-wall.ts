// Does a plain HTTP answer look like a bot wall rather than the page? Decides when `auto` retries in the browser.
import * as cheerio from 'cheerio';
import { detectChallengePage } from '../challenge-page.ts';
import type { Fetched } from '../fetcher.ts';

/** Statuses bot walls answer plain clients with (Cloudflare, Akamai, PerimeterX and friends). */
export const BOT_WALL_STATUSES: ReadonlySet<number> = new Set([403, 406, 503]);

// Interstitial markers beyond the titles and elements `detectChallengePage` knows.
const CHALLENGE_TEXT = [
  /checking (if the site connection is secure|your browser)/i,
  /enable javascript and cookies to continue/i,
  /verify(ing)? you are (a )?human/i,
];
const CHALLENGE_MARKERS = [
  'script[src*="/cdn-cgi/challenge-platform/"]',
  '#cf-wrapper',
  '[id^="cf-chl"]',
  '#sec-if-cpt-container',
  '#px-captcha',
];
const CHALLENGE_SCRIPT = /_cf_chl_opt|cf-challenge|__cf_chl_|challenge-platform/;

/** Fewer visible characters than this in a page that carries scripts is a shell waiting for them. */
const SHELL_MAX_CHARS = 40;

const HTML_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml', '']);

/**
 * Why `page` is not the document but something only a browser gets past, or null when it looks like content:
 * a challenge or interstitial page, a script-only shell (no visible text besides `<noscript>`), or body
 * selectors that match nothing. Only HTML is judged; feeds and text pass.
 */
export function botWallReason(
  page: Pick<Fetched, 'mediaType' | 'text'>,
  select: readonly string[] = [],
): string | null {
  if (!HTML_TYPES.has(page.mediaType)) return null;
  const $ = cheerio.load(page.text);
  const challenge = detectChallengePage($);
  if (challenge !== null) return `challenge page (${challenge})`;
  const marker = CHALLENGE_MARKERS.find((selector) => $(selector).length > 0);
  if (marker !== undefined) return `challenge page (marker ${marker})`;
  if (CHALLENGE_SCRIPT.test($('script').text())) return 'challenge page (challenge script)';
  const visible = visibleText($);
  const phrase = CHALLENGE_TEXT.find((pattern) => pattern.test(visible));
  if (phrase !== undefined && visible.length < 2000) return `challenge page (text "${phrase.source}")`;
  if (visible.length < SHELL_MAX_CHARS && $('script').length > 0) {
    return $('noscript').length > 0 ? 'script-only shell (<noscript> fallback)' : 'script-only shell (no text)';
  }
  if (select.length > 0 && $(select.join(', ')).length === 0) return `selector ${select.join(', ')} matches nothing`;
  return null;
}

function visibleText($: cheerio.CheerioAPI): string {
  const body = $('body').clone();
  body.find('script, style, noscript, template').remove();
  return body.text().replace(/\s+/g, ' ').trim();
}
