/**
 * Default vendor dictionary: vendor slug → patterns for the company, its products and its people.
 *
 * Pattern language: see `news-patterns.ts` (whole words, case-sensitive unless `(?i)`). Names that are also
 * ordinary words carry context so ordinary text stays untagged: `Meta` but not `meta-analysis` or `Meta tags`,
 * `Mistral AI` but not `der Mistral` (the wind), `Cursor` the editor but not `den Cursor bewegen` or
 * `Cursor-Taste`, `Windsurf` but not `Windsurf World Cup`, `Amazon` but not `the Amazon rainforest`.
 */

/** Hyphen, including the Unicode hyphens feeds use in `GPT‑5`. */
const H = String.raw`[-\u2010\u2011]`;
/** Anything but a letter: closes a word inside a lookahead. */
const END = String.raw`(?!\p{L})`;
/** Not preceded by a hyphen: keeps `Jean-Claude` and `Marie-Claude` out. */
const NO_HYPHEN_BEFORE = String.raw`(?<![-\u2010\u2011])`;
/** Possessive or German genitive: `OpenAI's`, `OpenAIs`. */
const POSS = String.raw`(?:s|['’]s)?`;

/** Verbs that follow a company name at the start of a headline: `Cursor raises…`, `Perplexity launches…`. */
const COMPANY_VERBS = String.raw`(?:raises|raised|launches|launched|releases|released|announces|announced|unveils|acquires|acquired|buys|hires|is\s+valued|valued|sued|sammelt|übernimmt|kauft|bringt|stellt|startet|veröffentlicht)`;

/** German words for the people and parts of a company, allowed in hyphenated compounds: `Meta-Chef`. */
const COMPANY_COMPOUNDS = String.raw`(?:Konzern|Chef|Chefin|CEO|Gründer|Gründerin|Tochter|KI|AI|Manager|Managerin|Sprecher|Sprecherin|Forscher|Forscherin|Team|Modell|Modelle|Modells|Übernahme|Deal|Finanzierung|Bewertung|Nutzer)${END}`;

