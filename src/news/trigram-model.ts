/**
 * franc's trigram language scoring, computed the same way but indexed for speed.
 *
 * franc cleans the text (ASCII punctuation and digits become spaces, white space collapses, lower case, one
 * space of padding at each end), counts each distinct trigram, and sums per language |count − rank − 1| for
 * trigrams in the language's profile and 300 for the others; the smallest sum wins. Here every profile trigram
 * gets a slot in a small open-addressing table, and the slot lists the (language, rank) pairs that hold it, so a
 * text costs one table probe per trigram; trigrams in no profile add 300 to every language alike and are skipped.
 * (A `Map` probe costs ~40 ns, which made detection cost as much as parsing the item.)
 */

/** Distance franc adds for a trigram a language profile does not contain. */
const MAX_DIFFERENCE = 300;
/** Bits per character in a trigram key: three indexes below 1024 fit a 30-bit integer. */
const CHAR_BITS = 10;
const MAX_ALPHABET = (1 << CHAR_BITS) - 1;
/** Index of the space character, the first one registered. */
const SPACE = 1;

/** The profiles of some languages of one script, indexed by trigram. */
export interface TrigramModel {
  /** franc codes, in franc's order (it breaks ties by order). */
  readonly languages: readonly string[];
  /** UTF-16 code unit → its index among the profiles' characters (0: in no profile). */
  readonly alphabet: Uint16Array;
  /**
   * Open-addressing table of 2^slotBits slots, slot → trigram key (-1: empty). A trigram's slot is its id in the
   * arrays below, so a probe that finds the key has found where to count it.
   */
  readonly slotBits: number;
  readonly slotKeys: Int32Array;
  /** Slot → its `column << 16 | rank` entries: `entries[entryStart[slot] … entryStart[slot + 1])`. */
  readonly entryStart: Int32Array;
  readonly entries: Int32Array;
  /** Scratch counts per slot, all zero between calls. */
  readonly counts: Int32Array;
  /** Scratch: the slots a call has counted, in first-seen order (each at most once, so one place per trigram). */
  readonly touched: Int32Array;
  /** Scratch distances per language (column). */
  readonly distances: Float64Array;
}

function keyOf(first: number, second: number, third: number): number {
  return (((first << CHAR_BITS) | second) << CHAR_BITS) | third;
}

/** Fibonacci hashing: the high bits of the product spread keys whose low bits are alike (the third character). */
function slotOf(key: number, bits: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - bits);
}

/** Registers the characters of franc's profiles: index 0 stays "in no profile". */
function alphabetOf(trigrams: readonly string[]): Uint16Array {
  const alphabet = new Uint16Array(0x10000);
  alphabet[0x20] = SPACE;
  let size = SPACE;
  for (const trigram of trigrams) {
    for (let index = 0; index < trigram.length; index++) {
      const code = trigram.charCodeAt(index);
      if (alphabet[code] === 0 && size < MAX_ALPHABET) alphabet[code] = ++size;
    }
  }
  return alphabet;
}

/**
 * Indexes franc's profiles (`franc/data.js`, one script) for the given languages, kept in franc's order.
 * @param profiles - franc code → `|`-separated trigrams, most frequent first.
 */
export function buildTrigramModel(
  profiles: Readonly<Record<string, string>>,
  wanted: ReadonlySet<string>,
): TrigramModel {
  const languages = Object.keys(profiles).filter((code) => wanted.has(code));
  const lists = languages.map((language) => (profiles[language] ?? '').split('|'));
  const alphabet = alphabetOf(lists.flat());
  const byKey = new Map<number, number[]>();
  lists.forEach((trigrams, column) => {
    trigrams.forEach((trigram, rank) => {
      const [a, b, c] = [0, 1, 2].map((index) => alphabet[trigram.charCodeAt(index)] ?? 0);
      const key = keyOf(a ?? 0, b ?? 0, c ?? 0);
      const list = byKey.get(key);
      if (list === undefined) byKey.set(key, [(column << 16) | rank]);
      else list.push((column << 16) | rank);
    });
  });
  const slotBits = Math.ceil(Math.log2(byKey.size * 3));
  const size = 1 << slotBits;
  const slotKeys = new Int32Array(size).fill(-1);
  const bySlot: (readonly number[] | undefined)[] = [];
  for (const [key, list] of byKey) {
    let slot = slotOf(key, slotBits);
    while (slotKeys[slot] !== -1) slot = (slot + 1) & (size - 1);
    slotKeys[slot] = key;
    bySlot[slot] = list;
  }
  const entryStart = new Int32Array(size + 1);
  const entries: number[] = [];
  for (let slot = 0; slot < size; slot++) {
    entries.push(...(bySlot[slot] ?? []));
    entryStart[slot + 1] = entries.length;
  }
  return {
    languages,
    alphabet,
    slotBits,
    slotKeys,
    entryStart,
    entries: Int32Array.from(entries),
    counts: new Int32Array(size),
    touched: new Int32Array(byKey.size),
    distances: new Float64Array(languages.length),
  };
}

