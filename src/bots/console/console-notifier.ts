import type { SourceFailed, TrackerEvent } from '../../domain/events.ts';
import type { EventListener } from '../../tracker/event-bus.ts';
import { formatEventForConsole } from './format-event.ts';

export interface ConsoleNotifierOptions {
  readonly write: (text: string) => void;
  readonly color: boolean;
}

/**
 * The console adapter: prints alerts as they happen. A failing source is reported when its failure streak
 * starts and once more when it crosses the failing threshold, not on every poll.
 */
export function createConsoleNotifier(options: ConsoleNotifierOptions): EventListener {
  const reportedFailing = new Set<string>();
  const worthReporting = (event: SourceFailed): boolean => {
    if (event.consecutiveFailures === 1) {
      reportedFailing.delete(event.source);
      return true;
    }
    if (!event.failing || reportedFailing.has(event.source)) return false;
    reportedFailing.add(event.source);
    return true;
  };
  return (event: TrackerEvent) => {
    if (event.type === 'source-error' && !worthReporting(event)) return;
    options.write(`${formatEventForConsole(event, { color: options.color })}\n`);
  };
}
