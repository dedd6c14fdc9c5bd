/**
 * The platform-neutral alert: what every chat adapter (console, Discord, Slack) renders. Builders turn tracker
 * events into messages; `fitMessage` cuts a message to one platform's limits before it is rendered.
 */
import type { ClauseChangeKind, Significance } from '../domain/terms-diff.ts';

export type AlertKind = 'terms-change' | 'news' | 'source-error' | 'digest';

/** A short labelled fact ("Document", "Effective date"); adapters show these as embed fields or context. */
export interface AlertField {
  readonly name: string;
  readonly value: string;
}

/** One clause change as an alert shows it: adapters render `before`/`after` as a diff block. */
export interface AlertClauseChange {
  readonly kind: ClauseChangeKind;
  /** Heading path of the clause, joined with " › ". */
  readonly section: string;
  readonly label: string | null;
  readonly significance: Significance;
  readonly summary: string;
  /** Clause text before the change; null for added clauses. May be cut short, ending in "…". */
  readonly before: string | null;
  /** Clause text after the change; null for removed clauses. May be cut short, ending in "…". */
  readonly after: string | null;
}

/** One line of a news list or a digest. */
export interface AlertItem {
  readonly title: string;
  /** Null when there is none, or when it was too long to show within the platform's limits. */
  readonly url: string | null;
  /** Source id that carried the story (or whose terms changed). */
  readonly source: string;
  /** A sentence or two; empty when the source gave none. May be cut short, ending in "…". */
  readonly summary: string;
  /** Vendor slugs. */
  readonly vendors: readonly string[];
  /** Topic slugs. */
  readonly topics: readonly string[];
  /** Significance of a terms change listed in a digest; null for news. */
  readonly significance: Significance | null;
  /** Heading the line is listed under in a digest (the vendor's display name); null outside digests. */
  readonly group: string | null;
}

export interface AlertLink {
  readonly label: string;
  readonly url: string;
}

/**
 * A button: with `url` it opens a page; without, adapters send `id` back as an interaction (`diff:<source>:
 * <toVersion>`, `unsubscribe:<subscriptionId>`) for the command layer to handle.
 */
export interface AlertButton {
  readonly id: string;
  readonly label: string;
  readonly url?: string | undefined;
}

/** A rendered-to-be alert, free of any platform's markup. */
export interface AlertMessage {
  readonly kind: AlertKind;
  readonly headline: string;
  /** Highest significance among the clause changes shown; null for news and source errors. */
  readonly significance: Significance | null;
  /** Vendor slug the alert is about, or null (mixed news, digests). */
  readonly vendor: string | null;
  /** 0xRRGGBB: the vendor's brand colour, else by significance. */
  readonly color: number;
  /** Where the headline links to. */
  readonly url: string | null;
  readonly fields: readonly AlertField[];
  /** Most significant first. */
  readonly clauseChanges: readonly AlertClauseChange[];
  readonly items: readonly AlertItem[];
  /** "…and N more" after the clause changes when some had to be left out to fit a platform; else null. */
  readonly moreChanges: string | null;
  /** "…and N more" after the items when some had to be left out to fit a platform; else null. */
  readonly moreItems: string | null;
  readonly links: readonly AlertLink[];
  readonly buttons: readonly AlertButton[];
  /** Role or user mention to put before the alert (`<@&123>`, `<!here>`), or null. */
  readonly mention: string | null;
  readonly footer: string | null;
  /** ISO-8601 UTC time of the event (the end of the period for digests). */
  readonly timestamp: string;
}

export {
  termsChangeMessage,
  newsMessage,
  sourceFailedMessage,
  type MessageOptions,
  type NewsMessageOptions,
  type TermsMessageOptions,
} from './event-messages.ts';
export { digestMessage, type DigestEntry, type DigestOptions } from './digest-message.ts';
