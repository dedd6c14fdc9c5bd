import type { Clock } from '../domain/clock.ts';
import type { Logger } from '../domain/logger.ts';
import type { SignificanceRule } from '../diff/significance/rules.ts';
import type { Fetcher } from '../sources/fetcher.ts';
import type { Store } from '../store/store.ts';
import type { NewsOptions } from './news-pipeline.ts';

/** What the tracker needs from the outside world, injected. */
export interface TrackerDeps {
  readonly store: Store;
  readonly fetcher: Fetcher;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Waits before the confirming fetch; injectable so tests do not wait. */
  readonly sleep: (ms: number) => Promise<void>;
  readonly options: TrackerOptions;
}

export interface TrackerOptions {
  /** Consecutive failures after which a source counts as failing. @defaultValue 3 */
  readonly failureThreshold: number;
  /** Delay before a changed document is fetched again to confirm the change. @defaultValue 60 000 */
  readonly confirmDelayMs: number;
  /** Significance rules for the clause diff (defaults plus the user's). */
  readonly rules?: readonly SignificanceRule[] | undefined;
  /** Dictionaries, dedupe window and caps of the news pipeline. */
  readonly news: NewsOptions;
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
