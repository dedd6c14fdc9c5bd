// Dates as feeds and listing pages write them, to UTC ISO-8601. Our own parser rather than `Date.parse`: V8's legacy
// fallback accepts almost anything ("Item 5" is a date in 2001) and reads zone-less ISO times as local time, which
// would make the result depend on the machine's time zone.

/** Month names and abbreviations, English and German, lower case, to 1–12. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, 'jan january januar jän jänner jaen'],
      [2, 'feb february februar'],
      [3, 'mar march mär märz maerz mrz'],
      [4, 'apr april'],
      [5, 'may mai'],
      [6, 'jun june juni'],
      [7, 'jul july juli'],
      [8, 'aug august'],
      [9, 'sep sept september'],
      [10, 'oct october okt oktober'],
      [11, 'nov november'],
      [12, 'dec december dez dezember'],
    ] as const
  ).flatMap(([month, names]) => names.split(' ').map((name) => [name, month] as const)),
);

/** Zone abbreviations feeds use, as minutes east of UTC. Ambiguous ones (IST, CST in China) keep their US/EU use. */
const ZONES: ReadonlyMap<string, number> = new Map([
  ...(['gmt', 'ut', 'utc', 'z', 'wet'] as const).map((zone) => [zone, 0] as const),
  ['est', -300],
  ['edt', -240],
  ['cst', -360],
  ['cdt', -300],
  ['mst', -420],
  ['mdt', -360],
  ['pst', -480],
  ['pdt', -420],
  ['akst', -540],
  ['akdt', -480],
  ['hst', -600],
  ['bst', 60],
  ['west', 60],
  ['cet', 60],
  ['mez', 60],
  ['cest', 120],
  ['mesz', 120],
  ['eet', 120],
  ['eest', 180],
  ['jst', 540],
  ['kst', 540],
  ['aest', 600],
  ['aedt', 660],
]);

const LETTERS = 'A-Za-zÄÖÜäöü';
const TIME = String.raw`(?:,?\s+(?:um\s+|at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?(?:\s*([AaPp])\.?[Mm]\.?)?)?`;
// Zone names in capitals only, so a following word in running text ("12 March 2025 von …") is not taken for one.
const ZONE = String.raw`(?:\s*(?:([+-])(\d{2}):?(\d{2})?|\(?([A-Z]{1,5})\)?(?![${LETTERS}])))?`;
const WEEKDAY = String.raw`(?:[${LETTERS}]{2,10}\.?,?\s+)?`;

