/**
 * One news story, clean and tagged: the unit clausewatch alerts on. The same story from several feeds is one
 * item; the first source to carry it owns it and the others are listed in `alsoReportedBy`.
 */
export interface NewsItem {
  /** Source id of the feed or page that carried the story first. */
  readonly source: string;
  /** Identity within that source: the feed's guid/id, else the canonical URL, else the title. */
  readonly key: string;
  /** Plain text, entities decoded. */
  readonly title: string;
  /** Canonical URL: tracking parameters, fragments and `www.` dropped. */
  readonly url: string;
  /** ISO-8601 UTC, or null when the source gives no date. */
  readonly published: string | null;
  /** The first meaningful sentences, plain text, at most about 300 characters, cut at a sentence boundary. */
  readonly summary: string;
  /** Vendor slugs the story concerns (`anthropic`, `openai`, …). */
  readonly vendors: readonly string[];
  /** Topic slugs (`terms-and-policy`, `access`, `pricing`, `model-release`, …). */
  readonly topics: readonly string[];
  /** ISO 639-1 code detected from the text, or null when unsure. */
  readonly language: string | null;
  /** Source ids of the other feeds that carried the same story. */
  readonly alsoReportedBy: readonly string[];
}
