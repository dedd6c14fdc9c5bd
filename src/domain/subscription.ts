import type { Significance } from './terms-diff.ts';

/** Chat platforms clausewatch delivers to. */
export type Platform = 'console' | 'discord' | 'slack';

/**
 * Where a delivery goes: a channel of a workspace (Discord guild, Slack team), or a user's direct messages
 * (`channelId` null, `userId` set).
 */
export interface Target {
  readonly platform: Platform;
  readonly workspaceId: string;
  readonly channelId: string | null;
  readonly userId: string | null;
}

/** What a subscription lets through; empty lists mean "any". */
export interface SubscriptionFilters {
  readonly vendors: readonly string[];
  readonly topics: readonly string[];
  /** Case-insensitive words or phrases that must appear in the title, summary or clause text. */
  readonly keywords: readonly string[];
  /** Source ids. */
  readonly sources: readonly string[];
  /** Terms changes below this significance are not delivered (news items have no significance). */
  readonly minSignificance: Significance;
  readonly kind: 'terms' | 'news' | 'both';
}

/** A standing request to hear about matching terms changes and news. */
export interface Subscription {
  readonly id: number;
  readonly target: Target;
  readonly filters: SubscriptionFilters;
  /** Role or user mention added to high-significance terms changes (`<@&role>`, `<!here>`), or null. */
  readonly mention: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  /** A paused subscription (e.g. DMs closed) matches nothing until resumed. */
  readonly paused: boolean;
}

/** A digest schedule of one target: matches are gathered and sent together instead of one by one. */
export interface DigestSchedule {
  readonly target: Target;
  /** node-cron expression (daily and weekly are stored as cron expressions too). */
  readonly cron: string;
  /** IANA time zone, e.g. `Europe/Berlin`. */
  readonly timezone: string;
  readonly lastSentAt: string | null;
}
