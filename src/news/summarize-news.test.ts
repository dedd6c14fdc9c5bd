import { describe, expect, it } from 'vitest';
import { removeBoilerplate } from './news-boilerplate.ts';
import { isCompleteSentence, splitSentences } from './split-sentences.ts';
import { summarizeNews } from './summarize-news.ts';
import { seededRandom } from './test-strings.ts';
import { startAtWord } from './white-space.ts';

describe('splitSentences', () => {
  it.each([
    {
      name: 'plain sentences',
      text: 'One sentence. Another one! A question? The end.',
      language: 'en',
      expected: ['One sentence.', 'Another one!', 'A question?', 'The end.'],
    },
    {
      name: 'English abbreviations',
      text: 'The U.S. unit of Acme Inc. hired Mr. Smith, e.g. for sales. i.e. it grows. Next sentence.',
      language: 'en',
      expected: ['The U.S. unit of Acme Inc. hired Mr. Smith, e.g. for sales. i.e. it grows.', 'Next sentence.'],
    },
    {
      name: 'German abbreviations and ordinals',
      text: 'Das Modell kann z. B. Code schreiben und u. a. Tabellen lesen, bzw. erklären. Dr. Müller nennt es Nr. 1. Es startet am 3. März. Danach folgt mehr.',
      language: 'de',
      expected: [
        'Das Modell kann z. B. Code schreiben und u. a. Tabellen lesen, bzw. erklären.',
        'Dr. Müller nennt es Nr. 1.',
        'Es startet am 3. März.',
        'Danach folgt mehr.',
      ],
    },
    {
      name: 'German ordinals after articles and prepositions, counts at the end',
      text: 'Im 19. Jahrhundert gab es 3. Danach kam der 2. Platz.',
      language: 'de',
      expected: ['Im 19. Jahrhundert gab es 3.', 'Danach kam der 2. Platz.'],
    },
    {
      name: 'numbers end English sentences',
      text: 'Revenue rose in 2025. Then it fell.',
      language: 'en',
      expected: ['Revenue rose in 2025.', 'Then it fell.'],
    },
    {
      name: 'initials',
      text: 'John F. Kennedy spoke. Everyone listened.',
      language: 'en',
      expected: ['John F. Kennedy spoke.', 'Everyone listened.'],
    },
    {
      name: 'quotes after the full stop, decimals and versions',
      text: 'He said: "It works." GPT-4.5 costs 2.5 times more. Fine.',
      language: 'en',
      expected: ['He said: "It works."', 'GPT-4.5 costs 2.5 times more.', 'Fine.'],
    },
    {
      name: 'lower-case continuation is not a boundary',
      text: 'Version 2. and 3. both shipped. Done.',
      language: 'en',
      expected: ['Version 2. and 3. both shipped.', 'Done.'],
    },
    {
      name: 'CJK full stops',
      text: 'OpenAIは新しいモデルを発表しました。価格は据え置きです。',
      language: 'ja',
      expected: ['OpenAIは新しいモデルを発表しました。', '価格は据え置きです。'],
    },
    {
      name: 'fragment without a full stop',
      text: 'A teaser that stops',
      language: 'en',
      expected: ['A teaser that stops'],
    },
  ])('$name', ({ text, language, expected }) => {
    expect(splitSentences(text, language)).toEqual(expected);
  });
});

const LONG_FIRST =
  'Anthropic said on Tuesday that its newest model, which it has been testing with a small group of enterprise ' +
  'customers since the spring, will be made available to every developer on its platform and through the large ' +
  'cloud providers, including Amazon Bedrock and Google Cloud Vertex AI, at the same price as the previous ' +
  'generation of models. It is faster.';

