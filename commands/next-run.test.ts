import { describe, expect, it } from 'vitest';
import { describeCron, describeRun, inWords, nextRun } from './next-run.ts';

describe('nextRun', () => {
  it.each([
    {
      name: 'daily, later today',
      cron: '0 12 * * *',
      zone: 'UTC',
      from: '2026-04-01T10:00:00Z',
      next: '2026-04-01T12:00:00.000Z',
    },
    {
      name: 'daily, passed today',
      cron: '0 8 * * *',
      zone: 'UTC',
      from: '2026-04-01T10:00:00Z',
      next: '2026-04-02T08:00:00.000Z',
    },
    {
      name: 'strictly after a run',
      cron: '0 8 * * *',
      zone: 'UTC',
      from: '2026-04-02T08:00:00Z',
      next: '2026-04-03T08:00:00.000Z',
    },
    {
      name: 'in summer time',
      cron: '0 8 * * *',
      zone: 'Europe/Berlin',
      from: '2026-04-01T10:00:00Z',
      next: '2026-04-02T06:00:00.000Z',
    },
    {
      name: 'in winter time',
      cron: '0 8 * * *',
      zone: 'Europe/Berlin',
      from: '2026-01-15T10:00:00Z',
      next: '2026-01-16T07:00:00.000Z',
    },
    {
      name: 'ahead of UTC, same UTC day',
      cron: '0 8 * * *',
      zone: 'Asia/Tokyo',
      from: '2026-04-01T10:00:00Z',
      next: '2026-04-01T23:00:00.000Z',
    },
    {
      name: 'weekdays only',
      cron: '30 7 * * 1-5',
      zone: 'UTC',
      from: '2026-04-03T08:00:00Z',
      next: '2026-04-06T07:30:00.000Z',
    },
    {
      name: 'Sunday as 7',
      cron: '0 0 8 * * 7',
      zone: 'UTC',
      from: '2026-04-01T10:00:00Z',
      next: '2026-04-05T08:00:00.000Z',
    },
    {
      name: 'last day of the month',
      cron: '0 9 L * *',
      zone: 'Europe/Berlin',
      from: '2026-04-01T10:00:00Z',
      next: '2026-04-30T07:00:00.000Z',
    },
    {
      name: 'leap day',
      cron: '0 8 29 2 *',
      zone: 'UTC',
      from: '2026-04-01T10:00:00Z',
      next: '2028-02-29T08:00:00.000Z',
    },
    {
      name: 'a time skipped by DST',
      cron: '30 2 * * *',
      zone: 'America/New_York',
      from: '2026-03-07T12:00:00Z',
      next: '2026-03-09T06:30:00.000Z',
    },
    {
      name: 'a time repeated by DST: the first',
      cron: '30 1 * * *',
      zone: 'America/New_York',
      from: '2026-11-01T04:00:00Z',
      next: '2026-11-01T05:30:00.000Z',
    },
  ])('$name', ({ cron, zone, from, next }) => {
    expect(nextRun(cron, zone, new Date(from))?.toISOString()).toBe(next);
  });

  it('gives up on tokens it does not follow rather than guess', () => {
    expect(nextRun('0 9 * * 1#2', 'UTC', new Date('2026-04-01T10:00:00Z'))).toBeNull();
    expect(nextRun('0 9 15W * *', 'UTC', new Date('2026-04-01T10:00:00Z'))).toBeNull();
  });

  it('answers an expression node-cron refuses with null', () => {
    expect(nextRun('0 8 31 2 *', 'UTC', new Date('2026-04-01T10:00:00Z'))).toBeNull();
    expect(nextRun('every day', 'UTC', new Date('2026-04-01T10:00:00Z'))).toBeNull();
  });
});

describe('in words', () => {
  it('describes a run with its zone and how far off it is', () => {
    const now = new Date('2026-04-01T10:00:00Z');
    expect(describeRun(new Date('2026-04-02T06:00:00Z'), 'Europe/Berlin', now)).toBe(
      'Thursday 2 April 2026 at 08:00 (Europe/Berlin), in 20 hours',
    );
  });

  it.each([
    [30_000, 'in 1 minute'],
    [45 * 60_000, 'in 45 minutes'],
    [90 * 60_000, 'in 2 hours'],
    [35 * 3_600_000, 'in 35 hours'],
    [118 * 3_600_000, 'in 5 days'],
  ])('%i ms is "%s"', (ms, words) => {
    expect(inWords(ms)).toBe(words);
  });

  it.each([
    ['0 8 * * *', 'daily at 08:00'],
    ['5 17 * * 1', 'every Monday at 17:05'],
    ['0 9 * * 7', 'every Sunday at 09:00'],
    ['0 8 * * 1-5', 'cron "0 8 * * 1-5"'],
  ])('describes %s as "%s"', (cron, words) => {
    expect(describeCron(cron)).toBe(words);
  });
});
