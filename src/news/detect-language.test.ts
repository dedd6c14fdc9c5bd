import { franc } from 'franc';
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';
import { describe, expect, it } from 'vitest';
import { detectLanguage, LANGUAGE_SAMPLE_CHARS, MIN_LANGUAGE_SAMPLE, trigramLanguages } from './detect-language.ts';
import { seededRandom } from './test-strings.ts';
import { buildTrigramModel, closestLanguage } from './trigram-model.ts';

const LINES = [
  {
    language: 'en',
    text: 'OpenAI launches a new model for developers. The company said on Tuesday that it would release a new version of its assistant.',
  },
  {
    language: 'de',
    text: 'Anthropic stellt ein neues KI-Modell vor. Das Unternehmen hat am Dienstag eine neue Version seines Assistenten veröffentlicht.',
  },
  {
    language: 'fr',
    text: "Mistral AI lève 600 millions d'euros. La start-up française a annoncé mardi une nouvelle levée de fonds auprès de ses investisseurs.",
  },
  {
    language: 'es',
    text: 'Google presenta un nuevo modelo de inteligencia artificial para los desarrolladores de todo el mundo.',
  },
  {
    language: 'it',
    text: 'Meta presenta un nuovo modello di intelligenza artificiale per gli sviluppatori di tutto il mondo.',
  },
  { language: 'nl', text: 'OpenAI kondigt een nieuw taalmodel aan voor ontwikkelaars in Nederland en België.' },
  {
    language: 'pt',
    text: 'A OpenAI anunciou um novo modelo de inteligência artificial para os desenvolvedores brasileiros.',
  },
  { language: 'pl', text: 'OpenAI ogłosiło nowy model sztucznej inteligencji dla programistów z całego świata.' },
  { language: 'sv', text: 'OpenAI lanserar en ny språkmodell för utvecklare i hela världen och i Sverige.' },
  { language: 'ru', text: 'OpenAI представила новую языковую модель для разработчиков со всего мира.' },
  { language: 'ja', text: 'OpenAIは開発者向けに新しい言語モデルを発表しました。' },
  { language: 'zh', text: 'OpenAI发布了面向开发者的新语言模型。' },
  { language: 'ko', text: 'OpenAI는 개발자를 위한 새로운 언어 모델을 발표했습니다.' },
];

describe('detectLanguage', () => {
  it.each(LINES)('$language', ({ language, text }) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it.each(['', '   ', 'Claude 4', 'GPT-5 · 2025 · $20', 'OpenAI news', '12345 67890 !!!'])(
    'is unsure about %j',
    (text) => {
      expect(detectLanguage(text)).toBeNull();
    },
  );

  it('gives franc’s answer among the supported languages', () => {
    const only = [...Object.keys(trigramLanguages.Latin), ...Object.keys(trigramLanguages.Cyrillic)];
    const toIso = { ...trigramLanguages.Latin, ...trigramLanguages.Cyrillic };
    const samples = [
      ...LINES.filter(({ language }) => !['ja', 'zh', 'ko'].includes(language)).map(({ text }) => text),
      'Der Vorstand räumt Fehler ein und kündigt eine Überprüfung der Abläufe an.',
      'Ce service est disponible dès aujourd’hui pour tous les abonnés en Europe.',
      'The terms of service changed again, and users are not happy about it at all.',
      'Hoje a empresa revelou os resultados do trimestre e as ações subiram bastante.',
      'Компания объявила о новых ценах на подписку для пользователей в Европе.',
    ];
    for (const text of samples) {
      expect(detectLanguage(text)).toBe(toIso[franc(text, { only })] ?? null);
    }
  });

  it('reads only the start of a long text', () => {
    const text = `${LINES[1]?.text ?? ''} ${'The rest of this text is in English and goes on for a while. '.repeat(50)}`;
    expect(detectLanguage(text)).toBe('de');
  });

  it('is fast: 2,000 detections of 300 characters well under a second', () => {
    const text = `${LINES[0]?.text ?? ''} ${LINES[0]?.text ?? ''} ${LINES[0]?.text ?? ''}`.slice(0, 300);
    const started = performance.now();
    for (let index = 0; index < 2000; index++) detectLanguage(`${text} ${index}`);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

const referenceModels = {
  Latin: buildTrigramModel(data['Latin'] ?? {}, new Set(Object.keys(trigramLanguages.Latin))),
  Cyrillic: buildTrigramModel(data['Cyrillic'] ?? {}, new Set(Object.keys(trigramLanguages.Cyrillic))),
};

/** detectLanguage as first written: every Latin letter counted before the script is decided. */
function referenceDetect(text: string): string | null {
  const trimmed = text.trim();
  const cut = trimmed.slice(0, LANGUAGE_SAMPLE_CHARS);
  const space = cut.lastIndexOf(' ');
  const sample =
    trimmed.length <= LANGUAGE_SAMPLE_CHARS || space <= LANGUAGE_SAMPLE_CHARS / 2 ? cut : cut.slice(0, space);
  const matches = (expression: RegExp): number => sample.length - sample.replace(expression, '').length;
  let latin = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index) | 0x20;
    const letter = (code >= 0x61 && code <= 0x7a) || (code >= 0xe0 && code <= 0x24f && code !== 0xf7);
    if (letter || (code >= 0x1e00 && code <= 0x1eff)) latin++;
  }
  let top = { script: 'Latin', count: latin };
  if (latin * 2 <= sample.length) {
    top = { script: 'Latin', count: 0 };
    for (const [script, expression] of Object.entries(expressions)) {
      if (matches(expression) > top.count) top = { script, count: matches(expression) };
    }
  }
  if (top.count === 0) return null;
  if (top.script === 'cmn' || top.script === 'jpn') {
    const kana = matches(/[\u3041-\u309F\u30A0-\u30FF\u31F0-\u31FF\uFF66-\uFF9D]/g);
    const han = matches(expressions['cmn'] ?? /$^/g);
    if (kana + han < 4) return null;
    return kana * 10 >= kana + han ? 'ja' : 'zh';
  }
  const single = ({ kor: 'ko', ell: 'el', tha: 'th' } as Record<string, string>)[top.script];
  if (single !== undefined) return top.count >= 4 ? single : null;
  if (top.script !== 'Latin' && top.script !== 'Cyrillic') return null;
  const script = top.script;
  const { language, length } = closestLanguage(sample, referenceModels[script]);
  if (length < MIN_LANGUAGE_SAMPLE) return null;
  return language === null ? null : (trigramLanguages[script][language] ?? null);
}

describe('detectLanguage against its first version', () => {
  it('decides the script the same way on texts around half Latin, half other scripts', () => {
    const random = seededRandom(17);
    const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)] ?? '';
    const words = [
      ...['the', 'users', 'model', 'über', 'Straße', 'données', 'ǅemal', 'Ḁbc'],
      ...['новых', 'ценах', 'для', 'Компания', 'μοντέλο', 'χρήστες', '新しい', 'モデル', '発表', '模型', '사용자'],
      ...['2025', '$20', '—', '😀', '…'],
    ];
    for (let round = 0; round < 1500; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => pick(words)).join(pick([' ', ', ', '']));
      expect(detectLanguage(text), JSON.stringify(text)).toBe(referenceDetect(text));
    }
  });
});
