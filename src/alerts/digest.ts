/**
 * Digest schedules as users type them (`daily`, `weekly`, a cron expression; a time; a time zone), checked
 * and turned into node-cron expressions. Bad input is a result with a message saying what is expected, for
 * the command to reply with; nothing here throws on user input.
 */
import cron from 'node-cron';

/** Outcome of parsing user input: the value, or a message that names the bad input and what is expected. */
export type ParseResult<TValue> =
  { readonly ok: true; readonly value: TValue } | { readonly ok: false; readonly message: string };

/** A time of day, 24-hour clock. */
export interface TimeOfDay {
  readonly hour: number;
  readonly minute: number;
}

/** A checked digest schedule, ready to store. */
export interface ParsedDigestSchedule {
  /** node-cron expression: five fields, or six with a leading fixed second. */
  readonly cron: string;
  /** IANA time zone as `Intl` spells it (`europe/berlin` → `Europe/Berlin`). */
  readonly timezone: string;
}

const DEFAULT_TIME = '08:00';
/** Weekly digests go out on Monday unless a weekday is given. */
const DEFAULT_WEEKDAY = 1;

const WEEKDAYS: readonly string[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const SCHEDULE_EXPECTED =
  'expected daily, weekly or a cron expression such as "0 8 * * 1-5" (minute hour day month weekday)';

/**
 * The cron expression of a digest schedule: `daily` at `time` (`0 8 * * *`), `weekly` at `time` on
 * `weekday` (Monday unless given: `0 8 * * 1`), or a cron expression of the user's, checked with node-cron
 * and returned as it is. A digest runs at most once an hour, so a cron expression must name one minute
 * (and, with six fields, one second).
 * @param time `HH:MM`, see {@link parseTime}. @defaultValue `08:00`
 * @param weekday `monday`/`mon` or 0–7 (0 and 7 are Sunday); only for `weekly`.
 */
export function digestCron(
  schedule: string,
  time: string = DEFAULT_TIME,
  weekday?: string | number,
): ParseResult<string> {
  const kind = schedule.trim().toLowerCase();
  if (kind === 'daily' || kind === 'weekly') {
    const parsed = parseTime(time);
    if (!parsed.ok) return parsed;
    const { hour, minute } = parsed.value;
    if (kind === 'daily') {
      if (weekday !== undefined)
        return fail(`a weekday only applies to weekly digests; use "weekly" with weekday ${String(weekday)}`);
      return { ok: true, value: `${minute} ${hour} * * *` };
    }
    const day = weekday === undefined ? { ok: true as const, value: DEFAULT_WEEKDAY } : parseWeekday(weekday);
    return day.ok ? { ok: true, value: `${minute} ${hour} * * ${day.value}` } : day;
  }
  return checkCron(schedule.trim());
}

/**
 * A time of day from `8:30`, `08:30`, `8`, `20:15`, `8am`, `8:30 pm`, `8.30` or `8h30`.
 */
export function parseTime(text: string): ParseResult<TimeOfDay> {
  const match = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?$/iu.exec(text.trim());
  const bad = fail(`time "${text}" is not a time of day; expected HH:MM on a 24-hour clock, e.g. 08:30 or 17:00`);
  if (match === null) return bad;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3]?.toLowerCase();
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return bad;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return bad;
  return { ok: true, value: { hour, minute } };
}

/** Whether `Intl` knows the time zone (`Europe/Berlin`, `UTC`); names are case-insensitive. */
export function isValidTimezone(timezone: string): boolean {
  return canonicalTimezone(timezone) !== null;
}

/** The time zone as `Intl` spells it, or a message naming what is expected. */
export function parseTimezone(timezone: string): ParseResult<string> {
  const canonical = canonicalTimezone(timezone);
  return canonical === null
    ? fail(
        `time zone "${timezone}" is unknown; expected an IANA time zone such as Europe/Berlin, America/New_York or UTC`,
      )
    : { ok: true, value: canonical };
}

/** The whole digest command input checked at once: the first problem found is reported. */
export function parseDigestSchedule(input: {
  readonly schedule: string;
  readonly time?: string | undefined;
  readonly weekday?: string | number | undefined;
  readonly timezone: string;
}): ParseResult<ParsedDigestSchedule> {
  const expression = digestCron(input.schedule, input.time ?? DEFAULT_TIME, input.weekday);
  if (!expression.ok) return expression;
  const timezone = parseTimezone(input.timezone);
  if (!timezone.ok) return timezone;
  return { ok: true, value: { cron: expression.value, timezone: timezone.value } };
}

function canonicalTimezone(timezone: string): string | null {
  if (timezone.trim() === '') return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: timezone.trim() }).resolvedOptions().timeZone;
  } catch {
    // RangeError: Intl does not know the zone.
    return null;
  }
}

function parseWeekday(weekday: string | number): ParseResult<number> {
  const text = String(weekday).trim().toLowerCase();
  const bad = fail(
    `weekday "${String(weekday)}" is not a day of the week; expected monday … sunday, mon … sun, or 0–7 (0 and 7 are Sunday)`,
  );
  if (/^\d$/u.test(text)) {
    const day = Number(text);
    return day <= 7 ? { ok: true, value: day % 7 } : bad;
  }
  const index = WEEKDAYS.findIndex((name) => name === text || (text.length >= 3 && name.startsWith(text)));
  return index === -1 ? bad : { ok: true, value: index };
}

function checkCron(expression: string): ParseResult<string> {
  if (expression === '') return fail(`no schedule given; ${SCHEDULE_EXPECTED}`);
  const checked = cron.validateDetailed(expression);
  if (!checked.valid) {
    const reasons = checked.errors.map((error) => describeCronError(error.field, error.value)).join('; ');
    return fail(`schedule "${expression}" is not valid (${reasons}); ${SCHEDULE_EXPECTED}`);
  }
  const fields = checked.fields;
  if (fields !== undefined && (fields.minute.length > 1 || fields.second.length > 1)) {
    return fail(
      `schedule "${expression}" runs more than once an hour; a digest needs one fixed minute, e.g. "0 8 * * 1-5"`,
    );
  }
  return { ok: true, value: expression };
}

function describeCronError(field: string, value: string | undefined): string {
  if (field === 'expression') return `${(value ?? '').trim().split(/\s+/u).length} fields instead of 5`;
  const names: Readonly<Record<string, string>> = { dayOfMonth: 'day of month', dayOfWeek: 'weekday' };
  return `${names[field] ?? field} "${value ?? ''}" is not valid`;
}

function fail(message: string): { readonly ok: false; readonly message: string } {
  return { ok: false, message };
}
