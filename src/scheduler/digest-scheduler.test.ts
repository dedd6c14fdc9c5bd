import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../domain/logger.ts';
import type { DigestSchedule } from '../domain/subscription.ts';
import { createDigestScheduler } from './digest-scheduler.ts';

const berlin: DigestSchedule = {
  target: { platform: 'console', workspaceId: 'w', channelId: 'c', userId: null },
  cron: '0 8 * * *',
  timezone: 'Europe/Berlin',
  lastSentAt: null,
};

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(async () => {
  for (const task of cron.getTasks().values()) await task.destroy();
  vi.useRealTimers();
});

describe('digest scheduler', () => {
  it('runs a daily digest at 08:00 in its own time zone, winter and summer', async () => {
    const runs: string[] = [];
    const scheduler = createDigestScheduler({
      listDigests: () => Promise.resolve([berlin]),
      run: () => {
        runs.push(new Date().toISOString());
        return Promise.resolve();
      },
      logger: silentLogger,
    });
    vi.setSystemTime(new Date('2026-01-15T06:59:00Z'));
    await scheduler.refresh();
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(runs).toEqual(['2026-01-15T07:00:00.000Z']);
    await scheduler.stop();

    vi.setSystemTime(new Date('2026-07-15T05:59:00Z'));
    await scheduler.refresh();
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(runs.at(-1)).toBe('2026-07-15T06:00:00.000Z');
    await scheduler.stop();
  });

  it('follows changed schedules on refresh and drops removed ones', async () => {
    let schedules: DigestSchedule[] = [berlin];
    let runs = 0;
    const scheduler = createDigestScheduler({
      listDigests: () => Promise.resolve(schedules),
      run: () => {
        runs += 1;
        return Promise.resolve();
      },
      logger: silentLogger,
    });
    vi.setSystemTime(new Date('2026-01-15T06:00:00Z'));
    await scheduler.refresh();
    schedules = [{ ...berlin, cron: '30 7 * * *' }];
    await scheduler.refresh();
    await vi.advanceTimersByTimeAsync(31 * 60_000); // 07:31 Berlin
    expect(runs).toBe(1);
    schedules = [];
    await scheduler.refresh();
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(runs).toBe(1);
    await scheduler.stop();
  });
});
