/**
 * Default topic dictionary: topic slug → English and German patterns.
 *
 * Pattern language: see `news-patterns.ts` (whole words; `(?i)` ignores case). Words with a second, ordinary
 * meaning carry context: `raises` only with money or a round (not "raises concerns"), `Bewertung` only with an
 * amount (not a product review), `sue` only in lower case (not the name Sue), `Klage` not `Klagenfurt`.
 */

/** A few words in between, bounded so matching stays linear: `cuts off (some) developers' access`. */
const GAP = String.raw`(?:[\p{L}\p{N}'’$€£.,-]+\s+){0,4}?`;

/** Default patterns per topic slug. */
export const defaultTopicPatterns: Readonly<Record<string, readonly string[]>> = {
  'terms-and-policy': [
    String.raw`(?i)terms\s+(?:of\s+(?:service|use)|and\s+conditions)`,
    String.raw`(?i)(?<=(?:usage|use|content|privacy|data|acceptable[-\s]use)\s+)polic(?:y|ies)`,
    String.raw`(?i)acceptable\s+use`,
    String.raw`(?i)licen[cs](?:e|ing)\s+(?:change|changes|terms|update|updates)`,
    String.raw`(?i)(?:chang|switch|updat)(?:e|es|ed|ing)\s+(?:its|their|the)\s+licen[cs]e`,
    String.raw`(?i)relicens(?:e|es|ed|ing)`,
    String.raw`(?i)(?:train|trains|training)\s+on\s+(?:user|customer|your)\s+(?:data|chats|conversations|content)`,
    String.raw`(?:ToS|AGB)`,
    String.raw`(?i)(?:Nutzungs|Geschäfts|Vertrags|Lizenz)bedingung\p{L}*`,
    String.raw`(?i)Nutzungsrichtlinie\p{L}*`,
    String.raw`(?i)Datenschutz(?:erklärung|richtlinie|bestimmung)\p{L}*`,
    String.raw`(?i)Lizenz(?:änderung|wechsel|modell)\p{L}*`,
  ],
  access: [
    String.raw`(?i)API\s+access`,
    String.raw`(?i)(?:cuts?|cutting|revok(?:e|es|ed|ing)|block(?:s|ed|ing)?|restrict(?:s|ed|ing)?|suspend(?:s|ed|ing)?|los(?:e|es|t|ing)|shuts?\s+off)\s+(?:off\s+)?${GAP}access`,
    String.raw`(?i)access\s+(?:cut|revoked|blocked|restricted|suspended|denied)`,
    String.raw`(?i)ban(?:s|ned|ning)?`,
    String.raw`(?i)(?:wait[-\s]?list(?:s|ed)?|Warteliste\p{L}*)`,
    String.raw`(?i)(?:rate|usage)[-\s]limit(?:s|ed|ing)?`,
    String.raw`(?i)(?:Nutzungs|Raten)limit\p{L}*|Rate-Limits?`,
    String.raw`(?i)geo[-\s]?block\p{L}*`,
    String.raw`(?i)(?:unavailable|(?<=not\s+(?:yet\s+)?)available)\s+in\s+(?:the\s+)?(?:EU|Europe|UK|China|Russia|Germany)`,
    String.raw`(?i)(?:region|country|countries)\s+(?:restrictions?|availability|lock)`,
    String.raw`(?i)(?:Zugang|Zugriff)\s+(?:gesperrt|entzogen|beschränkt|eingeschränkt)`,
    String.raw`(?i)API-?(?:Zugang|Zugriff)\p{L}*`,
    String.raw`(?i)(?:sperrt|entzieht|beschränkt|blockiert|kappt)\s+${GAP}(?:den\s+)?(?:Zugang|Zugriff)`,
    String.raw`(?i)gesperrt|sperrt|Sperre|Sperrung`,
    String.raw`(?i)(?<=in\s+(?:der\s+)?(?:EU|Europa|Deutschland)\s+(?:noch\s+)?nicht\s+)verfügbar`,
  ],
  pricing: [
    String.raw`(?i)pric(?:e|es|ed|ing)`,
    String.raw`(?i)subscriptions?`,
    String.raw`(?i)(?:free|paid)\s+(?:tier|plan)s?`,
    String.raw`(?i)(?:\$|€|£|US-?\$)\s?\d+(?:[.,]\d+)?\s*(?:per|a|/|pro|im)\s*(?:month|mo|year|Monat|Jahr)`,
    String.raw`(?i)Preis\p{L}*|kostet|kosten(?:los|pflichtig)|Abo(?:s|nnement\p{L}*)?|Abo-\p{L}+`,
  ],
  'model-release': [
    String.raw`(?i)(?:launch|launches|launched|launching|release|releases|released|releasing|unveil|unveils|unveiled|unveiling|debuts?|debuted|introduces?|introduced|rolls?\s+out|rolled\s+out|ships|open[-\s]sources?|open[-\s]sourced)\s+${GAP}(?:models?|LLMs?)`,
    String.raw`(?i)new\s+(?:AI\s+|language\s+|reasoning\s+|frontier\s+|flagship\s+|open(?:[-\s]weights?)?\s+|coding\s+|video\s+|image\s+)?models?`,
    String.raw`(?i)model\s+(?:launch|release)`,
    String.raw`(?i)(?:stellt|veröffentlicht|präsentiert|bringt|lanciert|startet|zeigt)\s+${GAP}(?:KI-|Sprach|Reasoning-|Bild|Video)?[Mm]odell\p{L}*`,
    String.raw`(?i)neue[snmr]?\s+(?:KI-|Sprach|Reasoning-|Bild|Video)?[Mm]odell\p{L}*`,
    String.raw`GPT[-\u2010\u2011]?\d+(?:\.\d+)?o?`,
    String.raw`Claude\s+(?:(?:Opus|Sonnet|Haiku)\s+\d+(?:\.\d+)?|\d+(?:\.\d+)?(?:\s+(?:Opus|Sonnet|Haiku))?)`,
    String.raw`(?:Gemini|Grok|Llama|Qwen|Kimi\s+K|Gemma)[-\u2010\u2011]?\s?\d+(?:\.\d+)?`,
    String.raw`(?i)DeepSeek[-\u2010\u2011\s]?[RV]\d+(?:\.\d+)?`,
  ],
  safety: [
    String.raw`(?i)safety`,
    // AI alignment, not the alignment of text, wheels or chip packages.
    String.raw`(?i)superalignment|(?<=(?:AI|KI|model|value|human)[-\s])alignment`,
    String.raw`(?i)alignment(?=\s+(?:research\p{L}*|team|problem|work|techniques?|methods?|Forschung|Team)(?!\p{L}))`,
    String.raw`(?i)jailbr(?:eak|eaks|eaking|oken)`,
    String.raw`(?i)red[-\s]team\p{L}*`,
    String.raw`(?i)guardrails?`,
    String.raw`(?i)prompt[-\s]injection\p{L}*`,
    String.raw`(?i)(?:existential|catastrophic)\s+risks?`,
    String.raw`(?i)Sicherheit(?:sforsch\p{L}*|stests?|srichtlinie\p{L}*)|KI-Sicherheit`,
  ],
  regulation: [
    String.raw`AI\s+Act|AI-Act`,
    String.raw`(?i)KI-(?:Verordnung|Gesetz)\p{L}*`,
    String.raw`(?i)regulat(?:or|ors|ion|ions|e|es|ed|ing|ory)`,
    String.raw`FTC|FCC|CMA|Ofcom|SEC`,
    String.raw`(?:EU|European)\s+Commission|EU-Kommission|Europäische\s+Kommission`,
    String.raw`(?i)executive\s+order`,
    String.raw`(?i)Regulierung\p{L}*|Regulierer\p{L}*|Aufsichtsbehörde\p{L}*|Datenschutzbehörde\p{L}*|Datenschützer\p{L}*`,
    String.raw`GDPR|DSGVO|Digital\s+(?:Markets|Services)\s+Act`,
    // DMA is also direct memory access: only with regulatory context.
    String.raw`(?:DSA|DMA)(?=[-\s](?:Verfahren|Verstoß|Verstöße|Regeln|Pflichten|rules|compliance|probe|investigation|Untersuchung)(?!\p{L}))`,
    String.raw`(?i)lawmakers?|legislation|legislators?|Gesetz(?:entwurf|gebung|geber)\p{L}*`,
    String.raw`(?i)antitrust|Kartell(?:amt|behörde|recht|verfahren)\p{L}*`,
  ],
  legal: [
    String.raw`(?i)lawsuits?|litigation|class[-\s]action|plaintiffs?`,
    // Lower case only, so the name "Sue" stays out; headlines capitalise the verb.
    String.raw`sue[sd]?|suing|Sues|Sued|Suing`,
    String.raw`(?i)courts?|(?<=(?:the|federal|district)\s+)judges?`,
    String.raw`(?i)copyright\p{L}*|infring\p{L}*`,
    String.raw`(?i)Klage(?:n|schrift)?|Sammelklage\p{L}*|verklag\p{L}*|klagt`,
    String.raw`(?i)(?:Land|Amts|Bundes|Verwaltungs|Ober|Arbeits|Patent|Verfassungs|Schieds)gericht(?:s|e|en|shof)?`,
    // A bare "Gericht" is also a dish: only with words that make it the court.
    String.raw`(?i)Gerichts(?:verfahren|urteil|entscheid\p{L}*|hof|streit|prozess|termin)`,
    String.raw`(?<=(?:[Vv]or|dem|vom|beim|am)\s)Gericht`,
    String.raw`Gericht(?=\s+(?:hat|habe|hatte|entschied|urteilte|verhandelt|wies|gab|stellte|ordnete|erklärte|untersagte)(?!\p{L}))`,
    String.raw`(?i)Urteil\p{L}*|Urheberrecht\p{L}*`,
  ],
  funding: [
    String.raw`(?i)rais(?:es|ed|ing)\s+(?:\$|€|£|US\$)\s?\d`,
    String.raw`(?i)rais(?:es|ed|ing)\s+${GAP}(?:in\s+)?(?:funding|financing|capital|a\s+round)`,
    String.raw`(?i)(?:funding|financing|investment|seed)\s+rounds?`,
    String.raw`Series\s+[A-H]`,
    String.raw`(?i)valuation|valued\s+at`,
    String.raw`(?i)Finanzierungsrunde\p{L}*|Finanzierung`,
    String.raw`(?i)(?:Milliarden|Millionen)-?Bewertung|(?<=(?:mit|bei|zu)\s+einer\s+)Bewertung|Bewertung\s+von\s+(?:\d|rund|über|mehr|knapp|fast)`,
    String.raw`(?i)sammelt\s+${GAP}(?:Millionen|Milliarden|Mio\.|Mrd\.)`,
    String.raw`(?i)venture\s+capital|IPO|Börsengang`,
  ],
};
