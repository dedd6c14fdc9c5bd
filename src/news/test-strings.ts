/**
 * Deterministic random strings for tests that prove a fast path equals the expression it replaces: built from
 * the characters that trip text code (white space of every kind, surrogate pairs and lone halves, punctuation,
 * non-ASCII letters and digits). Test support only; nothing in the pipeline imports it.
 */

/** Characters the strings are drawn from, each listed once per kind of trouble it makes. */
export const TRICKY_CHARACTERS: readonly string[] = [
  'a',
  'Z',
  'e',
  'S',
  '5',
  '0',
  '.',
  '.',
  '.',
  ' ',
  ' ',
  ' ',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u00a0',
  '\u1680',
  '\u2003',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u3000',
  '\ufeff',
  '\u200b',
  '"',
  ')',
  ']',
  '»',
  '’',
  '!',
  '?',
  '…',
  '-',
  '_',
  ',',
  'ä',
  'ß',
  'É',
  '٣',
  '²',
  '\u{1d400}',
  '\u{20000}',
  '\ud835',
  '\udc00',
  '😀',
  'ÿ',
  '‐',
];

/** mulberry32: the same seed gives the same strings on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` strings of up to `maxLength` characters drawn from `alphabet`. */
export function randomStrings(
  count: number,
  maxLength: number,
  seed: number,
  alphabet: readonly string[] = TRICKY_CHARACTERS,
): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const length = Math.floor(random() * (maxLength + 1));
    let text = '';
    for (let index = 0; index < length; index++) text += alphabet[Math.floor(random() * alphabet.length)] ?? '';
    return text;
  });
}
