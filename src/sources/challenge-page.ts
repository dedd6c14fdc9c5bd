import type { CheerioAPI } from 'cheerio';

/** Titles and markers of bot walls and interstitials that answer plain HTTP clients instead of the page. */
const CHALLENGE_TITLES = [/^just a moment/i, /^attention required/i, /^access denied/i, /^please wait/i, /ddos-guard/i];
const CHALLENGE_SELECTORS = [
  '#challenge-form',
  '#challenge-running',
  '#cf-challenge-running',
  '.cf-browser-verification',
  '#px-captcha',
  '[data-translate="checking_browser"]',
];

/** Says why the page looks like a challenge page, or null when it looks like content. */
export function detectChallengePage($: CheerioAPI): string | null {
  const title = $('title').first().text().trim();
  if (CHALLENGE_TITLES.some((pattern) => pattern.test(title))) return `title "${title}"`;
  const marker = CHALLENGE_SELECTORS.find((selector) => $(selector).length > 0);
  return marker === undefined ? null : `marker ${marker}`;
}