/** ISO 8601 / RFC 3339: `2025-03-12`, `2025-03-12T10:00:00+02:00`, `2025-03-12 10:00Z`. */
const ISO =
  /(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?\s*(?:(Z)|([+-])(\d{2}):?(\d{2})?)?/iy;
/** Day before month: RFC 822 `Wed, 12 Mar 2025 10:00:00 GMT`, `12 March 2025`, German `Mi, 12. März 2025`. */
const DAY_MONTH = new RegExp(
  String.raw`${WEEKDAY}(\d{1,2})\.?\s+([${LETTERS}]{3,10})\.?,?\s+(\d{4}|\d{2})${TIME}${ZONE}`,
  'y',
);
/** Month before day: `March 12, 2025`, `Wed, Mar 12 2025 10:00 AM PST`. */
const MONTH_DAY = new RegExp(
  String.raw`${WEEKDAY}([${LETTERS}]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}${ZONE}`,
  'y',
);
/** German numeric: `12.03.2025`, `12.03.2025, 10:00 Uhr`. */
const DOTTED = new RegExp(String.raw`(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}`, 'y');

/**
 * RFC 822 as nearly every RSS feed writes it (`Wed, 12 Mar 2025 10:00:00 GMT`, `… +0200`): read with one anchored
 * expression instead of trying each reader's. Zones starting `AM`/`PM` are not in the list: the readers would
 * take those letters for the meridiem.
 */
const COMMON_RFC_822 =
  /^[A-Za-z]{3}, (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (?:(GMT|UTC|UT|Z|[ECMP][SD]T|CES?T|MES?Z|BST)|([+-])(\d{2})(\d{2}))$/;

/** Where a date may start inside running text ("Published 12 March 2025 · 3 min read"). */
const CANDIDATE_START = new RegExp(String.raw`(?<![\d${LETTERS}])(?:\d|[${LETTERS}]{3})`, 'g');

/**
 * Parses a whole date string as feeds write it (RFC 822 with named or numeric zones, ISO 8601, English and German
 * month names) to UTC ISO-8601. Times without a zone count as UTC. Returns null when the string is not one date.
 */
export function parseDate(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const value = text.trim();
  if (value === '' || value.length > 100) return null;
  return readCommonRfc822(value) ?? readWholeDate(value);
}

/**
 * `parseDate` without the shortcut for common RFC 822: every reader in turn. Exported so tests can prove the
 * shortcut gives the same answers.
 */
export function readWholeDate(value: string): string | null {
  const match = matchDateAt(value, 0);
  return match !== null && match.end === value.length ? match.iso : null;
}

/** The shortcut: the instant of a common RFC 822 date, or null to leave the string to the readers. */
function readCommonRfc822(value: string): string | null {
  const m = COMMON_RFC_822.exec(value);
  const month = m === null ? undefined : MONTHS.get((m[2] ?? '').toLowerCase());
  if (m === null || month === undefined) return null;
  const offset = m[8] === undefined ? namedOffset(m[7]) : signedOffset(m[8], m[9], m[10]);
  return toIso([m[3], String(month), m[1]], [m[4], m[5], m[6]], offset);
}

/**
 * Finds the first date inside running text, as listing pages print it next to other words. Scans at most the first
 * 500 characters.
 */
export function findDate(text: string): string | null {
  const value = text.slice(0, 500);
  const whole = parseDate(value);
  if (whole !== null) return whole;
  CANDIDATE_START.lastIndex = 0;
  for (let start = CANDIDATE_START.exec(value); start !== null; start = CANDIDATE_START.exec(value)) {
    const match = matchDateAt(value, start.index);
    if (match !== null) return match.iso;
  }
  return null;
}

function matchDateAt(value: string, at: number): { iso: string; end: number } | null {
  for (const read of [readIso, readDayMonth, readMonthDay, readDotted]) {
    const result = read(value, at);
    if (result !== null) return result;
  }
  return null;
}

type Reader = (value: string, at: number) => { iso: string; end: number } | null;

const readIso: Reader = (value, at) => {
  const m = execAt(ISO, value, at);
  if (m === null) return null;
  const offset = m[7] === undefined ? signedOffset(m[8], m[9], m[10]) : 0;
  const iso = toIso([m[1], m[2], m[3]], [m[4], m[5], m[6]], offset);
  return iso === null ? null : { iso, end: at + m[0].length };
};

const readDayMonth: Reader = (value, at) => {
  const m = execAt(DAY_MONTH, value, at);
  return m === null ? null : fromNamedMonth(m, { day: m[1], month: m[2], year: m[3] }, at);
};

const readMonthDay: Reader = (value, at) => {
  const m = execAt(MONTH_DAY, value, at);
  return m === null ? null : fromNamedMonth(m, { day: m[2], month: m[1], year: m[3] }, at);
};

const readDotted: Reader = (value, at) => {
  const m = execAt(DOTTED, value, at);
  if (m === null) return null;
  const iso = toIso([m[3], m[2], m[1]], [twelveHour(m[4], m[7]), m[5], m[6]], 0);
  return iso === null ? null : { iso, end: at + m[0].length };
};

/** Groups 4–10 of DAY_MONTH and MONTH_DAY are the same: hour, minute, second, am/pm, sign, hh, mm, zone name. */
function fromNamedMonth(
  m: RegExpExecArray,
  parts: { day: string | undefined; month: string | undefined; year: string | undefined },
  at: number,
): { iso: string; end: number } | null {
  const month = MONTHS.get((parts.month ?? '').toLowerCase());
  if (month === undefined) return null;
  const offset = m[8] === undefined ? namedOffset(m[11]) : signedOffset(m[8], m[9], m[10]);
  const year = fullYear(parts.year);
  const iso = toIso([year, String(month), parts.day], [twelveHour(m[4], m[7]), m[5], m[6]], offset);
  return iso === null ? null : { iso, end: at + m[0].length };
}

function execAt(pattern: RegExp, value: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(value);
}

function signedOffset(sign: string | undefined, hours: string | undefined, minutes: string | undefined): number {
  if (sign === undefined || hours === undefined) return 0;
  const total = Number(hours) * 60 + Number(minutes ?? '0');
  return sign === '-' ? -total : total;
}

/** Unknown zone names count as UTC: the day is still right, and dropping the date would lose more. */
function namedOffset(zone: string | undefined): number {
  return zone === undefined ? 0 : (ZONES.get(zone.toLowerCase()) ?? 0);
}

function fullYear(year: string | undefined): string | undefined {
  if (year?.length !== 2) return year;
  const short = Number(year);
  return String(short < 50 ? 2000 + short : 1900 + short);
}

function twelveHour(hour: string | undefined, meridiem: string | undefined): string | undefined {
  if (hour === undefined || meridiem === undefined) return hour;
  const value = Number(hour) % 12;
  return String(meridiem.toLowerCase() === 'p' ? value + 12 : value);
}

/**
 * The UTC ISO string of a calendar date and time at an offset, or null for an impossible date (31 February, hour
 * 24): calendar arithmetic rather than a `Date`, whose construction, roll-over check and `toISOString` cost more
 * than the rest of reading an item's date. Years outside 1900–2999 are refused.
 */
function toIso(
  date: readonly (string | undefined)[],
  time: readonly (string | undefined)[],
  offsetMinutes: number,
): string | null {
  const [year, month, day] = [Number(date[0]), Number(date[1]), Number(date[2])];
  const [hour, minute, second] = [Number(time[0] ?? '0'), Number(time[1] ?? '0'), Number(time[2] ?? '0')];
  if (year < 1900 || year > 2999 || hour > 23 || minute > 59 || second > 60) return null;
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return null;
  const minutes = daysFromCivil(year, month, day) * 1440 + hour * 60 + minute - offsetMinutes;
  return isoFromMinutes(minutes, Math.min(second, 59));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const shifted = month <= 2 ? year - 1 : year;
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`). */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1,
  };
}

const twoDigits = (value: number): string => (value < 10 ? `0${value}` : String(value));

/** `YYYY-MM-DDTHH:MM:SS.000Z` of minutes since the epoch and a second of the minute (four-digit years only). */
function isoFromMinutes(minutes: number, second: number): string {
  const days = Math.floor(minutes / 1440);
  const minuteOfDay = minutes - days * 1440;
  const { year, month, day } = civilFromDays(days);
  return (
    `${year}-${twoDigits(month)}-${twoDigits(day)}T${twoDigits(Math.floor(minuteOfDay / 60))}:` +
    `${twoDigits(minuteOfDay % 60)}:${twoDigits(second)}.000Z`
  );
}
