import cron, { type ScheduledTask } from 'node-cron';
import type { SourceDeclaration } from '../domain/source.ts';
import { describeError } from '../domain/errors.ts';
import type { Logger } from '../domain/logger.ts';

/** Runs polls on their cadences until stopped. */
export interface Scheduler {
  start(): void;
  /** Stops scheduling and resolves once polls under way have finished. */
  stop(): Promise<void>;
}

export interface CronSchedulerOptions {
  readonly sources: readonly SourceDeclaration[];
  /** Cadence per kind when a source names none. */
  readonly defaults: { readonly terms: string; readonly feed: string; readonly page: string };
  /** Polls a group of sources; must not throw for a source's own failure. */
  readonly poll: (sources: readonly SourceDeclaration[]) => Promise<unknown>;
  /** Resolves when no poll is under way. */
  readonly idle: () => Promise<void>;
  readonly logger: Logger;
  /** Poll every source once at start instead of waiting for the first tick. @defaultValue true */
  readonly pollAtStart?: boolean;
  readonly timezone?: string;
}

/** Groups sources by cron expression: one node-cron task per distinct cadence. */
export function groupBySchedule(
  sources: readonly SourceDeclaration[],
  defaults: CronSchedulerOptions['defaults'],
): Map<string, SourceDeclaration[]> {
  const groups = new Map<string, SourceDeclaration[]>();
  for (const source of sources) {
    const expression = source.schedule ?? defaults[source.kind];
    const group = groups.get(expression) ?? [];
    group.push(source);
    groups.set(expression, group);
  }
  return groups;
}

export function createCronScheduler(options: CronSchedulerOptions): Scheduler {
  const tasks: ScheduledTask[] = [];
  const run = (sources: readonly SourceDeclaration[], why: string): void => {
    options.logger.debug({ sources: sources.length, why }, 'polling');
    options.poll(sources).catch((error: unknown) => {
      options.logger.error({ err: describeError(error) }, 'poll run failed');
    });
  };
  return {
    start() {
      for (const [expression, sources] of groupBySchedule(options.sources, options.defaults)) {
        const task = cron.schedule(
          expression,
          () => {
            run(sources, expression);
          },
          {
            name: `poll ${expression}`,
            ...(options.timezone === undefined ? {} : { timezone: options.timezone }),
          },
        );
        tasks.push(task);
      }
      if (options.pollAtStart ?? true) run(options.sources, 'start');
    },
    async stop() {
      await Promise.all(tasks.splice(0).map(async (task) => task.destroy()));
      await options.idle();
    },
  };
}
