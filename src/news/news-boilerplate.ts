/**
 * Feed boilerplate that is not part of a story's text: WordPress footers ("The post … appeared first on …"),
 * read-more links ("Read more", "Continue reading", "Weiterlesen", "mehr…", "[…]"), bylines ("By Jane Doe |"),
 * image credits ("(Bild: heise online)", "Photo: Reuters") and stray lines ("Advertisement", "Anzeige").
 */

import { collapseWhiteSpace } from './white-space.ts';

/** What is left of a text once boilerplate is removed, and whether a marker showed the feed cut it short. */
export interface CleanedText {
  readonly text: string;
  readonly truncated: boolean;
}

/** "The post <title> appeared first on <site>." in the languages WordPress ships. */
const WORDPRESS_FOOTER =
  /(?:The post|Der Beitrag|Der Artikel|L['’]article|La entrada|El artículo|L['’]articolo|Het bericht|O post)\s[^\n]{1,400}?\s(?:appeared first on|erschien zuerst auf|est apparu en premier sur|apareció primero en|aparece primero en|proviene da|è apparso per la prima volta su|verscheen eerst op|apareceu primeiro em)\s[^\n]*/gu;

/** Cheap literal test before the footer regex, which is slower to run on every item. */
const WORDPRESS_HINT = /first on|zuerst auf|premier sur|primero en|proviene da|prima volta su|eerst op|primeiro em/;

/** Markers after which a feed's teaser stops: everything from the marker on goes. */
const READ_MORE =
  /(?:^|\s|[.!?:;,])\s*(?:\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|\((?:more|mehr)…?\)|Read the (?:full )?(?:story|article|post)|Keep reading|Continue reading|Continue Reading|Read more|Read More|Read full (?:story|article)|Learn more|Weiterlesen|Mehr lesen|Lesen Sie (?:mehr|weiter)|Zum (?:Artikel|Beitrag)|[»›]?\s*mehr(?:\s*(?:…|\.\.\.))|[»›]\s*mehr|Lire la suite|Leer más|Continua a leggere|Lees verder)(?=$|[\s.:…»›→>)\]"'“”‚‘’-])[\s\S]*$/u;

/**
 * Cheap literal test before `READ_MORE`: every match of it contains one of these (a bracket, or a word of a
 * marker), and most teasers contain none, so the costlier expression runs only where it could match.
 */
const READ_MORE_HINT =
  /[[(]|Read |Keep reading|Continu|Learn more|Weiterlesen|Mehr lesen|Lesen Sie|Zum |mehr|Lire la suite|Leer más|Lees verder/;

/** "By Jane Doe |", "Von Max Mustermann –" at the start. */
const BYLINE =
  /^\s*(?:By|BY|Von|VON|Par|Por|Di|Door)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|van|von|de|der|da|di|le|la|and|und|&))*\s*(?:[|•·–—:]|\s-\s)\s*/u;

/** Credits in brackets anywhere: "(Bild: heise online)", "[Photo: Reuters]", "(Image credit: Getty Images)". */
const BRACKETED_CREDIT =
  /\s*[([](?:Bild|Bilder|Foto|Fotos|Image|Images|Photo|Photos|Picture|Illustration|Grafik|Credit|Credits|Bildquelle|Quelle|Source|Screenshot|Video)(?:\s+(?:credit|credits|by|via))?\s*:\s*[^)\]\n]{1,160}[)\]]/giu;

/** A credit at the very start that names an agency: "Photo: Justin Sullivan/Getty Images Anthropic said …". */
const LEADING_CREDIT =
  /^\s*(?:Image|Photo|Picture|Bild|Foto|Illustration)(?:\s+credit)?\s*:\s*[^.\n]{0,100}?(?:Getty Images|Reuters|AP Photo|AP|AFP|dpa|Shutterstock|Unsplash|Bloomberg|picture alliance|Imago|Keystone|EPA)\s*(?:\/\s*[\p{L}.\- ]{1,40}?(?=\s\p{Lu}))?/u;

/** A line that is only a credit (short: a long line is a story that starts with one), or page chrome. */
const CHROME_LINE =
  /^\s*(?:(?:Image|Photo|Picture|Illustration|Bild|Foto|Grafik|Bildquelle|Quelle|Source)(?:\s+(?:credit|credits|by))?\s*:[^\n]{0,80}|Photo by [^\n]{1,80} on (?:Unsplash|Pexels)|Advertisement|Anzeige|Werbung|Sponsored|Share this(?: article| story)?:?|Teilen:?|Listen to this article.*|Artikel (?:anhören|vorlesen).*|(?:Updated|Aktualisiert)(?:\s+(?:on|am))?:?\s+(?=[^\n]*\d)[\p{L}\p{N} ,.:/-]{1,40})\s*$/iu;

/**
 * One literal pass that every marked text matches: a newline (line-wise chrome), a bracket (credits, `[…]`), the
 * WordPress footer hint or a read-more hint. Most teasers match none of these and skip the four expressions.
 * (White space to collapse is tested apart: folded into this pass it made the pass slower than both together.)
 */
const ANY_MARKER = new RegExp(String.raw`[\n\r]|${WORDPRESS_HINT.source}|${READ_MORE_HINT.source}`);

/** Removes boilerplate and collapses white space to single spaces. */
export function removeBoilerplate(text: string): CleanedText {
  if (ANY_MARKER.test(text)) return tidy(removeMarked(text));
  return tidy({ text: CHROME_LINE.test(text) ? '' : text, truncated: false });
}

/** `removeBoilerplate` without the shortcut for unmarked text: every expression runs. Exported for tests. */
export function removeBoilerplateFully(text: string): CleanedText {
  return tidy(removeMarked(text));
}

/** White space collapsed, a leading byline or agency credit dropped. */
function tidy({ text, truncated }: CleanedText): CleanedText {
  return { text: collapseWhiteSpace(text).replace(BYLINE, '').replace(LEADING_CREDIT, '').trim(), truncated };
}

/** Footers, chrome lines, credits and everything after a read-more marker, white space left as it is. */
function removeMarked(text: string): CleanedText {
  let cleaned = WORDPRESS_HINT.test(text) ? text.replace(WORDPRESS_FOOTER, ' ') : text;
  if (/[\n\r]/.test(cleaned)) {
    cleaned = cleaned
      .split(/\r?\n|\r/)
      .filter((line) => !CHROME_LINE.test(line))
      .join('\n');
  } else if (CHROME_LINE.test(cleaned)) {
    cleaned = '';
  }
  if (cleaned.includes('(') || cleaned.includes('[')) cleaned = cleaned.replace(BRACKETED_CREDIT, ' ');
  const readMore = READ_MORE_HINT.test(cleaned) ? READ_MORE.exec(cleaned) : null;
  if (readMore === null) return { text: cleaned, truncated: false };
  return { text: cleaned.slice(0, readMore.index + (/^[.!?:;,]/.test(readMore[0]) ? 1 : 0)), truncated: true };
}
