/**
 * Numbers with a unit in clause text (amounts, durations, percentages, counts) and how they changed between
 * two versions of a clause: "12 months" → "6 months", "$100" → "$50", "30 Tage" → "14 Tage".
 */
import type { QuantityUnit } from './rules.ts';

/** One number with its unit, as found in a text. */
export interface Quantity {
  readonly unit: QuantityUnit;
  /** What must match for two quantities to be comparable: currency, `time`, `%`, or the counted noun. */
  readonly key: string;
  /** Value in a common scale: durations in days, amounts in the currency's units. */
  readonly value: number;
  /** The quantity as written, whitespace squashed: "12 months", "$100". */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A quantity present in both versions with a different value. */
export interface QuantityChange {
  readonly before: Quantity;
  readonly after: Quantity;
}

const NUMBER = String.raw`\d{1,3}(?:[,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const CURRENCY_BEFORE = new RegExp(String.raw`(US\$|[$€£]|\b(?:USD|EUR|GBP)\b)\s?(${NUMBER})`, 'giu');
const CURRENCY_AFTER = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${NUMBER})\s?(€|£|(?:USD|EUR|GBP|dollars?|euros?)(?![\p{L}]))`,
  'giu',
);
const DURATION = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])\(?(${NUMBER})\)?\s*-?\s*(business\s+days?|calendar\s+days?|days?|weeks?|months?|years?|hours?|minutes?|Werktagen?|Kalendertagen?|Tagen?|Tage|Wochen?|Monaten?|Monate|Monats|Jahren?|Jahres|Jahre|Stunden?|Minuten?)(?![\p{L}])`,
  'giu',
);
const PERCENT = new RegExp(String.raw`(?<![\p{L}\p{N}])(${NUMBER})\s?(%|percent|per\s+cent|Prozent)`, 'giu');
const COUNT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(${NUMBER})\s+(requests?|messages?|queries|query|prompts?|tokens?|images?|calls?|seats?|users?|Anfragen|Nachrichten|Bilder|Nutzer)(?![\p{L}])`,
  'giu',
);

/** Days per duration unit, by the unit's first letters (English and German). */
const DAYS: readonly (readonly [RegExp, number])[] = [
  [/^(?:business|werktag)/iu, 7 / 5],
  [/^(?:calendar|kalendertag|day|tag)/iu, 1],
  [/^(?:week|woche)/iu, 7],
  // A twelfth of a year, so "12 months" and "1 year" are the same duration.
  [/^(?:month|monat)/iu, 365 / 12],
  [/^(?:year|jahr)/iu, 365],
  [/^(?:hour|stunde)/iu, 1 / 24],
  [/^minut/iu, 1 / 1440],
];

const CURRENCIES: readonly (readonly [RegExp, string])[] = [
  [/^(?:us\$|\$|usd|dollars?)$/iu, 'USD'],
  [/^(?:€|eur|euros?)$/iu, 'EUR'],
  [/^(?:£|gbp)$/iu, 'GBP'],
];

/** Parses "1,000", "1.000", "1,5", "12.50" (thousands separators of either convention). */
export function parseNumber(text: string): number {
  if (/^\d{1,3}(?:[,.]\d{3})+$/u.test(text)) return Number(text.replace(/[,.]/gu, ''));
  const grouped = /^(\d{1,3}(?:[,.]\d{3})+)[.,](\d+)$/u.exec(text);
  if (grouped?.[1] !== undefined && grouped[2] !== undefined) {
    return Number(`${grouped[1].replace(/[,.]/gu, '')}.${grouped[2]}`);
  }
  return Number(text.replace(',', '.'));
}

/** All quantities in `text`, in order, without overlaps (the earliest, then longest, match wins). */
export function extractQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const match of text.matchAll(CURRENCY_BEFORE)) found.push(money(match, match[1], match[2]));
  for (const match of text.matchAll(CURRENCY_AFTER)) found.push(money(match, match[2], match[1]));
  for (const match of text.matchAll(DURATION)) found.push(duration(match));
  for (const match of text.matchAll(PERCENT)) found.push(quantity(match, 'percent', '%', match[1]));
  for (const match of text.matchAll(COUNT)) {
    const noun = (match[2] ?? '').toLowerCase().replace(/ies$/u, 'y').replace(/s$/u, '');
    found.push(quantity(match, 'count', noun, match[1]));
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Quantity[] = [];
  for (const item of found) {
    const last = kept.at(-1);
    if (last === undefined || item.start >= last.end) kept.push(item);
  }
  return kept;
}

function quantity(match: RegExpExecArray | RegExpMatchArray, unit: QuantityUnit, key: string, num?: string): Quantity {
  const start = match.index ?? 0;
  return {
    unit,
    key,
    value: parseNumber(num ?? ''),
    text: match[0].replace(/\s+/gu, ' ').trim(),
    start,
    end: start + match[0].length,
  };
}

function money(match: RegExpMatchArray, symbol: string | undefined, num: string | undefined): Quantity {
  const currency = CURRENCIES.find(([pattern]) => pattern.test(symbol ?? ''))?.[1] ?? (symbol ?? '').toUpperCase();
  return quantity(match, 'money', currency, num);
}

function duration(match: RegExpMatchArray): Quantity {
  const unitWord = match[2] ?? '';
  const perDay = DAYS.find(([pattern]) => pattern.test(unitWord))?.[1] ?? 1;
  const base = quantity(match, 'duration', 'time', match[1]);
  return { ...base, value: base.value * perDay };
}

/**
 * Quantities that changed between two texts. Equal quantities (same unit, key and value) cancel out first,
 * whatever their position; what remains is paired in order within each unit and key, so "12 months" →
 * "6 months" pairs but "$100" never pairs with "30 days".
 */
export function compareQuantities(before: readonly Quantity[], after: readonly Quantity[]): QuantityChange[] {
  const left = [...before];
  const right = [...after];
  for (let i = left.length - 1; i >= 0; i -= 1) {
    const item = left[i];
    const twin = item === undefined ? -1 : right.findIndex((other) => sameQuantity(item, other));
    if (twin !== -1) {
      left.splice(i, 1);
      right.splice(twin, 1);
    }
  }
  const changes: QuantityChange[] = [];
  for (const item of left) {
    const partner = right.findIndex((other) => other.unit === item.unit && other.key === item.key);
    const match = right[partner];
    if (match === undefined) continue;
    right.splice(partner, 1);
    changes.push({ before: item, after: match });
  }
  return changes;
}

function sameQuantity(a: Quantity, b: Quantity): boolean {
  return a.unit === b.unit && a.key === b.key && Math.abs(a.value - b.value) < 1e-9;
}
