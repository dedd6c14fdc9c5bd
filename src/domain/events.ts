import type { TermsDiff } from './terms-diff.ts';

/** Fields every tracker event carries. */
interface EventBase {
  readonly source: string;
  readonly vendor: string;
  readonly title: string;
  readonly url: string;
  /** ISO-8601 UTC time the event was detected. */
  readonly at: string;
}

/** First successful sighting of a source: its state is recorded, nothing is announced as changed. */
export interface BaselineRecorded extends EventBase {
  readonly type: 'baseline';
  readonly kind: 'terms' | 'feed';
  readonly versionId: string;
}

/** A terms document has a new, confirmed version. */
export interface TermsChanged extends EventBase {
  readonly type: 'terms-change';
  readonly fromVersion: string;
  readonly toVersion: string;
  readonly diff: TermsDiff;
}

/** One item a feed did not carry before. */
export interface NewsItemSummary {
  readonly title: string;
  readonly url: string;
  readonly published: string | null;
  readonly summary: string;
}

/** A feed has items it did not have at the last poll. */
export interface NewsPublished extends EventBase {
  readonly type: 'news';
  readonly items: readonly NewsItemSummary[];
}

/** A poll of a source failed. `failing` turns true once failures reach the configured threshold. */
export interface SourceFailed extends EventBase {
  readonly type: 'source-error';
  readonly code: string;
  readonly message: string;
  readonly consecutiveFailures: number;
  readonly failing: boolean;
}

export type TrackerEvent = BaselineRecorded | TermsChanged | NewsPublished | SourceFailed;
export type TrackerEventType = TrackerEvent['type'];
