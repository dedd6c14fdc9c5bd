// "Last updated / Effective / Zuletzt aktualisiert / Stand / Gültig ab" lines. They change with every edit (and
// flip format with the reader's locale), so they are taken out of the clauses and reported once as the document's
// effective date.

/** A date line found in a document. `priority` prefers "effective" over "updated" when a page states both. */
export interface DateLine {
  /** ISO `YYYY-MM-DD` when the date parses, else the stated text. */
  readonly value: string;
  readonly priority: 1 | 2;
}

const EFFECTIVE_WORDS =
  /^(?:effective(?:\s+date)?(?:\s+(?:as\s+of|from|on))?|date\s+effective|in\s+effect\s+(?:from|as\s+of)|gültig\s+(?:ab|seit)|in\s+kraft\s+(?:seit|ab)|wirksam\s+(?:ab|seit)|gilt\s+ab)\b/i;
const UPDATED_WORDS =
  /^(?:(?:last\s+)?(?:updated|modified|revised)(?:\s+on)?|last\s+update|date\s+of\s+last\s+revision|zuletzt\s+(?:aktualisiert|geändert|überarbeitet)(?:\s+am)?|letzte\s+(?:aktualisierung|änderung)|aktualisiert\s+am|stand(?:\s+vom)?|version\s+vom)\b/i;

/** Longest text after the keyword that can still be a date line rather than a sentence that starts alike. */
const MAX_DATE_TEXT = 80;

/** Reads a date line, or null when the text is not one. */
export function readDateLine(text: string): DateLine | null {
  const effective = EFFECTIVE_WORDS.exec(text);
  const updated = effective === null ? UPDATED_WORDS.exec(text) : null;
  const keyword = effective ?? updated;
  if (keyword === null) return null;
  const rest = text
    .slice(keyword[0].length)
    .replace(/^\s*[:\-–—]?\s*/, '')
    .trim();
  if (rest === '' || rest.length > MAX_DATE_TEXT + 40) return null;
  const iso = parseDate(rest);
  if (iso !== null) return { value: iso, priority: effective === null ? 2 : 1 };
  // Undated wording ("Updated terms apply…") is a sentence, not a date line.
  if (!/^\d/.test(rest) || rest.length > MAX_DATE_TEXT) return null;
  return { value: rest.replace(/\s*[([].*$/, ''), priority: effective === null ? 2 : 1 };
}

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  januar: 1,
  jänner: 1,
  jän: 1,
  february: 2,
  feb: 2,
  februar: 2,
  march: 3,
  mar: 3,
  märz: 3,
  maerz: 3,
  mär: 3,
  april: 4,
  apr: 4,
  may: 5,
  mai: 5,
  june: 6,
  jun: 6,
  juni: 6,
  july: 7,
  jul: 7,
  juli: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
  dezember: 12,
  dez: 12,
};

const MONTH_NAME = '([a-zäöü]{3,9})\\.?';

const FORMATS: readonly { regex: RegExp; order: 'ymd' | 'mdy' | 'dmy' | 'mdy-numeric' }[] = [
  { regex: /^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/, order: 'ymd' },
  { regex: new RegExp(`^${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'i'), order: 'mdy' },
  {
    regex: new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH_NAME},?\\s+(\\d{4})(?!\\d)`, 'i'),
    order: 'dmy',
  },
  // German numeric dates are day first: 15.09.2025.
  { regex: /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/, order: 'dmy' },
  // Slashes and hyphens are the US order (11-04-2023 = 4 November); day first only when that cannot be.
  { regex: /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})(?!\d)/, order: 'mdy-numeric' },
];

/** Parses an English or German date at the start of `text` to `YYYY-MM-DD`; null when none parses. */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  for (const { regex, order } of FORMATS) {
    const match = regex.exec(trimmed);
    if (match === null) continue;
    const [a = '', b = '', c = ''] = match.slice(1);
    const iso =
      order === 'ymd'
        ? toIso(a, b, c)
        : order === 'mdy'
          ? toIso(c, a, b)
          : order === 'dmy'
            ? toIso(c, b, a)
            : (toIso(c, a, b) ?? toIso(c, b, a));
    if (iso !== null) return iso;
  }
  return null;
}

function toIso(yearText: string, monthText: string, dayText: string): string | null {
  const month = /^\d+$/.test(monthText) ? Number(monthText) : MONTHS[monthText.toLowerCase()];
  const year = Number(yearText);
  const day = Number(dayText);
  if (month === undefined || month < 1 || month > 12 || day < 1 || day > 31 || year < 1900) return null;
  return `${yearText}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
