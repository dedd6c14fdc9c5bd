import type { NewsItem } from './news.ts';
import type { SourceKind } from './source.ts';
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
  readonly kind: SourceKind;
  readonly versionId: string;
}

/** A terms document has a new, confirmed version. */
export interface TermsChanged extends EventBase {
  readonly type: 'terms-change';
  readonly fromVersion: string;
  readonly toVersion: string;
  readonly diff: TermsDiff;
}

/** A feed or listing page has stories no watched source carried before. */
export interface NewsPublished extends EventBase {
  readonly type: 'news';
  readonly items: readonly NewsItem[];
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
