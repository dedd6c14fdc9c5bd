/**
 * When a digest's cron expression fires next, in its time zone, and both said in words. node-cron only
 * answers "next run" for a started task and from the real clock; replies need it from the injected clock and
 * without scheduling anything, so the walk is done here over node-cron's own parse of the expression.
 */
import cron, { type ParsedFields } from 'node-cron';

/** Days searched ahead: eight years covers "29 February" even across 2100. */
const MAX_DAYS = 366 * 8;

interface LocalDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The first time after `from` at which `expression` fires in `timezone`, or null when the expression uses
 * tokens this walk does not follow (`W`, `#`, `L` on weekdays), is not valid, or never fires.
 */
export function nextRun(expression: string, timezone: string, from: Date): Date | null {
  const fields = parseCron(expression);
  if (fields === null) return null;
  const numbers = (values: readonly (number | string)[]) => values.every((value) => typeof value === 'number');
  if (!numbers(fields.dayOfWeek) || !fields.dayOfMonth.every((value) => typeof value === 'number' || value === 'L')) {
    return null;
  }
  const times = timesOfDay(fields.hour, fields.minute, fields.second);
  let day: LocalDay = localParts(from, timezone);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    if (!fields.month.includes(day.month) || !matchesDay(day, fields.dayOfMonth, fields.dayOfWeek)) continue;
    for (const [hour, minute, second] of times) {
      const at = localToInstant({ ...day, hour, minute, second }, timezone);
      const local = localParts(at, timezone);
      // A local time skipped by a daylight-saving jump does not exist; node-cron does not fire then either.
      if (at.getTime() > from.getTime() && local.hour === hour && local.minute === minute) return at;
    }
  }
  return null;
}

/** "Monday 6 April 2026 at 08:00 (Europe/Berlin), in 2 days". */
export function describeRun(at: Date, timezone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
  const date = `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
  return `${date} at ${part('hour')}:${part('minute')} (${timezone}), ${inWords(at.getTime() - now.getTime())}`;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "daily at 08:00", "every Monday at 08:00", or for other expressions `cron "0 8 * * 1-5"`. */
export function describeCron(expression: string): string {
  const match = /^(\d{1,2}) (\d{1,2}) \* \* (\*|[0-7])$/u.exec(expression.trim());
  if (match === null) return `cron "${expression}"`;
  const time = `${(match[2] ?? '').padStart(2, '0')}:${(match[1] ?? '').padStart(2, '0')}`;
  const weekday = match[3] === '*' ? undefined : WEEKDAY_NAMES[Number(match[3]) % 7];
  return weekday === undefined ? `daily at ${time}` : `every ${weekday} at ${time}`;
}

/** "in 45 minutes", "in 3 hours", "in 2 days". */
export function inWords(milliseconds: number): string {
  const minutes = Math.max(1, Math.round(milliseconds / 60_000));
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `in ${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return `in ${days} days`;
}

type TimeOfDay = readonly [hour: number, minute: number, second: number];

function parseCron(expression: string): ParsedFields | null {
  try {
    return cron.parse(expression);
  } catch {
    // Stored schedules were checked when set; a reply must not break on one that node-cron now refuses.
    return null;
  }
}

function timesOfDay(hours: readonly number[], minutes: readonly number[], seconds: readonly number[]): TimeOfDay[] {
  const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
  return sorted(hours).flatMap((hour) =>
    sorted(minutes).flatMap((minute) => sorted(seconds).map((second): TimeOfDay => [hour, minute, second])),
  );
}

function matchesDay(day: LocalDay, daysOfMonth: readonly (number | string)[], weekdays: readonly (number | string)[]) {
  const last = new Date(Date.UTC(day.year, day.month, 0)).getUTCDate();
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
  // node-cron requires both the day of month and the weekday to match (it does not OR them like Vixie cron).
  return (
    daysOfMonth.some((value) => value === day.day || (value === 'L' && day.day === last)) &&
    weekdays.some((value) => value === weekday || value === weekday + 7)
  );
}

function nextDay(day: LocalDay): LocalDay {
  const next = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

interface LocalTime extends LocalDay {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(at: Date, timezone: string): LocalTime {
  let formatter = formatters.get(timezone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, Number(part.value)]));
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The instant showing `local` on the zone's clocks: the UTC guess corrected by the zone's offset, twice for DST. */
function localToInstant(local: LocalTime, timezone: string): Date {
  const wanted = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  let instant = wanted;
  for (let i = 0; i < 2; i++) {
    const shown = localParts(new Date(instant), timezone);
    const shownMs = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute, shown.second);
    instant += wanted - shownMs;
  }
  return new Date(instant);
}
