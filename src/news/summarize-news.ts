/**
 * Item summaries: the first meaningful sentences of a feed's description or content, as plain text that fits
 * a chat line.
 */
import { removeBoilerplate } from './news-boilerplate.ts';
import { isCompleteSentence, splitSentences } from './split-sentences.ts';
import { startAtWord } from './white-space.ts';

/** Default length bound of a summary, in UTF-16 code units. */
export const SUMMARY_MAX_CHARS = 300;

/** Characters of input looked at per character of summary: a description's start is all a summary needs. */
const INPUT_FACTOR = 8;
const MIN_INPUT_CHARS = 2000;
const ELLIPSIS = '…';
/**
 * CJK full stops end a sentence without a space after them. Any other boundary is followed by a space, so the
 * sentences of collapsed text, trimmed and joined by single spaces, give the text back whatever the boundaries:
 * a whole text that fits is its own summary and needs no splitting.
 */
const CJK_STOP = /[。！？]/;

/** The start of `text`, at most `limit` characters, cut at white space. */
function leadingText(text: string, limit: number): string {
  return startAtWord(text, limit, 'cut');
}

/** A too-long sentence cut at the last word boundary that leaves room for "…". */
function cutAtWord(sentence: string, maxChars: number): string {
  const room = sentence.slice(0, Math.max(0, maxChars - ELLIPSIS.length) + 1);
  const space = room.search(/\s\S*$/u);
  let cut = space > 0 ? room.slice(0, space) : room.slice(0, -1);
  // Never split a surrogate pair when a single "word" is longer than the whole budget.
  if (/[\uD800-\uDBFF]$/u.test(cut)) cut = cut.slice(0, -1);
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}${ELLIPSIS}`;
}

/** How many sentences from the first fit in `maxChars`, joined by single spaces. */
function sentencesWithin(sentences: readonly string[], maxChars: number): number {
  let count = 0;
  let length = -1; // no space before the first sentence
  for (const sentence of sentences) {
    if (length + 1 + sentence.length > maxChars) break;
    length += 1 + sentence.length;
    count++;
  }
  return count;
}

/**
 * The first meaningful sentences of `text`, plain text, at most `maxChars` characters, cut at a sentence
 * boundary. Boilerplate (WordPress footers, "Read more", bylines, image credits) is skipped; abbreviations
 * such as "z. B." or "U.S." do not end a sentence. When the first sentence alone is too long it is cut at a
 * word boundary and ends with "…". A fragment the feed cut off (ending in "[…]")
 * is left out unless nothing else is left.
 * @param language - ISO 639-1 code of the text, for language-specific sentence rules (German ordinals).
 * @param maxChars - length bound. @defaultValue 300
 */
export function summarizeNews(text: string, language: string | null, maxChars = SUMMARY_MAX_CHARS): string {
  const input = leadingText(text, Math.max(MIN_INPUT_CHARS, maxChars * INPUT_FACTOR));
  const { text: cleaned, truncated } = removeBoilerplate(input);
  const cutShort = truncated || input.length < text.length;
  if (!cutShort && cleaned.length <= maxChars && !CJK_STOP.test(cleaned)) return cleaned;
  const sentences = splitSentences(cleaned, language);
  const last = sentences.at(-1);
  if (cutShort && sentences.length > 1 && last !== undefined && !isCompleteSentence(last)) sentences.pop();
  const count = sentencesWithin(sentences, maxChars);
  const first = sentences[0];
  if (count === 0 && first !== undefined) return cutAtWord(first, maxChars);
  // Joined once: a flat string, not a chain of concatenations kept alive with the item.
  const summary = sentences.slice(0, count).join(' ');
  const lone = count === 1 && cutShort && first !== undefined && !isCompleteSentence(first);
  return lone && summary.length + ELLIPSIS.length <= maxChars ? `${summary}${ELLIPSIS}` : summary;
}
