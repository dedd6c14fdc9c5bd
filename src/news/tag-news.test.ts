import { describe, expect, it } from 'vitest';
import { defaultNewsDictionaries, mergeNewsDictionaries } from './dictionaries.ts';
import { parsePattern } from './news-patterns.ts';
import { anchorsOf } from './pattern-anchors.ts';
import { tagNews, tagTopics, tagVendors } from './tag-news.ts';
import { seededRandom } from './test-strings.ts';

const tagV = (text: string): string[] => tagVendors(text, defaultNewsDictionaries);
const tagT = (text: string): string[] => tagTopics(text, defaultNewsDictionaries);

describe('tagVendors', () => {
  it.each([
    { text: 'Anthropic releases Claude Opus 4.1', expected: ['anthropic'] },
    { text: "Claude's new memory feature rolls out", expected: ['anthropic'] },
    { text: 'Anthropics neues Modell Claude Sonnet 4.5 ist da', expected: ['anthropic'] },
    { text: 'OpenAI launches GPT‑5 (non-breaking hyphen)', expected: ['openai'] },
    { text: 'ChatGPT now answers with GPT-4o and o3-mini', expected: ['openai'] },
    { text: 'Sora 2 makes videos; DALL·E 3 makes pictures', expected: ['openai'] },
    { text: 'Sam Altman says compute is scarce', expected: ['openai'] },
    { text: 'Google DeepMind unveils Gemini 3', expected: ['google'] },
    { text: 'Googles KI Gemini bekommt ein Update; Bard ist Geschichte', expected: ['google'] },
    { text: 'xAI ships Grok 4 to X Premium users', expected: ['xai'] },
    { text: 'Meta unveils Llama 4 models', expected: ['meta'] },
    { text: 'Meta said on Tuesday it will spend more on AI', expected: ['meta'] },
    { text: 'Der Meta-Konzern stellt Llama-3.1 vor', expected: ['meta'] },
    { text: 'Mistral AI raises €600M; Le Chat gets memory', expected: ['mistral'] },
    { text: 'Mixtral and Codestral are open-weight models', expected: ['mistral'] },
    { text: 'Microsoft brings Copilot to Windows; Azure OpenAI adds models', expected: ['microsoft', 'openai'] },
    { text: 'GitHub Copilot adds Claude', expected: ['anthropic', 'github', 'microsoft'] },
    { text: 'Amazon Bedrock adds models from AWS partners', expected: ['amazon'] },
    { text: 'The new Alexa+ assistant is available now', expected: ['amazon'] },
    { text: 'Models are now available on Bedrock', expected: ['amazon'] },
    { text: 'DeepSeek-R1 and Deepseek V3 beat benchmarks', expected: ['deepseek'] },
    { text: 'Cursor raises $900M at a $9B valuation', expected: ['cursor'] },
    { text: 'Developers using Cursor report faster reviews; Anysphere is growing', expected: ['cursor'] },
    { text: 'Copilot, Cursor and Windsurf compete for developers', expected: ['cursor', 'microsoft', 'windsurf'] },
    { text: 'Codeium renames itself Windsurf', expected: ['windsurf'] },
    { text: 'Perplexity AI launches Comet; the startup Perplexity is growing', expected: ['perplexity'] },
    { text: 'Hugging Face hosts a million models', expected: ['huggingface'] },
    { text: 'NVIDIA and Nvidias Chips; Jensen Huang speaks', expected: ['nvidia'] },
    { text: 'Apple Intelligence arrives in Europe; Siri gets smarter', expected: ['apple'] },
    { text: 'Alibaba releases Qwen3-Coder', expected: ['alibaba'] },
    { text: 'Moonshot AI releases Kimi K2', expected: ['moonshot'] },
  ])('$text', ({ text, expected }) => {
    expect(tagV(text)).toEqual(expected);
  });

  it.each([
    'A meta-analysis of 40 studies found no effect.',
    'The metadata and the meta tags of the page are wrong.',
    'Meta tags help search engines; Meta description too.',
    'Eine Meta-Analyse zeigt: Die Meta-Ebene fehlt, Metadaten auch.',
    'The mistral wind blew for three days in Provence.',
    'Der Mistral weht kalt durch das Rhonetal; der Mistral-Wind erreicht 90 km/h.',
    'Move the cursor to the left and click; the mouse cursor disappears.',
    'Drücken Sie die Cursor-Taste, um den Cursor zu bewegen. Der Cursor blinkt.',
    'Cursor movement is slow on this laptop.',
    'Windsurfing is a sport; the Windsurf World Cup starts on Sylt. Windsurfen macht Spaß.',
    'Deforestation of the Amazon rainforest continues in the Amazon.',
    'Der Amazon-Regenwald brennt.',
    'Jean-Claude Juncker met fans of Claude Monet.',
    'Perplexity is a measure of how well a language model predicts text.',
    'The model has low perplexity on the test set.',
    'XAI (explainable AI) helps doctors.',
    'The Gemini constellation is visible tonight; Project Gemini flew in 1965.',
    'The Bard wrote 154 sonnets.',
    'Kimi Räikkönen won the race.',
    'An apple pie and an Apple pie recipe.',
    'She fed the llama some hay; Llamas are friendly.',
    'Copilots and pilots land planes.',
    'Ordinary words: open ai research, claude, grok, gemini, sora, amazonian, windsurf, cursor.',
  ])('no vendor in %j', (text) => {
    expect(tagV(text)).toEqual([]);
  });

  it('returns sorted unique slugs', () => {
    expect(tagV('OpenAI, Anthropic, OpenAI and Google, then Anthropic again')).toEqual([
      'anthropic',
      'google',
      'openai',
    ]);
  });

  it('finds names at the start, at the end and next to punctuation', () => {
    expect(tagV('Claude')).toEqual(['anthropic']);
    expect(tagV('(OpenAI)')).toEqual(['openai']);
    expect(tagV('"xAI"')).toEqual(['xai']);
  });

  it('does not match inside longer words', () => {
    expect(tagV('Claudette, Googleplex fans and OpenAIsh things, Metaverse, AWSome')).toEqual([]);
  });
});

