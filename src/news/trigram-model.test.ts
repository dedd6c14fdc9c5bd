import { data } from 'franc/data.js';
import { describe, expect, it } from 'vitest';
import { trigramLanguages } from './detect-language.ts';
import { seededRandom } from './test-strings.ts';
import { buildTrigramModel, closestLanguage } from './trigram-model.ts';

/**
 * franc's distance written out plainly (clean, pad, count trigrams, sum |count − rank − 1| or 300 per language,
 * first smallest wins): the reference the indexed scoring must equal.
 */
function referenceClosest(
  text: string,
  profiles: Readonly<Record<string, string>>,
  wanted: ReadonlySet<string>,
): { language: string | null; length: number } {
  const cleaned = text
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  const padded = ` ${cleaned} `;
  const counts = new Map<string, number>();
  for (let index = 0; index + 3 <= padded.length; index++) {
    const trigram = padded.slice(index, index + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  const languages = Object.keys(profiles).filter((code) => wanted.has(code));
  let best: { language: string | null; distance: number } = { language: null, distance: Infinity };
  let known = false;
  for (const language of languages) {
    const ranks = new Map((profiles[language] ?? '').split('|').map((trigram, rank) => [trigram, rank]));
    let distance = 0;
    for (const [trigram, count] of counts) {
      const rank = ranks.get(trigram);
      if (rank !== undefined) known = true;
      distance += rank === undefined ? 300 : Math.abs(count - rank - 1);
    }
    if (distance < best.distance) best = { language, distance };
  }
  return { language: known ? best.language : null, length: cleaned.length };
}

/** Words of several languages, digits and punctuation, so random texts are close calls between languages. */
const WORDS = [
  ...['the', 'and', 'of', 'model', 'users', 'terms', 'new', 'with', 'data', 'company', 'said', 'will', 'is'],
  ...['der', 'die', 'und', 'für', 'Nutzer', 'Änderung', 'ist', 'mit', 'Straße', 'über', 'neue', 'sich'],
  ...['le', 'la', 'les', 'des', 'est', 'une', 'pour', 'société', 'données', 'été', 'très', 'où'],
  ...['el', 'los', 'para', 'una', 'con', 'datos', 'nueva', 'años', 'el', 'de', 'que', 'y'],
  ...['het', 'een', 'voor', 'och', 'för', 'är', 'jest', 'się', 'na', 'że', 've', 'bir', 'și', 'és'],
  ...['GPT-5', '2025', '€20', 'A.I.', '—', '«', '»', '…', '!?', '(x)', 'x', 'ß', 'İ', 'ǅ', '😀', '中文'],
];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '\n', '\t', '\u00a0', '-', "'", '', '  '];

function randomTexts(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)] ?? '';
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(random() * 40) }, () => pick(WORDS) + pick(SEPARATORS)).join(''),
  );
}

describe('closestLanguage', () => {
  it.each(['Latin', 'Cyrillic'] as const)('equals franc’s distance written out (%s)', (script) => {
    const profiles = data[script] ?? {};
    const wanted = new Set(Object.keys(trigramLanguages[script]));
    const model = buildTrigramModel(profiles, wanted);
    const texts = [...randomTexts(400, script === 'Latin' ? 3 : 4), 'Компания объявила о новых ценах', ''];
    for (const text of texts) {
      expect(closestLanguage(text, model), JSON.stringify(text)).toEqual(referenceClosest(text, profiles, wanted));
    }
  });

  it('stays right for long texts and for short ones after them (scratch space is reused)', () => {
    const profiles = data['Latin'] ?? {};
    const wanted = new Set(Object.keys(trigramLanguages.Latin));
    const model = buildTrigramModel(profiles, wanted);
    const long = randomTexts(60, 5).join(' ');
    expect(long.length).toBeGreaterThan(2_000);
    for (const text of [long, 'The company said on Tuesday that users will see new terms.', long.slice(0, 700)]) {
      expect(closestLanguage(text, model)).toEqual(referenceClosest(text, profiles, wanted));
    }
  });
});
