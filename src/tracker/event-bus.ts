import type { TrackerEvent } from '../domain/events.ts';
import { describeError } from '../domain/errors.ts';
import type { Logger } from '../domain/logger.ts';

export type EventListener = (event: TrackerEvent) => void | Promise<void>;

/** Hands tracker events to every listener. */
export interface EventBus {
  /** Adds a listener; returns a function that removes it. */
  subscribe(listener: EventListener): () => void;
  /** Delivers events in order to every listener. Never throws. */
  publish(events: readonly TrackerEvent[]): Promise<void>;
}

/**
 * Each listener is isolated: one that throws or rejects is logged and the others still receive the event, so a
 * broken output never stops tracking.
 */
export function createEventBus(logger: Logger): EventBus {
  const listeners = new Set<EventListener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async publish(events) {
      for (const event of events) {
        for (const listener of listeners) {
          try {
            await listener(event);
          } catch (error) {
            logger.error(
              { err: describeError(error), event: event.type, source: event.source },
              'event listener failed',
            );
          }
        }
      }
    },
  };
}