describe('tagTopics', () => {
  it.each([
    { text: 'Anthropic updates its Terms of Service and usage policy', expected: ['terms-and-policy'] },
    { text: 'Die AGB und die Nutzungsbedingungen von OpenAI ändern sich', expected: ['terms-and-policy'] },
    { text: 'Meta changes the Llama licence terms', expected: ['terms-and-policy'] },
    { text: 'Anthropic cuts off OpenAI’s API access to Claude', expected: ['access'] },
    { text: 'Rate limits tighten; the waitlist is closed', expected: ['access'] },
    { text: 'Apple Intelligence is not available in the EU', expected: ['access'] },
    { text: 'OpenAI sperrt den Zugang für chinesische Nutzer', expected: ['access'] },
    { text: 'ChatGPT Plus subscription price rises to $22 per month', expected: ['pricing'] },
    { text: 'Das Abo kostet 20 Euro; der Preis steigt', expected: ['pricing'] },
    { text: 'Google launches a new reasoning model', expected: ['model-release'] },
    { text: 'Anthropic stellt neues KI-Modell vor', expected: ['model-release'] },
    { text: 'Researchers jailbreak the model; red team findings on AI safety', expected: ['safety'] },
    { text: 'EU AI Act obligations start; the FTC opens an inquiry', expected: ['regulation'] },
    { text: 'Brüssel eröffnet ein DMA-Verfahren gegen Apple', expected: ['regulation'] },
    { text: 'OpenAI disbands its superalignment team; AI alignment research moves on', expected: ['safety'] },
    { text: 'Die KI-Verordnung der EU-Kommission tritt in Kraft', expected: ['regulation'] },
    { text: 'Authors sue OpenAI over copyright; the court hears the lawsuit', expected: ['legal'] },
    { text: 'Klage gegen Meta: Das Landgericht verhandelt', expected: ['legal'] },
    { text: 'Mistral raises $2 billion in a funding round at a $14 billion valuation', expected: ['funding'] },
    { text: 'Die Finanzierungsrunde bringt eine Bewertung von 10 Milliarden Dollar', expected: ['funding'] },
  ])('$text', ({ text, expected }) => {
    expect(tagT(text)).toEqual(expected);
  });

  it.each([
    'The report raises concerns about data centres.',
    'Sue gave a talk about her garden.',
    'Die Bewertung des Modells fällt gemischt aus.',
    'Wir fahren nach Klagenfurt und essen ein Gericht mit Spargel.',
    'The team released a song and launched a balloon.',
    'She banged the drum; the banner was red.',
    'Fix the text alignment and the wheel alignment; DMA transfers are fast.',
  ])('no topic in %j', (text) => {
    expect(tagT(text)).toEqual([]);
  });
});

describe('user dictionaries', () => {
  it('adds patterns to known slugs and new slugs, case-insensitive with (?i)', () => {
    const dictionaries = mergeNewsDictionaries(defaultNewsDictionaries, {
      vendors: { anthropic: ['Project Glasswing'], acme: ['(?i)acme\\s+ai'] },
      topics: { hardware: ['GPUs?', 'Rechenzentr\\p{L}*'] },
    });
    expect(tagVendors('ACME AI and Project Glasswing', dictionaries)).toEqual(['acme', 'anthropic']);
    expect(tagTopics('Neue GPUs für das Rechenzentrum', dictionaries)).toEqual(['hardware']);
    expect(tagVendors('Acme AI', defaultNewsDictionaries)).toEqual([]);
  });

  it('runs patterns without a literal start and patterns with back-references', () => {
    const dictionaries = mergeNewsDictionaries(defaultNewsDictionaries, {
      vendors: { digits: ['\\d{3}-AI'], echo: ['(?<word>ha)\\k<word>', '(bo)\\1'] },
    });
    expect(tagVendors('Meet 123-AI', dictionaries)).toEqual(['digits']);
    expect(tagVendors('haha and bobo', dictionaries)).toEqual(['echo']);
    expect(tagVendors('ha bo', dictionaries)).toEqual([]);
  });
});