describe('summarizeNews', () => {
  it.each([
    {
      name: 'whole sentences up to the bound',
      text: 'First sentence is here. Second sentence follows! Third? Fourth sentence is far too long to fit in.',
      maxChars: 60,
      expected: 'First sentence is here. Second sentence follows! Third?',
    },
    {
      name: 'German with abbreviations',
      text: 'Anthropic hat Claude vorgestellt. Das Modell kann z. B. Code schreiben und u. a. Tabellen lesen. Es ist ab dem 3. März verfügbar.',
      language: 'de',
      maxChars: 100,
      expected: 'Anthropic hat Claude vorgestellt. Das Modell kann z. B. Code schreiben und u. a. Tabellen lesen.',
    },
    {
      name: 'English abbreviations',
      text: 'The U.S. government, i.e. the FTC, sued Acme Inc. on Monday. Mr. Smith said prices rose.',
      maxChars: 70,
      expected: 'The U.S. government, i.e. the FTC, sued Acme Inc. on Monday.',
    },
    {
      name: 'WordPress footer',
      text: 'OpenAI released a model today. It is fast. The post OpenAI released a model appeared first on Example News.',
      expected: 'OpenAI released a model today. It is fast.',
    },
    {
      name: 'German WordPress footer',
      text: 'Die KI kann jetzt sehen. Der Beitrag Die KI kann jetzt sehen erschien zuerst auf Beispiel-Blog.',
      language: 'de',
      expected: 'Die KI kann jetzt sehen.',
    },
    {
      name: 'byline and read more',
      text: 'By Jane Doe | OpenAI released a model today. It is fast. Read more',
      expected: 'OpenAI released a model today. It is fast.',
    },
    {
      name: 'continue reading with a title',
      text: 'Google shipped an update. Continue reading “Google ships update”',
      expected: 'Google shipped an update.',
    },
    {
      name: 'image credit in brackets and Weiterlesen',
      text: '(Bild: heise online) Der KI-Hersteller hat neue Preise angekündigt. Weiterlesen',
      language: 'de',
      expected: 'Der KI-Hersteller hat neue Preise angekündigt.',
    },
    {
      name: 'leading photo credit',
      text: 'Photo: Justin Sullivan/Getty Images Anthropic raised $13 billion on Tuesday. The round values it at $183 billion.',
      expected: 'Anthropic raised $13 billion on Tuesday. The round values it at $183 billion.',
    },
    {
      name: 'credit and chrome lines',
      text: 'Image credit: Acme\nAdvertisement\nOpenAI made a thing.\nShare this:',
      expected: 'OpenAI made a thing.',
    },
    {
      name: 'truncated teaser drops the cut fragment',
      text: 'Google launched Gemini 3. The model is better. It beats every model at benchmarks that [...]',
      expected: 'Google launched Gemini 3. The model is better.',
    },
    {
      name: 'a lone truncated fragment gets an ellipsis',
      text: 'Die neue Version bringt viele Verbesserungen mit sich, die Entwickler mehr…',
      language: 'de',
      expected: 'Die neue Version bringt viele Verbesserungen mit sich, die Entwickler…',
    },
    {
      name: 'short teaser kept',
      text: 'Short teaser without a full stop',
      expected: 'Short teaser without a full stop',
    },
    {
      name: 'first sentence too long: cut at a word with an ellipsis',
      text: LONG_FIRST,
      maxChars: 110,
      expected:
        'Anthropic said on Tuesday that its newest model, which it has been testing with a small group of enterprise…',
    },
    { name: 'empty', text: '   ', expected: '' },
  ])('$name', ({ text, language = 'en', maxChars, expected }) => {
    expect(summarizeNews(text, language, maxChars)).toBe(expected);
  });

  it('stays within 300 characters by default and ends at a sentence', () => {
    const text = 'This sentence has exactly a few words in it. '.repeat(20);
    const summary = summarizeNews(text, 'en');
    expect(summary.length).toBeLessThanOrEqual(300);
    expect(summary.endsWith('in it.')).toBe(true);
    expect(summary).toBe('This sentence has exactly a few words in it. '.repeat(6).trim());
  });

  it('never cuts inside a word, even for a single giant word', () => {
    const giant = 'x'.repeat(400);
    expect(summarizeNews(giant, null, 50)).toBe(`${'x'.repeat(49)}…`);
    const words = summarizeNews('word '.repeat(200), null, 52);
    expect(words).toBe(`${'word '.repeat(10).trim()}…`);
  });

  it('reads only the start of huge content', () => {
    const started = performance.now();
    const summary = summarizeNews(`Start here. ${'Filler text goes on. '.repeat(200_000)}`, 'en');
    expect(summary.startsWith('Start here. Filler text goes on.')).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

/** summarizeNews as first written: the summary grown by concatenation, sentence by sentence. */
function concatenatingSummary(text: string, language: string | null, maxChars: number): string {
  const input = startAtWord(text, Math.max(2000, maxChars * 8), 'cut');
  const { text: cleaned, truncated } = removeBoilerplate(input);
  const sentences = splitSentences(cleaned, language);
  const last = sentences.at(-1);
  const cutShort = truncated || input.length < text.length;
  if (cutShort && sentences.length > 1 && last !== undefined && !isCompleteSentence(last)) sentences.pop();
  let summary = '';
  for (const sentence of sentences) {
    const next = summary === '' ? sentence : `${summary} ${sentence}`;
    if (next.length > maxChars) break;
    summary = next;
  }
  const first = sentences[0];
  if (summary === '' && first !== undefined) {
    const room = first.slice(0, Math.max(0, maxChars - 1) + 1);
    const space = room.search(/\s\S*$/u);
    let cut = space > 0 ? room.slice(0, space) : room.slice(0, -1);
    if (/[\uD800-\uDBFF]$/u.test(cut)) cut = cut.slice(0, -1);
    return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`;
  }
  const lone = summary === first && cutShort && !isCompleteSentence(first);
  return lone && summary.length + 1 <= maxChars ? `${summary}…` : summary;
}

describe('summarizeNews against its first version', () => {
  it('picks the same sentences for random teasers and bounds', () => {
    const random = seededRandom(71);
    const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)] ?? '';
    const sentences = [
      ...['Anthropic cuts prices.', 'Das Modell kann z. B. Code schreiben.', 'Why now?', 'It works!', 'A fragment'],
      ...['The U.S. unit of Acme Inc. hired Mr. Smith.', 'Read more', '[…]', 'A very long sentence '.repeat(6)],
      ...['価格は据え置きです。', '新モデル！', 'Und dann?', '"Quoted."', 'Version 2. and 3. shipped.'],
    ];
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: Math.floor(random() * 12) }, () => pick(sentences)).join(pick([' ', '\n', '']));
      const maxChars = 20 + Math.floor(random() * 300);
      expect(summarizeNews(text, 'en', maxChars), `${JSON.stringify(text)} ${maxChars}`).toBe(
        concatenatingSummary(text, 'en', maxChars),
      );
    }
  });
});
