import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../domain/logger.ts';
import type { SourceDeclaration } from '../domain/source.ts';
import { createCronScheduler, groupBySchedule } from './cron-scheduler.ts';

const source = (id: string, kind: 'terms' | 'feed', schedule?: string): SourceDeclaration => ({
  id,
  kind,
  vendor: 'acme',
  title: id,
  url: `https://acme.example/${id}`,
  select: [],
  remove: [],
  schedule,
});

const DEFAULTS = { terms: '*/15 * * * *', feed: '*/5 * * * *', page: '*/10 * * * *' };

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-15T10:00:30Z'));
});

afterEach(async () => {
  for (const task of cron.getTasks().values()) await task.destroy();
  vi.useRealTimers();
});

describe('groupBySchedule', () => {
  it('groups sources by their own schedule or their kind’s default', () => {
    const groups = groupBySchedule(
      [source('a', 'terms'), source('b', 'feed'), source('c', 'terms', '0 * * * *'), source('d', 'feed')],
      DEFAULTS,
    );
    expect([...groups].map(([expression, sources]) => [expression, sources.map((s) => s.id)])).toEqual([
      ['*/15 * * * *', ['a']],
      ['*/5 * * * *', ['b', 'd']],
      ['0 * * * *', ['c']],
    ]);
  });
});

describe('createCronScheduler', () => {
  it('polls everything at start, then each group on its cadence', async () => {
    const polled: string[][] = [];
    const scheduler = createCronScheduler({
      sources: () => [source('terms', 'terms'), source('feed', 'feed')],
      defaults: DEFAULTS,
      poll: (sources) => {
        polled.push(sources.map((s) => s.id));
        return Promise.resolve();
      },
      idle: () => Promise.resolve(),
      logger: silentLogger,
    });
    scheduler.start();
    expect(polled).toEqual([['terms', 'feed']]);
    await vi.advanceTimersByTimeAsync(30 * 60 * 1000); // 10:00:30 → 10:30:30
    const feedPolls = polled.filter((ids) => ids.join() === 'feed').length;
    const termsPolls = polled.filter((ids) => ids.join() === 'terms').length;
    expect(feedPolls).toBe(6);
    expect(termsPolls).toBe(2);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(30 * 60 * 1000);
    expect(polled.filter((ids) => ids.join() === 'feed').length).toBe(6);
  });

  it('waits for polls under way when stopping and survives a poll that rejects', async () => {
    let finish: () => void = () => undefined;
    let idleResolved = false;
    const scheduler = createCronScheduler({
      sources: () => [source('terms', 'terms')],
      defaults: DEFAULTS,
      poll: () => Promise.reject(new Error('store down')),
      idle: () =>
        new Promise<void>((resolve) => {
          finish = () => {
            idleResolved = true;
            resolve();
          };
        }),
      logger: silentLogger,
    });
    scheduler.start();
    const stopping = scheduler.stop();
    await vi.advanceTimersByTimeAsync(10);
    expect(idleResolved).toBe(false);
    finish();
    await stopping;
    expect(idleResolved).toBe(true);
  });
});