describe('tagNews', () => {
  /** Every anchor of the default dictionaries in three cases, and words that follow them. */
  const anchors = Object.values({ ...defaultNewsDictionaries.vendors, ...defaultNewsDictionaries.topics })
    .flat()
    .flatMap((pattern) => anchorsOf(parsePattern(pattern).source) ?? []);
  const words = [
    ...anchors,
    ...anchors.map((anchor) => anchor.toLowerCase()),
    ...anchors.map((anchor) => anchor.toUpperCase()),
    ...['AI', 'of', 'service', 'use', 'Act', 'model', 'models', 'users', 'data', 'tags', '4', '5', '$2B', '€600M'],
    ...['Jean-', 'Monet', 'said', 'the', 'der', 'Chef', 'Konzern', 'acme', 'ACME', 'ha', 'bo', '123', 'x', 'Ä'],
    ...[
      'µ-Lab-X',
      'µ-Lab',
      'Μ-LAB-x',
      'μ-lab',
      'gpUs',
      'K',
      'ſ',
      'İstanbul AI',
      'istanbul ai',
      'ϴ-Lab-X',
      'Θ-lab-x',
      '\u212Aelvin Labs',
      'kelvin labs',
    ],
  ];
  const separators = [' ', ' ', ' ', ' ', ', ', '. ', '-', '‑', "'s ", '’s ', 's ', '\n', ' (', ') ', ''];
  /** Texts of up to 12 random words with random separators, the same on every run. */
  function randomTexts(count: number): string[] {
    const random = seededRandom(31);
    const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)] ?? '';
    return Array.from({ length: count }, () =>
      Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(words) + pick(separators)).join(''),
    );
  }
  const user = mergeNewsDictionaries(defaultNewsDictionaries, {
    vendors: { acme: ['(?i)acme\\s+ai'], digits: ['\\d{3}-AI'], echo: ['(bo)\\1'], legal: ['Klage'] },
    topics: { hardware: ['GPUs?'], acme: ['ACME'], echo: ['(?<word>ha)\\k<word>'] },
  });
  /** A Greek anchor: lower case is no faithful key for it, so the maps keep one trie per case mode. */
  const greek = mergeNewsDictionaries(defaultNewsDictionaries, {
    vendors: { mu: ['µ-Lab'] },
    topics: { mu: ['(?i)μ-Lab-X'] },
  });
  /** Anchors whose lower case is longer (İ) or no case-insensitive match of them (ϴ → θ, Kelvin sign → k). */
  const dotted = mergeNewsDictionaries(defaultNewsDictionaries, { vendors: { istanbul: ['İstanbul AI'] } });
  const kelvin = mergeNewsDictionaries(defaultNewsDictionaries, { vendors: { kelvin: ['\u212Aelvin Labs'] } });
  const theta = mergeNewsDictionaries(defaultNewsDictionaries, {
    vendors: { theta: ['ϴ-Lab'] },
    topics: { theta: ['(?i)θ-Lab-X'] },
  });

  it.each([
    { name: 'default dictionaries', dictionaries: defaultNewsDictionaries },
    { name: 'user dictionaries with unanchored patterns and slugs in both maps', dictionaries: user },
    { name: 'an anchor beyond Latin-1', dictionaries: greek },
    { name: 'an anchor that lower-cases longer', dictionaries: dotted },
    { name: 'an anchor whose lower case does not match it', dictionaries: theta },
    { name: 'an anchor whose lower case matches other text', dictionaries: kelvin },
  ])('equals tagVendors and tagTopics on random text: $name', ({ dictionaries }) => {
    let tagged = 0;
    for (const text of randomTexts(2500)) {
      const expected = { vendors: tagVendors(text, dictionaries), topics: tagTopics(text, dictionaries) };
      expect(tagNews(text, dictionaries), JSON.stringify(text)).toEqual(expected);
      if (expected.vendors.length > 0 && expected.topics.length > 0) tagged++;
    }
    expect(tagged).toBeGreaterThan(500);
  });
});

describe('word starts', () => {
  it('a name counts after any character but a letter, a digit or an underscore (every UTF-16 code unit)', () => {
    const wrong: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const before = String.fromCharCode(code);
      const tagged = tagVendors(`${before}OpenAI`, defaultNewsDictionaries).includes('openai');
      if (tagged === /[\p{L}\p{N}_]/u.test(before)) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });

  it('an anchor that is no word character counts after anything but a letter or a digit', () => {
    const wrong: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const before = String.fromCharCode(code);
      const tagged = tagTopics(`${before}€20 per month`, defaultNewsDictionaries).includes('pricing');
      if (tagged === /[\p{L}\p{N}]/u.test(before)) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });
});
