// Benchmark helpers for the news pipeline: synthetic feeds, and the feed parser library's own time on them as the
// baseline. `timeParserAlone` makes exactly the library calls `parseFeed` makes (UTF-8 decoding, feedsmith's
// parseRssFeed/parseAtomFeed), nothing after them. Run with `npx tsx bench/news-parse.ts` to print parseFeed against
// the library alone.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { parseFeed } from '../src/sources/feeds/parse-feed.ts';

/** Deterministic pseudo-random numbers (mulberry32), so every run parses the same feeds. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const EN_SUBJECTS = ['Anthropic', 'OpenAI', 'Google DeepMind', 'Mistral', 'Meta', 'xAI', 'Microsoft', 'A startup'];
const EN_PRODUCTS = ['Claude', 'ChatGPT', 'Gemini', 'Le Chat', 'Llama', 'Grok', 'Copilot', 'its assistant'];
const EN_EVENTS = [
  'updates its usage policy',
  'cuts API prices for developers',
  'releases a new model',
  'changes data retention terms',
  'faces a copyright lawsuit',
  'raises a new funding round',
  'publishes a safety report',
  'expands access to Europe',
];
const EN_SENTENCES = [
  'The change takes effect next month and applies to all business customers.',
  'According to the company, existing contracts are not affected.',
  'Critics say the wording leaves room for training on user data.',
  'The update follows months of talks with regulators in Brussels.',
  'Developers will see the new limits in their dashboards from Monday.',
];
const DE_SUBJECTS = ['Anthropic', 'OpenAI', 'Google', 'Mistral', 'Aleph Alpha', 'Meta', 'Microsoft', 'Ein Start-up'];
const DE_EVENTS = [
  'ändert seine Nutzungsbedingungen',
  'senkt die Preise für die API',
  'veröffentlicht ein neues Modell',
  'verkürzt die Speicherfristen',
  'muss sich vor Gericht verantworten',
  'sammelt frisches Kapital ein',
  'legt einen Sicherheitsbericht vor',
  'startet in Deutschland',
];
const DE_SENTENCES = [
  'Die Änderung gilt ab dem kommenden Monat für alle Geschäftskunden.',
  'Laut Unternehmen sind bestehende Verträge nicht betroffen.',
  'Kritiker bemängeln, dass die Formulierung Training mit Nutzerdaten zulässt.',
  'Die Aktualisierung folgt auf monatelange Gespräche mit der Aufsicht in Brüssel.',
  'Entwickler sehen die neuen Grenzen ab Montag in ihrem Dashboard.',
];
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Story {
  readonly title: string;
  readonly url: string;
  readonly html: string;
  readonly date: Date;
}

const pick = <TValue>(random: () => number, values: readonly TValue[]): TValue =>
  values[Math.floor(random() * values.length)] as TValue;

/** One story; about one in five reuses a story of another outlet (same link with tracking, or same title). */
function makeStory(random: () => number, feed: number, index: number, german: boolean): Story {
  const storyId = random() < 0.2 ? Math.floor(random() * 50) : feed * 1_000 + index;
  const local = createRandom(storyId + 1);
  const subject = pick(local, german ? DE_SUBJECTS : EN_SUBJECTS);
  const product = pick(local, EN_PRODUCTS);
  const event = pick(local, german ? DE_EVENTS : EN_EVENTS);
  const sentences = german ? DE_SENTENCES : EN_SENTENCES;
  const title = german ? `${subject} ${event}: Was sich für Nutzer ändert` : `${subject} ${event} for ${product} users`;
  const html =
    `<p><strong>${subject}</strong> ${event}. ${pick(local, sentences)}</p>` +
    `<p>${pick(local, sentences)} ${pick(local, sentences)} <a href="https://news.example.com/s/${storyId}">Mehr &amp; more</a></p>`;
  const tracking = storyId < 50 ? `?utm_source=feed${feed}&utm_medium=rss` : '';
  const date = new Date(Date.UTC(2025, 2, 1 + (storyId % 28), Math.floor(local() * 24), Math.floor(local() * 60)));
  return { title, url: `https://news.example.com/${german ? 'de' : 'en'}/story-${storyId}${tracking}`, html, date };
}

