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
  /** The sources to poll, read at every tick: sources added while running are polled on their kind's cadence. */
  readonly sources: () => readonly SourceDeclaration[];
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
      const current = options.sources();
      const expressions = new Set([
        ...Object.values(options.defaults),
        ...groupBySchedule(current, options.defaults).keys(),
      ]);
      for (const expression of expressions) {
        const due = (): SourceDeclaration[] =>
          groupBySchedule(options.sources(), options.defaults).get(expression) ?? [];
        const task = cron.schedule(
          expression,
          () => {
            const sources = due();
            if (sources.length > 0) run(sources, expression);
          },
          { name: `poll ${expression}`, ...(options.timezone === undefined ? {} : { timezone: options.timezone }) },
        );
        tasks.push(task);
      }
      if (options.pollAtStart ?? true) run(current, 'start');
    },
    async stop() {
      await Promise.all(tasks.splice(0).map(async (task) => task.destroy()));
      await options.idle();
    },
  };
}
