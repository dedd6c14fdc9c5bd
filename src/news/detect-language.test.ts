import { franc } from 'franc';
import { describe, expect, it } from 'vitest';
import { detectLanguage, trigramLanguages } from './detect-language.ts';

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
