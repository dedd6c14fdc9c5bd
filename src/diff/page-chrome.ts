// Page furniture that extraction sometimes leaves in a terms document. It is data, not logic: add a line here
// when a vendor's page grows a new banner. Every entry is compared against the cleaned, case-folded block text.

/** Whole blocks that are navigation, consent or feedback widgets, in English and German. */
const CHROME_LINES: ReadonlySet<string> = new Set([
  'skip to content',
  'skip to main content',
  'skip to navigation',
  'jump to content',
  'back to top',
  'return to top',
  'scroll to top',
  'was this article helpful?',
  'was this page helpful?',
  'was this helpful?',
  'did this answer your question?',
  'related articles',
  'table of contents',
  'on this page',
  'in this article',
  'select language',
  'choose language',
  'change language',
  'language',
  'print',
  'share',
  'menu',
  'close',
  'accept',
  'accept all',
  'accept all cookies',
  'reject all',
  'decline',
  'cookie settings',
  'cookies settings',
  'manage cookies',
  'manage preferences',
  'all collections',
  'zum inhalt springen',
  'zum hauptinhalt springen',
  'nach oben',
  'zurück nach oben',
  'war dieser artikel hilfreich?',
  'war diese seite hilfreich?',
  'inhaltsverzeichnis',
  'auf dieser seite',
  'sprache auswählen',
  'sprache wählen',
  'alle akzeptieren',
  'alle ablehnen',
  'cookie-einstellungen',
  'einstellungen verwalten',
  'drucken',
  'teilen',
]);

/** Locale selector entries: a block that is only a language name. */
const LOCALE_NAMES: ReadonlySet<string> = new Set([
  'english',
  'english (us)',
  'english (uk)',
  'deutsch',
  'français',
  'español',
  'italiano',
  'português',
  'português (brasil)',
  'nederlands',
  'polski',
  'svenska',
  'dansk',
  'norsk',
  'suomi',
  'türkçe',
  'русский',
  'українська',
  '日本語',
  '한국어',
  '中文',
  '简体中文',
  '繁體中文',
]);

/** Patterns for chrome whose wording varies: cookie notices, breadcrumbs, page-title lines. */
const CHROME_PATTERNS: readonly RegExp[] = [
  /^(?:we use cookies|this (?:web)?site uses cookies|by continuing to (?:use|browse) this site|wir verwenden cookies|diese (?:web)?seite verwendet cookies)\b.{0,400}$/,
  // Breadcrumbs: "Home › Legal › Terms", "Startseite / Rechtliches / AGB".
  /^(?:home|start|startseite)\s*[›»>/|]\s*[^.!?]{1,120}$/,
  /^[^.!?:|]{1,40}(?:\s[›»]\s[^.!?:|]{1,40}){2,}$/,
  /^\d+ (?:min(?:ute)?s?|minuten) (?:read|lesezeit)$/,
];

/** Longer blocks are never chrome: the longest pattern (a cookie notice) stops well before. */
const MAX_CHROME_CHARS = 480;

/**
 * True when a block of cleaned text is page chrome rather than terms. `standalone` marks a paragraph of its own: a
 * one-word paragraph or one without any letter or digit is chrome, while a one-word list item, table cell or
 * heading is content.
 */
export function isPageChrome(text: string, standalone: boolean): boolean {
  if (text.length > MAX_CHROME_CHARS) return false;
  // Text arrives whitespace-collapsed from cleanInline.
  const folded = text.toLowerCase();
  if (folded.length <= MAX_LINE_CHARS && (CHROME_LINES.has(folded) || LOCALE_NAMES.has(folded))) return true;
  if (CHROME_PATTERNS.some((pattern) => pattern.test(folded))) return true;
  if (!HAS_WORD.test(folded)) return true;
  return standalone && (ONE_WORD.test(folded) || PAGE_TITLE.test(folded));
}

/** A browser-tab title left above the text: "Usage policies | OpenAI" (as a paragraph, not a table row). */
const PAGE_TITLE = /^[^.!?:|]{1,60} \| [^.!?:|]{1,40}$/;

const MAX_LINE_CHARS = 40;
const HAS_WORD = /[\p{L}\p{N}]/u;
const ONE_WORD = /^[\p{L}\p{N}][\p{L}\p{N}.&'-]*$/u;

/**
 * True when a raw Markdown line starts with two links back to back (`[All Collections](…)[Safeguards](…)Title`):
 * the breadcrumb trail of a help-centre article.
 */
export function isBreadcrumbMarkdown(raw: string): boolean {
  return /^\s*(?:\[[^\]]*\]\([^)]*\)\s*(?:[›»>/]\s*)?){2,}/.test(raw);
}
