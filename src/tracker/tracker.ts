import PQueue from 'p-queue';
import type { TrackerEvent } from '../domain/events.ts';
import type { SourceDeclaration } from '../domain/source.ts';
import type { EventBus } from './event-bus.ts';
import { pollSource } from './poll-source.ts';
import type { TrackerDeps } from './tracker-deps.ts';

/** Polls sources and publishes what it finds. */
export interface Tracker {
  /**
   * Polls the given sources once, at most `concurrency` at a time, and resolves with every event in source
   * order. A source already being polled is skipped: polls of one source never overlap.
   */
  poll(sources: readonly SourceDeclaration[]): Promise<TrackerEvent[]>;
  /** Resolves when every poll under way has finished. */
  idle(): Promise<void>;
}

export interface TrackerSettings {
  /** Sources polled at once. @defaultValue 8 */
  readonly concurrency: number;
}

export function createTracker(deps: TrackerDeps, bus: EventBus, settings: TrackerSettings): Tracker {
  const queue = new PQueue({ concurrency: settings.concurrency });
  const inFlight = new Set<string>();

  async function pollOne(source: SourceDeclaration): Promise<readonly TrackerEvent[]> {
    inFlight.add(source.id);
    try {
      const events = await pollSource(source, deps);
      await bus.publish(events);
      return events;
    } finally {
      inFlight.delete(source.id);
    }
  }

  return {
    async poll(sources) {
      const due = sources.filter((source) => !inFlight.has(source.id));
      for (const source of due) inFlight.add(source.id);
      const results = await Promise.all(due.map((source) => queue.add(() => pollOne(source))));
      return results.flatMap((events) => [...events]);
    },
    idle: () => queue.onIdle(),
  };
}
