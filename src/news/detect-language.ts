/**
 * The language of a news text, as an ISO 639-1 code.
 *
 * The models and the method are franc's (its trigram profiles from `franc/data.js`, its script expressions,
 * its text cleaning and its distance), but scored here through an inverted index restricted to the languages
 * news feeds use: calling `franc()` itself costs several hundred microseconds per item (it rebuilds its
 * language filter and probes each object-backed profile trigram by trigram), many times the cost of parsing the
 * item, where this costs about ten.
 * The test suite checks that the answers equal `franc(text, { only })`.
 */
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';
import { buildTrigramModel, closestLanguage, type TrigramModel } from './trigram-model.ts';

/** ISO 639-3 (franc) → ISO 639-1 for the languages scored by trigrams, per script. */
export const trigramLanguages: Readonly<Record<'Latin' | 'Cyrillic', Readonly<Record<string, string>>>> = {
  Latin: {
    eng: 'en',
    deu: 'de',
    fra: 'fr',
    spa: 'es',
    ita: 'it',
    nld: 'nl',
    por: 'pt',
    pol: 'pl',
    swe: 'sv',
    dan: 'da',
    nob: 'nb',
    fin: 'fi',
    ces: 'cs',
    slk: 'sk',
    tur: 'tr',
    ron: 'ro',
    hun: 'hu',
    hrv: 'hr',
    ind: 'id',
    vie: 'vi',
    cat: 'ca',
  },
  Cyrillic: { rus: 'ru', ukr: 'uk', bul: 'bg', bel: 'be', srp: 'sr', mkd: 'mk' },
};

/** Scripts that franc maps to one language each, by its expression key → ISO 639-1. */
const SINGLE_SCRIPT_LANGUAGES: Readonly<Record<string, string>> = {
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  ell: 'el',
  tha: 'th',
};

/** Characters of text looked at: enough for a stable answer, and franc's cost grows with it. */
export const LANGUAGE_SAMPLE_CHARS = 300;
/** Shortest cleaned sample (alphabetic scripts) that gives an answer; a headline alone is often too short. */
export const MIN_LANGUAGE_SAMPLE = 20;
/** Fewest characters of a CJK or Thai script that give an answer (one character carries a word). */
const MIN_SCRIPT_CHARS = 4;
/** Hiragana and katakana (franc's `jpn` expression also counts kanji). */
const KANA = /[\u3041-\u309F\u30A0-\u30FF\u31F0-\u31FF\uFF66-\uFF9D]/g;
let models: Readonly<Record<'Latin' | 'Cyrillic', TrigramModel>> | undefined;

function modelFor(script: 'Latin' | 'Cyrillic'): TrigramModel {
  models ??= {
    Latin: buildTrigramModel(data['Latin'] ?? {}, new Set(Object.keys(trigramLanguages.Latin))),
    Cyrillic: buildTrigramModel(data['Cyrillic'] ?? {}, new Set(Object.keys(trigramLanguages.Cyrillic))),
  };
  return models[script];
}

function countMatches(text: string, expression: RegExp): number {
  return text.length - text.replace(expression, '').length;
}

/**
 * Letters of the Latin script, counted by code range (franc's Latin expression is far slower to run), up to the
 * first count above `enough`: past it the answer is settled.
 */
function countLatinLetters(text: string, enough: number): number {
  let count = 0;
  for (let index = 0; index < text.length && count <= enough; index++) {
    const code = text.charCodeAt(index) | 0x20;
    if (
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0xe0 && code <= 0x24f && code !== 0xf7) ||
      (code >= 0x1e00 && code <= 0x1eff)
    ) {
      count++;
    }
  }
  return count;
}

/**
 * franc's top script: the expression matching most characters. Mostly-Latin text is settled by counting; its
 * count is only known to be above half the sample (callers only ask whether it is zero).
 */
function topScript(sample: string): { readonly script: string; readonly count: number } {
  const half = Math.floor(sample.length / 2);
  const latin = countLatinLetters(sample, half);
  if (latin > half) return { script: 'Latin', count: latin };
  let top = { script: 'Latin', count: 0 };
  for (const [script, expression] of Object.entries(expressions)) {
    const count = countMatches(sample, expression);
    if (count > top.count) top = { script, count };
  }
  return top;
}

/** The start of `text`, cut at a space so no word is split. */
function sampleOf(text: string): string {
  if (text.length <= LANGUAGE_SAMPLE_CHARS) return text;
  const cut = text.slice(0, LANGUAGE_SAMPLE_CHARS);
  const space = cut.lastIndexOf(' ');
  return space > LANGUAGE_SAMPLE_CHARS / 2 ? cut.slice(0, space) : cut;
}

/**
 * The ISO 639-1 code of the text's language (`en`, `de`, `fr`, `ja`, …), or null when the text is too short to
 * tell or in a script outside the supported set. Pass title and summary together: a title alone is short.
 * Looks at the first `LANGUAGE_SAMPLE_CHARS` characters only.
 */
export function detectLanguage(text: string): string | null {
  const sample = sampleOf(text.trim());
  const { script, count } = topScript(sample);
  if (count === 0) return null;
  if (script === 'cmn' || script === 'jpn') {
    // Japanese mixes kana with many kanji; franc would call kanji-heavy Japanese Chinese.
    const kana = countMatches(sample, KANA);
    const han = countMatches(sample, expressions['cmn'] ?? KANA);
    if (kana + han < MIN_SCRIPT_CHARS) return null;
    return kana * 10 >= kana + han ? 'ja' : 'zh';
  }
  const single = SINGLE_SCRIPT_LANGUAGES[script];
  if (single !== undefined) return count >= MIN_SCRIPT_CHARS ? single : null;
  if (script !== 'Latin' && script !== 'Cyrillic') return null;
  const { language, length } = closestLanguage(sample, modelFor(script));
  if (length < MIN_LANGUAGE_SAMPLE) return null;
  return language === null ? null : (trigramLanguages[script][language] ?? null);
}