/** Default patterns per vendor slug. */
export const defaultVendorPatterns: Readonly<Record<string, readonly string[]>> = {
  anthropic: [
    String.raw`Anthropic${POSS}(?!\s+(?:[Pp]rinciple|[Pp]rinzip))`,
    // "Claude" is also a first name: not after a hyphen (Jean-Claude), not before a famous surname.
    String.raw`${NO_HYPHEN_BEFORE}(?<!Jean\s|Marie\s)Claude${POSS}(?!\s+(?:Monet|Debussy|Shannon|François|Francois|Chabrol|Lelouch|Juncker|Nougaro|Makélélé|Brasseur|Rains|Van\s+Damme|Lanzmann|Berri|Zidi|Lévi-Strauss)${END})`,
    String.raw`Dario\s+Amodei`,
  ],
  openai: [
    String.raw`OpenAI${POSS}`,
    String.raw`ChatGPT${POSS}`,
    String.raw`GPT${H}?\d+(?:\.\d+)?(?:o|${H}?(?:[Tt]urbo|mini|nano|pro|codex|oss))?`,
    String.raw`(?:GPT|gpt)${H}(?:OSS|oss)`,
    String.raw`Sora(?:\s+2)?`,
    // Reasoning models are lower-case "o" and a digit; "O2" (the carrier) stays out.
    String.raw`(?:o1|o3|o4)(?:${H}(?:mini|pro|preview|high))?`,
    String.raw`DALL[-\u2010\u2011·\s]?E(?:\s?\d)?`,
    String.raw`Sam\s+Altman${POSS}`,
    String.raw`(?<!Robert\s)Altman${POSS}`,
  ],
  google: [
    String.raw`Google${POSS}`,
    String.raw`DeepMind${POSS}`,
    String.raw`(?<!Project\s|Projekt\s|Winklevoss\s)Gemini(?!\s+(?:Trust|Exchange|Dollar|Earn|Card|Space|Man|[Cc]onstellation|[Hh]oroscope|Horoskop|Sternbild|[Zz]odiac)${END})`,
    String.raw`(?<![Tt]he\s)Bard(?!\s+(?:College|of\s+Avon)${END})`,
    String.raw`Gemma\s?\d+`,
    String.raw`NotebookLM`,
    String.raw`(?:Veo|Imagen)\s?\d+`,
    String.raw`Pichai`,
    String.raw`Hassabis`,
    String.raw`Alphabet(?=['’]s|\s+Inc|${H}(?:Konzern|Chef|Tochter))`,
  ],
  xai: [String.raw`xAI${POSS}`, String.raw`Grok(?:\s?\d+(?:\.\d+)?)?`, String.raw`Grokipedia`],
  meta: [
    String.raw`Meta\s+(?:AI|Platforms|Superintelligence)`,
    // The company, but not the prefix of meta-analysis, Meta-Ebene or Meta tags at the start of a sentence.
    String.raw`Meta${POSS}(?!${H}(?!${COMPANY_COMPOUNDS})|\s+(?:[Tt]ags?|[Dd]escriptions?|[Dd]ata|[Tt]itles?|[Ee]lements?|[Kk]eys?|[Aa]nalys[ie]s|Analysen|Ebene|[Ll]evel|[Pp]rogramming|[Ll]earning|[Oo]bjects?|[Cc]lass(?:es)?|Daten|[Ii]nformation(?:en)?)${END})`,
    String.raw`Llama${H}?\s?\d+(?:\.\d+)?`,
    String.raw`Llama\s+(?:Guard|Stack|[Mm]odels?|Modell\p{L}*|[Ff]amily|Familie|weights|[Ll]icen[cs]e|Lizenz)`,
    String.raw`Zuckerberg${POSS}`,
  ],
  mistral: [
    String.raw`Mistral${H}?\s?(?:AI|KI)`,
    String.raw`Mistral\s+(?:Large|Medium|Small|Nemo|Saba|Code|OCR|\d)`,
    // "der Mistral" and "the Mistral" are the wind; the company goes without an article.
    String.raw`(?<!(?:[Dd](?:er|en|em|es)|[Tt]he|[Aa]|[Ee]in(?:en)?)\s)Mistral${POSS}(?!${H}(?!${COMPANY_COMPOUNDS})|\s+(?:[Ww]inds?|Winde?|weht|bläst|blows|class|Klasse)${END})`,
    String.raw`(?<=Le\s)Chat(?!\s+(?:Noir|Botté)${END})`,
    String.raw`(?:Mixtral|Codestral|Devstral|Pixtral|Ministral|Voxtral)`,
    String.raw`Magistral\s+(?:Small|Medium)`,
    String.raw`Arthur\s+Mensch`,
  ],
  microsoft: [
    String.raw`Microsoft${POSS}`,
    // No plural or genitive -s: "Copilots" are people in cockpits.
    String.raw`Copilot(?:['’]s)?`,
    String.raw`Azure(?:\s+OpenAI)?`,
    String.raw`(?<!Chandler\s)Bing(?!\s+Crosby${END})`,
    String.raw`Nadella`,
    String.raw`Phi${H}\d+(?:\.\d+)?`,
    String.raw`Mustafa\s+Suleyman`,
  ],
  amazon: [
    // The company, but not the river or the rainforest ("in the Amazon." is the region too).
    String.raw`Amazon${POSS}(?!(?:${H}|\s+)(?:[Rr]ainforests?|[Rr]iver|[Bb]asin|[Jj]ungle|[Dd]eforestation|Regenwald|Gebiet|[Rr]egion|[Tt]ribes?)${END})(?<!(?:[Tt]he|[Dd]er|[Dd]en|im)\sAmazon(?=\s*(?:[.,;:!?]|$)))`,
    String.raw`AWS`,
    String.raw`(?<=\p{Ll}[,;:]?\s)Bedrock`,
    String.raw`Bedrock(?=\s+(?:AgentCore|Agents?|Guardrails|Knowledge\s+Bases?|[Mm]odels?))`,
    String.raw`Alexa(?:\+|\s+Plus)`,
    String.raw`Alexa(?=\s+(?:[Dd]evices?|[Aa]ssistant|[Ss]kills?|[Ss]peakers?|Lautsprecher)${END})`,
    String.raw`Jassy`,
    String.raw`Trainium\d*`,
    String.raw`Nova\s+(?:Pro|Lite|Micro|Premier|Act|Sonic|Reel|Canvas)`,
  ],
  deepseek: [String.raw`(?i)deep${H}?seek${POSS}`],
  cursor: [
    String.raw`Anysphere${POSS}`,
    // "Cursor" is a common noun in both languages (den Cursor bewegen, Cursor-Taste), so it needs context.
    String.raw`Cursor(?=\s+(?:AI|IDE|[Ee]ditor|[Aa]gents?|Composer|Tab|Pro|Business|Ultra|Bugbot|BugBot|CLI|\d+(?:\.\d+)?${END}))`,
    String.raw`Cursor(?=\s+${COMPANY_VERBS}${END})`,
    String.raw`Cursor${H}(?:Editor|IDE|Entwickler|Hersteller|Macher|Agent|Agenten|Startup|Start-up|${COMPANY_COMPOUNDS})`,
    String.raw`Cursor['’]s`,
    String.raw`(?<=(?:[Ee]ditors?|IDEs?|[Ss]tartups?|[Ss]tart-ups?|[Mm]akers?|[Hh]ersteller|[Uu]ses|[Uu]sing|[Ll]ike|[Vv]ia|from|von|with|wie|and|or|oder|als|[Rr]ivals?|[Kk]onkurrent(?:en)?|,)\s)Cursor(?!${H}|\s+(?:[Kk]eys?|Tasten?|[Pp]osition|[Mm]ovement)${END})`,
    String.raw`Cursor(?=\s*(?:,|and|und|or|oder)\s+(?:Windsurf|Copilot|GitHub|Claude|Replit|Lovable|Codex))`,
  ],
  windsurf: [
    String.raw`Codeium${POSS}`,
    // The editor, not the sport: Windsurfing/Windsurfen are other words, and these are its phrases.
    String.raw`Windsurf${POSS}(?!${H}(?!(?:Editor|IDE|${COMPANY_COMPOUNDS}))|\s+(?:[Bb]oards?|[Ss]ails?|Segel|World|Cup|Weltmeister\p{L}*|[Ss]chools?|Schule|[Ss]pots?|Revier|Kurs\p{L}*|[Ll]essons?)${END})`,
  ],
  github: [String.raw`Git[Hh]ub${POSS}`],
  perplexity: [
    String.raw`Perplexity(?=\s+(?:AI|Pro|Max|Comet|Sonar|Labs|CEO|Chef)${END})`,
    String.raw`Perplexity(?=\s+${COMPANY_VERBS}${END})`,
    String.raw`Perplexity${H}${COMPANY_COMPOUNDS}`,
    String.raw`Perplexity['’]s`,
    // Mid-sentence capitals are the company; the language-model metric is written in lower case.
    String.raw`(?<=\p{Ll}[,;:]?\s)Perplexity(?!\s+(?:score|scores|of|metric)${END})`,
    String.raw`Aravind\s+Srinivas`,
  ],
  huggingface: [String.raw`Hugging\s?Face${POSS}(?!\s+emoji)`],
  nvidia: [String.raw`(?i)nvidia${POSS}`, String.raw`Jensen\s+Huang`, String.raw`Nemotron`],
  apple: [
    String.raw`Apple${POSS}(?!\s+(?:[Pp]ies?|[Jj]uice|[Cc]ider|[Tt]rees?|[Oo]rchards?|[Ss]auce|and\s+[Oo]ranges)${END})`,
    String.raw`Apple\s+Intelligence`,
    String.raw`Siri${POSS}`,
    String.raw`Tim\s+Cook${POSS}`,
  ],
  alibaba: [
    String.raw`Alibaba${POSS}`,
    String.raw`Qwen\d*(?:\.\d+)?`,
    String.raw`QwQ`,
    String.raw`Tongyi(?:\s+Qianwen)?`,
  ],
  moonshot: [
    String.raw`Moonshot(?:\s+AI|${H}(?:AI|KI))`,
    String.raw`Kimi(?:\s?K\d+(?:\.\d+)?|${H}K\d+(?:\.\d+)?)?(?!\s+(?:Räikkönen|Raikkonen|Antonelli)${END})`,
  ],
};