const escapeXml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const rfc822 = (date: Date): string =>
  `${DAYS[(date.getUTCDay() + 6) % 7] ?? 'Mon'}, ${String(date.getUTCDate()).padStart(2, '0')} ` +
  `${MONTHS[date.getUTCMonth()] ?? 'Jan'} ${date.getUTCFullYear()} ` +
  `${date.toISOString().slice(11, 19)} GMT`;

function rssFeed(feed: number, stories: readonly Story[], german: boolean): string {
  const items = stories.map(
    (story, index) =>
      `<item><title>${escapeXml(story.title)}</title><link>${escapeXml(story.url)}</link>` +
      `<guid isPermaLink="false">feed${feed}-${index}</guid><pubDate>${rfc822(story.date)}</pubDate>` +
      `<description>${escapeXml(story.html)}</description></item>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>' +
    `<title>${german ? 'KI-Nachrichten' : 'AI News'} ${feed}</title><link>https://outlet${feed}.example.com/</link>` +
    `<description>Synthetic feed ${feed}</description>${items.join('\n')}</channel></rss>`
  );
}

function atomFeed(feed: number, stories: readonly Story[], german: boolean): string {
  const entries = stories.map(
    (story, index) =>
      `<entry><title type="html">${escapeXml(story.title)}</title><id>tag:outlet${feed}.example.com,2025:${index}</id>` +
      `<link rel="alternate" href="${escapeXml(story.url)}"/><updated>${story.date.toISOString()}</updated>` +
      `<summary type="html">${escapeXml(story.html)}</summary></entry>`,
  );
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">' +
    `<title>${german ? 'KI-Blog' : 'AI Blog'} ${feed}</title><id>tag:outlet${feed}.example.com,2025:feed</id>` +
    `<updated>2025-03-31T00:00:00Z</updated>${entries.join('\n')}</feed>`
  );
}

/**
 * `count` synthetic feeds of `itemsPerFeed` items each (about 20 is realistic): two in three RSS 2.0, one in three
 * Atom; one in three German; HTML descriptions with entities; about one story in five also carried by another feed,
 * with tracking parameters on its link. Deterministic: the same arguments give the same bytes.
 */
export function generateFeeds(count: number, itemsPerFeed = 20): Buffer[] {
  const random = createRandom(42);
  return Array.from({ length: count }, (_, feed) => {
    const german = feed % 3 === 1;
    const stories = Array.from({ length: itemsPerFeed }, (_, index) => makeStory(random, feed, index, german));
    return Buffer.from(feed % 3 === 2 ? atomFeed(feed, stories, german) : rssFeed(feed, stories, german));
  });
}

const utf8 = new TextDecoder('utf-8');

/** Milliseconds feedsmith alone takes on `feeds`: UTF-8 decoding and the parse call, no clean-up afterwards. */
export function timeParserAlone(feeds: readonly Buffer[]): number {
  const started = performance.now();
  for (const body of feeds) {
    const text = utf8.decode(body);
    if (text.includes('<rss')) parseRssFeed(text);
    else parseAtomFeed(text);
  }
  return performance.now() - started;
}

/** Milliseconds `parseFeed` takes on `feeds`: charset detection, parse, links, dates, plain text. */
export function timeParseFeed(feeds: readonly Buffer[]): number {
  const started = performance.now();
  for (const [index, body] of feeds.entries()) parseFeed({ body, url: `https://outlet${index}.example.com/feed` });
  return performance.now() - started;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const feeds = generateFeeds(500, 20);
  timeParserAlone(feeds.slice(0, 50));
  timeParseFeed(feeds.slice(0, 50));
  const rounds = 5;
  let library = 0;
  let ours = 0;
  for (let round = 0; round < rounds; round++) {
    library += timeParserAlone(feeds);
    ours += timeParseFeed(feeds);
  }
  const items = feeds.length * 20 * rounds;
  console.log(`feed parsing: ${feeds.length} feeds × 20 items × ${rounds} rounds`);
  console.log(
    `feedsmith alone   ${library.toFixed(0).padStart(6)} ms  ${((items / library) * 1000).toFixed(0)} items/s`,
  );
  console.log(`parseFeed         ${ours.toFixed(0).padStart(6)} ms  ${((items / ours) * 1000).toFixed(0)} items/s`);
  console.log(`ratio parseFeed / feedsmith: ${(ours / library).toFixed(2)}x`);
}
