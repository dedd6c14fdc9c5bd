import { describe, expect, it } from 'vitest';
import { digestCron, isValidTimezone, parseDigestSchedule, parseTime, parseTimezone } from './digest.ts';

const SCHEDULE_EXPECTED =
  'expected daily, weekly or a cron expression such as "0 8 * * 1-5" (minute hour day month weekday)';

describe('digestCron', () => {
  it.each<{ schedule: string; time?: string; weekday?: string | number; expected: string }>([
    { schedule: 'daily', time: '08:00', expected: '0 8 * * *' },
    { schedule: 'daily', expected: '0 8 * * *' },
    { schedule: 'Daily', time: '8:30', expected: '30 8 * * *' },
    { schedule: 'daily', time: '5pm', expected: '0 17 * * *' },
    { schedule: 'weekly', time: '08:00', expected: '0 8 * * 1' },
    { schedule: 'weekly', time: '17:45', weekday: 'friday', expected: '45 17 * * 5' },
    { schedule: 'weekly', time: '09:00', weekday: 'Sun', expected: '0 9 * * 0' },
    { schedule: 'weekly', time: '09:00', weekday: 7, expected: '0 9 * * 0' },
    { schedule: 'weekly', time: '09:00', weekday: '3', expected: '0 9 * * 3' },
    { schedule: '0 8 * * 1-5', expected: '0 8 * * 1-5' },
    { schedule: ' 30 7 * * mon ', expected: '30 7 * * mon' },
    { schedule: '0 0 8 1 * *', expected: '0 0 8 1 * *' },
    { schedule: '0 */6 * * *', expected: '0 */6 * * *' },
  ])('$schedule at $time on $weekday is $expected', ({ schedule, time, weekday, expected }) => {
    expect(digestCron(schedule, time, weekday)).toEqual({ ok: true, value: expected });
  });

  it.each<{ schedule: string; time?: string; weekday?: string | number; message: string }>([
    {
      schedule: 'daily',
      time: '25:00',
      message: 'time "25:00" is not a time of day; expected HH:MM on a 24-hour clock, e.g. 08:30 or 17:00',
    },
    {
      schedule: 'weekly',
      time: '08:00',
      weekday: 'funday',
      message:
        'weekday "funday" is not a day of the week; expected monday … sunday, mon … sun, or 0–7 (0 and 7 are Sunday)',
    },
    {
      schedule: 'weekly',
      weekday: 8,
      message: 'weekday "8" is not a day of the week; expected monday … sunday, mon … sun, or 0–7 (0 and 7 are Sunday)',
    },
    {
      schedule: 'daily',
      weekday: 'monday',
      message: 'a weekday only applies to weekly digests; use "weekly" with weekday monday',
    },
    {
      schedule: '61 8 * * *',
      message: `schedule "61 8 * * *" is not valid (minute "61" is not valid); ${SCHEDULE_EXPECTED}`,
    },
    {
      schedule: '0 8 * * 8',
      message: `schedule "0 8 * * 8" is not valid (weekday "8" is not valid); ${SCHEDULE_EXPECTED}`,
    },
    { schedule: 'hourly', message: `schedule "hourly" is not valid (1 fields instead of 5); ${SCHEDULE_EXPECTED}` },
    { schedule: '0 8 * *', message: `schedule "0 8 * *" is not valid (4 fields instead of 5); ${SCHEDULE_EXPECTED}` },
    { schedule: '  ', message: `no schedule given; ${SCHEDULE_EXPECTED}` },
    {
      schedule: '*/5 * * * *',
      message:
        'schedule "*/5 * * * *" runs more than once an hour; a digest needs one fixed minute, e.g. "0 8 * * 1-5"',
    },
    {
      schedule: '* 0 8 * * *',
      message:
        'schedule "* 0 8 * * *" runs more than once an hour; a digest needs one fixed minute, e.g. "0 8 * * 1-5"',
    },
  ])('refuses $schedule / $time / $weekday', ({ schedule, time, weekday, message }) => {
    expect(digestCron(schedule, time, weekday)).toEqual({ ok: false, message });
  });
});

describe('parseTime', () => {
  it.each([
    { text: '8:30', expected: { hour: 8, minute: 30 } },
    { text: '08:30', expected: { hour: 8, minute: 30 } },
    { text: '8', expected: { hour: 8, minute: 0 } },
    { text: ' 23:59 ', expected: { hour: 23, minute: 59 } },
    { text: '0:00', expected: { hour: 0, minute: 0 } },
    { text: '20.15', expected: { hour: 20, minute: 15 } },
    { text: '8h30', expected: { hour: 8, minute: 30 } },
    { text: '8am', expected: { hour: 8, minute: 0 } },
    { text: '8:30 PM', expected: { hour: 20, minute: 30 } },
    { text: '12am', expected: { hour: 0, minute: 0 } },
    { text: '12pm', expected: { hour: 12, minute: 0 } },
  ])('reads $text', ({ text, expected }) => {
    expect(parseTime(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['24:00', '8:60', '8:5', '13pm', '0am', 'noon', '', '8:30:00', '-1:00'])('refuses "%s"', (text) => {
    expect(parseTime(text)).toEqual({
      ok: false,
      message: `time "${text}" is not a time of day; expected HH:MM on a 24-hour clock, e.g. 08:30 or 17:00`,
    });
  });
});

describe('time zones', () => {
  it.each([
    { timezone: 'Europe/Berlin', valid: true },
    { timezone: 'europe/berlin', valid: true },
    { timezone: 'America/New_York', valid: true },
    { timezone: 'UTC', valid: true },
    { timezone: 'Mars/Olympus_Mons', valid: false },
    { timezone: '+02:00', valid: false },
    { timezone: '', valid: false },
  ])('$timezone is valid: $valid', ({ timezone, valid }) => {
    expect(isValidTimezone(timezone)).toBe(valid);
  });

  it('spells a known zone the canonical way and names what is expected otherwise', () => {
    expect(parseTimezone(' europe/berlin')).toEqual({ ok: true, value: 'Europe/Berlin' });
    expect(parseTimezone('Berlin')).toEqual({
      ok: false,
      message:
        'time zone "Berlin" is unknown; expected an IANA time zone such as Europe/Berlin, America/New_York or UTC',
    });
  });
});

describe('parseDigestSchedule', () => {
  it('checks schedule, time and time zone together', () => {
    expect(parseDigestSchedule({ schedule: 'weekly', time: '7:30', weekday: 'tue', timezone: 'asia/tokyo' })).toEqual({
      ok: true,
      value: { cron: '30 7 * * 2', timezone: 'Asia/Tokyo' },
    });
    expect(parseDigestSchedule({ schedule: 'daily', timezone: 'UTC' })).toEqual({
      ok: true,
      value: { cron: '0 8 * * *', timezone: 'UTC' },
    });
  });

  it('reports the first problem', () => {
    expect(parseDigestSchedule({ schedule: 'daily', time: 'noon', timezone: 'Nowhere' })).toEqual({
      ok: false,
      message: 'time "noon" is not a time of day; expected HH:MM on a 24-hour clock, e.g. 08:30 or 17:00',
    });
    expect(parseDigestSchedule({ schedule: 'daily', time: '12:00', timezone: 'Nowhere' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('time zone "Nowhere" is unknown') as unknown,
    });
  });
});
