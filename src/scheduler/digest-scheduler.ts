import cron, { type ScheduledTask } from 'node-cron';
import { describeError } from '../domain/errors.ts';
import type { Logger } from '../domain/logger.ts';
import type { DigestSchedule } from '../domain/subscription.ts';
import { targetKey } from '../store/alert-store.ts';

export interface DigestSchedulerOptions {
  readonly listDigests: () => Promise<readonly DigestSchedule[]>;
  /** Sends one digest; must not throw for a target's own trouble. */
  readonly run: (schedule: DigestSchedule) => Promise<unknown>;
  readonly logger: Logger;
}

/** One node-cron task per digest schedule, in the schedule's time zone; `refresh()` after schedules change. */
export interface DigestScheduler {
  refresh(): Promise<void>;
  stop(): Promise<void>;
}

export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const tasks = new Map<string, { readonly signature: string; readonly task: ScheduledTask }>();
  const fire = (key: string): void => {
    // Reads the schedule again at fire time: lastSentAt moves with every digest.
    options
      .listDigests()
      .then(async (schedules) => {
        const schedule = schedules.find((candidate) => targetKey(candidate.target) === key);
        if (schedule !== undefined) await options.run(schedule);
      })
      .catch((error: unknown) => {
        options.logger.error({ target: key, err: describeError(error) }, 'digest failed');
      });
  };
  return {
    async refresh() {
      const schedules = await options.listDigests();
      const wanted = new Map(schedules.map((schedule) => [targetKey(schedule.target), schedule]));
      for (const [key, entry] of tasks) {
        const schedule = wanted.get(key);
        if (schedule === undefined || entry.signature !== `${schedule.cron}@${schedule.timezone}`) {
          await entry.task.destroy();
          tasks.delete(key);
        }
      }
      for (const [key, schedule] of wanted) {
        if (tasks.has(key)) continue;
        const task = cron.schedule(
          schedule.cron,
          () => {
            fire(key);
          },
          { timezone: schedule.timezone, name: `digest ${key}` },
        );
        tasks.set(key, { signature: `${schedule.cron}@${schedule.timezone}`, task });
      }
    },
    async stop() {
      for (const { task } of tasks.values()) await task.destroy();
      tasks.clear();
    },
  };
}
