import type { TrackerEvent } from '../domain/events.ts';
import { AppError, describeError } from '../domain/errors.ts';
import { isFailing, type SourceDeclaration, type SourceHealth } from '../domain/source.ts';
import type { PollRecord } from '../store/store.ts';
import { pollFeed } from './poll-feed.ts';
import { eventBase } from './poll-records.ts';
import { pollTerms } from './poll-terms.ts';
import type { TrackerDeps } from './tracker-deps.ts';

/**
 * Polls one source and records the outcome in one transaction. Fetch, extraction and diff failures are the
 * source's failures (recorded, reported as `source-error`); storage errors propagate and crash loudly.
 */
export async function pollSource(source: SourceDeclaration, deps: TrackerDeps): Promise<readonly TrackerEvent[]> {
  const health = await deps.store.getHealth(source.id);
  let record: PollRecord;
  try {
    record = source.kind === 'terms' ? await pollTerms(source, health, deps) : await pollFeed(source, health, deps);
  } catch (error) {
    record = failedPoll(source, health, error, deps);
  }
  await deps.store.recordPoll(record);
  return record.events;
}

function failedPoll(
  source: SourceDeclaration,
  health: SourceHealth | undefined,
  error: unknown,
  deps: TrackerDeps,
): PollRecord {
  const at = deps.clock.now().toISOString();
  const { code, message } = describeError(error);
  const consecutiveFailures = (health?.consecutiveFailures ?? 0) + 1;
  const failing = isFailing({ consecutiveFailures }, deps.options.failureThreshold);
  const log = error instanceof AppError ? deps.logger.warn.bind(deps.logger) : deps.logger.error.bind(deps.logger);
  log({ source: source.id, code, consecutiveFailures, failing }, `poll failed: ${message}`);
  return {
    sourceId: source.id,
    at,
    result: { ok: false, code, message },
    events: [{ type: 'source-error', ...eventBase(source, at), code, message, consecutiveFailures, failing }],
  };
}