/** White space as `\s` knows it, or a character franc's cleaning turns into a space (ASCII punctuation, digits). */
function isSeparator(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x40) ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Counts the trigram of the two-character `window` and the character `index` when all three characters are in
 * some profile and a profile holds the trigram. Returns how many distinct trigrams are counted now.
 */
function countAt(model: TrigramModel, window: number, index: number, counted: number): number {
  if (window <= MAX_ALPHABET || (window & MAX_ALPHABET) === 0 || index === 0) return counted;
  const key = (window << CHAR_BITS) | index;
  const { slotKeys, counts } = model;
  const mask = slotKeys.length - 1;
  for (let slot = slotOf(key, model.slotBits); ; slot = (slot + 1) & mask) {
    const stored = slotKeys[slot] as number;
    if (stored === key) {
      if ((counts[slot] = (counts[slot] as number) + 1) === 1) model.touched[counted++] = slot;
      return counted;
    }
    if (stored === -1) return counted;
  }
}

/** The window moved on by one character: it packs the last two character indexes. */
function slide(window: number, index: number): number {
  return ((window & MAX_ALPHABET) << CHAR_BITS) | index;
}

/**
 * Counts the text's trigrams as franc cleans it, in one pass without building the cleaned string, into
 * `model.counts`, their slots into `model.touched`. Returns how many trigrams it counted and the cleaned length (without
 * padding). Typed scratch arrays and plain loops: this is the hottest loop of normalising an item.
 */
function countTrigrams(text: string, model: TrigramModel): { counted: number; length: number } {
  const lower = text.toLowerCase();
  const { alphabet } = model;
  let counted = 0;
  let window = SPACE; // the leading pad
  let length = 0;
  let pendingSpace = false;
  for (let position = 0; position < lower.length; position++) {
    const code = lower.charCodeAt(position);
    // Lower-case ASCII letters, most of any text, are never separators.
    if ((code < 0x61 || code > 0x7a) && isSeparator(code)) {
      pendingSpace = length > 0;
      continue;
    }
    if (pendingSpace) {
      counted = countAt(model, window, SPACE, counted);
      window = slide(window, SPACE);
      length++;
      pendingSpace = false;
    }
    const index = alphabet[code] as number;
    counted = countAt(model, window, index, counted);
    window = slide(window, index);
    length++;
  }
  counted = countAt(model, window, SPACE, counted); // the closing pad
  return { counted, length };
}

/**
 * franc's closest language for the text among the model's languages (null when no trigram of the text is in
 * any profile), with the cleaned text's length so callers can apply a minimum.
 */
export function closestLanguage(text: string, model: TrigramModel): { language: string | null; length: number } {
  const { counted, length } = countTrigrams(text, model);
  const { counts, entryStart, entries, touched, distances } = model;
  distances.fill(0);
  for (let index = 0; index < counted; index++) {
    const slot = touched[index] as number;
    const count = counts[slot] as number;
    counts[slot] = 0;
    const end = entryStart[slot + 1] as number;
    for (let at = entryStart[slot] as number; at < end; at++) {
      const entry = entries[at] as number;
      const column = entry >>> 16;
      distances[column] = (distances[column] as number) + Math.abs(count - (entry & 0xffff) - 1) - MAX_DIFFERENCE;
    }
  }
  if (counted === 0) return { language: null, length };
  let best = 0;
  for (let column = 1; column < distances.length; column++) {
    if ((distances[column] as number) < (distances[best] as number)) best = column;
  }
  return { language: model.languages[best] ?? null, length };
}
