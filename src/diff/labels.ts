// Clause labels: `3.2`, `3.`, `Section 4`, `§ 4`, `D.4`, `(b)`, `b.`, `1)`, `(iv)`. A label is read off the
// start of a clause's text, kept apart from it (renumbering alone is not a change) and joined with its parent's
// label into a path like `3.2(b)` or `6(f)(1)`.

/**
 * A label read off a clause. `level` orders label styles the way terms documents nest them: 1 = section numbers
 * (absolute: `3.2` names itself), 2 = letters, 3 = roman numerals and parenthesised numbers.
 */
export interface ParsedLabel {
  /** The label without decoration: `3.2`, `4`, `D.4`, `b`, `iv`, `1`. */
  readonly core: string;
  readonly level: 1 | 2 | 3;
}

interface LabelPattern {
  readonly regex: RegExp;
  readonly level: 1 | 2 | 3;
}

// Order matters: the first pattern that matches wins. Each needs a space (or the end) after the label so words
// like "3D" or "a.m." are not taken for labels.
const PATTERNS: readonly LabelPattern[] = [
  {
    regex:
      /^(?:section|sec\.|article|art\.|clause|artikel|abschnitt|ziffer|ziff\.|nr\.|§)\s*(\d{1,3}(?:\.\d{1,3})*|[A-Z](?:\.\d{1,3})*)\.?(?=\s|$)/i,
    level: 1,
  },
  { regex: /^([A-Z]\.\d{1,3}(?:\.\d{1,3})*)\.?(?=\s|$)/, level: 1 },
  { regex: /^(\d{1,3}(?:\.\d{1,3})+)\.?(?=\s|$)/, level: 1 },
  { regex: /^(\d{1,3})\.(?=\s|$)/, level: 1 },
  { regex: /^\((\d{1,3})\)(?=\s|$)/, level: 3 },
  { regex: /^(\d{1,3})\)(?=\s|$)/, level: 3 },
  { regex: /^\(((?:x{0,3})(?:ix|iv|v?i{0,3}))\)(?=\s|$)/i, level: 3 },
  { regex: /^\(([a-z]{1,2})\)(?=\s|$)/i, level: 2 },
  { regex: /^((?:x{0,3})(?:ix|iv|v?i{0,3}))[.)](?=\s|$)/i, level: 3 },
  { regex: /^([a-z])[.)](?=\s|$)/i, level: 2 },
];

/** Splits a leading label off a clause's text; `label` is null when the text does not start with one. */
export function splitLabel(text: string, previous?: ParsedLabel): { label: ParsedLabel | null; rest: string } {
  for (const { regex, level } of PATTERNS) {
    const match = regex.exec(text);
    const core = match?.[1];
    if (match === null || core === undefined || core === '') continue;
    const label = { core, level: romanOrLetter(core, level, previous) };
    return { label, rest: text.slice(match[0].length).trim() };
  }
  return { label: null, rest: text };
}

// "(i)" after "(h)" is the ninth letter, not roman one; "(v)" after "(u)" likewise.
function romanOrLetter(core: string, level: 1 | 2 | 3, previous: ParsedLabel | undefined): 1 | 2 | 3 {
  if (level !== 3 || !/^[ivx]$/i.test(core) || previous?.level !== 2) return level;
  const before = previous.core.toLowerCase().charCodeAt(0);
  return core.toLowerCase().charCodeAt(0) === before + 1 ? 2 : level;
}

/** The label a list item gets from its position in an ordered list whose text carries no number. */
export function positionLabel(ordinal: number): ParsedLabel {
  return { core: String(ordinal), level: 1 };
}

/**
 * The label path of a clause under `parent`: `3.2` + `(b)` = `3.2(b)`, `6` + `f` = `6(f)`, `3` + `1` = `3.1`. A
 * dotted number (`7.1`) names itself and keeps no parent.
 */
export function joinLabel(parent: string | null, own: ParsedLabel): string {
  if (own.level === 1 && (own.core.includes('.') || parent === null)) return own.core;
  if (parent === null) return own.level === 1 ? own.core : `(${own.core})`;
  if (own.level === 1 && /\d$/.test(parent) && !parent.endsWith(')')) return `${parent}.${own.core}`;
  return `${parent}(${own.core})`;
}
