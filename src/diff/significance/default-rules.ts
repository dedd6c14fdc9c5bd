/**
 * The built-in significance rules, English and German. Patterns are regex sources (case-insensitive,
 * Unicode-aware `\b` and `\w`); direction patterns say which wording is adverse to the user when it appears.
 *
 * Gaps between words use bounded `[^.;]{0,N}?` runs so a pattern stays within one sentence and its cost
 * stays linear in the clause length.
 */
import { GAP, USER_RIGHTS, VENDOR_REFUSES, VENDOR_RIGHTS } from './direction-hints.ts';
import type { SignificanceRule } from './rules.ts';

const r = String.raw;

const competitorUse: SignificanceRule = {
  topic: 'competitor-use',
  significance: 'high',
  // A competitor-use restriction matters whichever way it moves: adding or lifting one is news.
  favourableSignificance: 'high',
  patterns: [
    r`\bcompet(?:e|es|ed|ing|ition|itive|itors?)\b`,
    r`\bdistil(?:l|ls|led|ling|lation)?\b`,
    r`\breverse[- ]engineer\w*`,
    r`\b(?:model\s+(?:extraction|theft)|extract\w*\s+(?:\w+\s+){0,2}?(?:model|weights))\b`,
    r`\bbenchmark(?:s|ing)?\b`,
    r`\b(?:replicat\w*|clone|cloning)\s+(?:\w+\s+){0,3}?(?:models?|services?|products?|outputs?)\b`,
    r`\bthird[- ]party\s+(?:tools?|applications?|apps?|clients?|harness(?:es)?|interfaces?|platforms?)\b`,
    r`\bresell\w*|\bresale\b`,
    r`\bWettbewerb\w*|\bkonkurrier\w*|\bKonkurren\w*`,
    r`\bDestillation\b|\bdestillier\w*`,
    r`\bzurückentwickel\w*|\bReverse[- ]Engineering\b|\bdekompilier\w*|\bdisassemblier\w*`,
    r`\bWeiterverkauf\w*|\bweiterverkauf\w*|\bweiterveräußer\w*|\bWiederverkäufer\w*`,
    r`\bDrittanbieter-?(?:tools?|werkzeuge?|anwendungen?|software|plattform\w*)\b|\b(?:Tools|Anwendungen)\s+von\s+Drittanbietern\b`,
  ],
};

const trainingData: SignificanceRule = {
  topic: 'training-data',
  // A mention of training alone ("data used to train AI models may be biased") is not yet news; a permission
  // to train on the user's content is, and a promise not to stays worth reading.
  significance: 'medium',
  adverseSignificance: 'high',
  favourableSignificance: 'medium',
  patterns: [
    r`\btrain(?:s|ed|ing)?\b`,
    r`\bimprov(?:e|es|ing)\s+(?:\w+\s+){0,2}?(?:models?|AI)\b`,
    r`\bopt(?:ed|s|ing)?[- ]?(?:in|out)\b(?:\s+of)?\s+(?:\w+\s+){0,3}?(?:training|models?)\b`,
    r`\btrainier\w*|\b\w*training\w*`,
    r`\b(?:Modelle?|KI)\s+(?:\S+\s+){0,2}?verbesser\w*|\bVerbesserung\s+(?:\S+\s+){0,2}?Modelle\b`,
  ],
  adverse: [
    r`\b(?:may|can|will|shall)\s+(?!not\b)${GAP}\b(?:use|process|analy[sz]e)\b${GAP}\b(?:train|improv|develop)`,
    r`(?<!\bnot\s(?:be\s)?)\bused?\s+(?:for|in)\s+(?:\w+\s+)?training\b`,
    r`\bincluding\s+(?:for\s+)?training\b`,
    r`\bunless\s+you\s+opt[- ]?out\s+of\s+(?:\w+\s+){0,2}?training\b`,
    r`\b(?:können|dürfen|werden)\s+(?!nicht\b)${GAP}\b(?:verwenden|nutzen|verarbeiten)\b${GAP}(?:trainier|verbesser|Training)`,
    r`\b(?:verwenden|nutzen)\s+${GAP}\b(?:zum\s+Training|zur\s+Verbesserung|zu\s+trainieren)\b`,
  ],
  favourable: [
    r`${VENDOR_REFUSES}(?:\w+\s+){0,3}?(?:train|fine-tune)`,
    r`${VENDOR_REFUSES}(?:\w+\s+){0,2}?use[sd]?\b[^.;]{0,80}?\b(?:train|improv)`,
    r`\b(?:will|shall)\s+not\s+be\s+used\s+(?:\w+\s+){0,3}?(?:train|improv)`,
    r`\bopt(?:ed|s)?[- ]?in\b`,
    r`\bwithout\s+your\s+(?:\w+\s+)?(?:consent|permission|agreement)\b`,
    r`\bunless\s+you(?:['’]ve|\s+have)?\s+(?:\w+\s+)?(?:agreed|consented|opted[- ]in)\b`,
    r`\bwir\s+(?:\S+\s+){0,6}?(?:nicht|niemals|keine?n?)\b[^.;]{0,60}?(?:trainier|Training|verbesser)`,
    r`\b(?:werden|wird)\s+(?:\S+\s+){0,4}?nicht\s+(?:\S+\s+){0,4}?(?:zum\s+Training|zur\s+Verbesserung|trainier)`,
    r`\bohne\s+(?:Ihre\s+)?(?:ausdrückliche\s+)?(?:Einwilligung|Zustimmung)\b`,
  ],
};

const access: SignificanceRule = {
  topic: 'access',
  significance: 'medium',
  patterns: [
    r`\beligib(?:le|ility)\b`,
    r`\b(?:minimum\s+)?age\b|\byears?\s+(?:of\s+age|old)\b|\bminors?\b`,
    r`\bcountr(?:y|ies)\b|\bregions?\b|\bterritor(?:y|ies)\b`,
    r`\bsanction(?:s|ed)?\b|\bexport\s+control\w*`,
    r`\bsuspen(?:d|ds|ded|sion)\b`,
    r`\baccess\s+(?:to\s+)?(?:the\s+|our\s+)?(?:services?|api|models?|platform)\b`,
    r`\b(?:automated|programmatic)\s+(?:means|access)\b|\bscrap(?:e|ing)\b|\bcrawl\w*`,
    r`\bAPI\s+keys?\b|\baccount\s+(?:sharing|credentials)\b`,
    r`\bberechtigt\w*|\bBerechtigung\w*|\bMindestalter\b|\bLebensjahr\w*|\bJahre\s+alt\b`,
    r`\bvolljährig\w*|\bminderjährig\w*`,
    r`\bLändern?\b|\bRegionen\b|\bGebiet\w*|\bSanktion\w*|\bExportkontroll\w*`,
    r`\bZugang\w*|\bZugriff\w*|\bsperr(?:en|t|te|ung)\w*|\baussetz\w*|\bAussetzung\b|\bausgesetzt\b`,
    r`\bDrittanbieter\w*|\bautomatisiert\w*`,
  ],
  adverse: [
    ...VENDOR_RIGHTS,
    r`\b(?:must|shall)\s+be\s+(?:at\s+least\s+)?\d+`,
    r`\bnot\s+(?:be\s+)?(?:available|permitted|allowed|supported)\b|\bonly\s+(?:be\s+)?(?:available|permitted|accessed)\b`,
    r`\b(?:may|must)\s+not\s+(?:\w+\s+){0,2}?(?:access|use)\b|\bprohibit\w*`,
    r`\bnicht\s+(?:\S+\s+)?(?:verfügbar|gestattet|erlaubt|zulässig)\b|\buntersagt\b|\bverboten\b|\bnur\s+(?:über|in|für)\b`,
  ],
  favourable: [...USER_RIGHTS, r`\b(?:now|also)\s+available\b|\bjetzt\s+(?:auch\s+)?verfügbar\b`],
  quantities: [
    {
      near: r`\bage\b|\byears?\s+old\b|\bLebensjahr\w*|\bJahre\s+alt\b|\bAlter\s+von\b|\bim\s+Alter\b|\bMindestalter\b`,
      label: 'Minimum age',
      lower: 'favourable',
      units: ['duration'],
    },
  ],
};

const liability: SignificanceRule = {
  topic: 'liability',
  significance: 'medium',
  patterns: [
    r`\bliab(?:le|ility|ilities)\b|\bindemni(?:fy|fies|fied|fication|ty|ties)\b|\bhold\s+harmless\b`,
    r`\bwarrant(?:y|ies|s)?\b|\bas[- ]is\b|\bas[- ]available\b|\bdisclaim\w*`,
    r`\bdamages\b|\bconsequential\b|\bin\s+no\s+event\b`,
    r`\bHaftung\w*|\bhaft(?:en|et|bar)\b|\bfreistell\w*|\bFreistellung\w*`,
    r`\bGewährleistung\w*|\bGarantie\w*|\bSchadensersatz\w*|\bSchäden\b|\bwie\s+besehen\b`,
  ],
  adverse: [
    r`\b(?:not|never)\s+(?:be\s+)?(?:liable|responsible)\b|\bin\s+no\s+event\b|\bdisclaim\w*|\bas[- ]is\b`,
    r`\b(?:shall|will|does|do)\s+not\s+exceed\b|\blimited\s+to\b`,
    r`\byou\s+(?:will|shall|must|agree\s+to)\s+(?:\w+\s+){0,2}?(?:indemnify|defend|hold)\b`,
    r`\bsole\s+(?:and\s+exclusive\s+)?remedy\b`,
    r`\bhaften\s+(?:\S+\s+){0,3}?nicht\b|\bkeine\s+Haftung\b|\bausgeschlossen\b|\bbeschränkt\s+auf\b|\bauf\s+(?:\S+\s+){0,4}?beschränkt\b`,
    r`\bHaftungsausschluss\w*|\bSie\s+stellen\s+uns\b[^.;]{0,60}?\bfrei\b`,
  ],
  favourable: [
    r`\bwe\s+(?:will|shall)\s+(?:\w+\s+){0,2}?(?:indemnify|defend)\b|\bwe\s+warrant\b|\bunlimited\s+liability\b`,
    r`\bnothing\s+in\s+these\s+terms\s+(?:\w+\s+){0,2}?(?:excludes?|limits?)\b`,
    r`\bunbeschränkt\w*|\bwir\s+stellen\s+Sie\b[^.;]{0,60}?\bfrei\b|\bwir\s+haften\b(?!\s+nicht\b)`,
    r`\bgesetzlichen?\s+Gewährleistung\w*`,
  ],
  quantities: [
    {
      near: r`\bliab\w*|\bexceed\w*|\baggregate\b|\bcap\b|\bgreater\s+of\b|\blesser\s+of\b|\bHaftung\w*|\bhaft\w*|\bbeschränkt\b|\bHöchstbetrag\w*`,
      label: 'Liability cap',
      lower: 'adverse',
      units: ['money', 'duration'],
    },
  ],
};

const termination: SignificanceRule = {
  topic: 'termination',
  significance: 'medium',
  patterns: [
    r`\bterminat(?:e|es|ed|ing|ion)\b|\bsuspen(?:d|ds|ded|sion)\b|\bcancel\w*|\bdeactivat\w*`,
    r`\b(?:prior|advance|written|days['’]?)\s+notice\b|\bwithout\s+(?:prior\s+)?notice\b|\bnotice\s+period\b`,
    r`\b(?:close|delete)\s+your\s+account\b`,
    r`\bkündig\w*|\bKündigung\w*|\bgekündigt\b|\bbeend(?:en|et|igen|igt|igung)\w*|\bVertragsende\b`,
    r`\baussetz\w*|\bAussetzung\b|\bsperr(?:en|t|ung)\w*|\bVorankündigung\b|\bAnkündigungsfrist\b`,
  ],
  adverse: [
    ...VENDOR_RIGHTS,
    r`\bfristlos\w*|\baus\s+beliebigem\s+Grund\b`,
    r`\bimmediately\s+(?:\w+\s+){0,2}?(?:terminate|suspend)|\bmit\s+sofortiger\s+Wirkung\b`,
  ],
  favourable: [...USER_RIGHTS, r`\bmit\s+einer\s+Frist\b`],
  quantities: [
    {
      near: r`\bnotice\b|\bnotify\b|\bFrist\w*|\bAnkündigung\w*|\bbenachrichtig\w*|\bkündig\w*`,
      label: 'Notice period',
      lower: 'adverse',
      units: ['duration'],
    },
  ],
};

const pricing: SignificanceRule = {
  topic: 'pricing',
  significance: 'medium',
  patterns: [
    r`\bfees?\b|\bpric(?:e|es|ing)\b|\bcharg(?:e|es|ed)\b|\bbill(?:ing|ed)\b|\bpayments?\b|\binvoic\w*`,
    r`\bsubscriptions?\b|\bcredits?\b|\bquotas?\b|\brate[- ]limits?\b|\busage[- ]based\b|\busage\s+limits?\b`,
    r`\brefunds?\b|\bnon-refundable\b|\btax(?:es)?\b|\bauto[- ]?renew\w*`,
    r`\bGebühr\w*|\bPreis\w*|\bKosten\b|\bkosten(?:pflichtig|los|frei)\w*|\bZahlung\w*|\bAbonnement\w*|\bAbo\b`,
    r`\bGuthaben\b|\bKontingent\w*|\bNutzungs(?:limit|grenze)\w*|\bRate-?Limits?\b|\bRechnung\w*|\bAbrechnung\w*`,
    r`\bErstattung\w*|\berstatt\w*|\bSteuer\w*`,
  ],
  adverse: [
    r`\bnon-refundable\b|\bno\s+refunds?\b|\bautomatically\s+renew\w*|\bcredits?\s+(?:\w+\s+){0,3}?expire\w*`,
    r`\bwe\s+(?:may|can)\s+(?:\w+\s+){0,3}?(?:change|increase|modify|adjust|raise)\s+(?:\w+\s+){0,2}?(?:prices?|fees?|pricing|limits?|quotas?)`,
    r`\bnicht\s+erstattungsfähig\b|\bkeine\s+Erstattung\b|\bautomatisch\s+verlänger\w*|\bverfallen\b`,
    r`\b(?:können|dürfen)\s+(?:\S+\s+){0,4}?(?:Preise|Gebühren|Limits?)\s+(?:\S+\s+){0,3}?(?:ändern|erhöhen|anpassen)\b`,
  ],
  favourable: [
    r`\bat\s+no\s+(?:additional\s+|extra\s+)?(?:cost|charge)\b`,
    r`(?<!\bnon-)\brefundable\b|\bpro[- ]rat(?:a|ed)\s+refund\w*`,
    r`\bkostenlos\b|\bkostenfrei\b|\bohne\s+zusätzliche\s+Kosten\b|(?<!\bnicht\s)\berstattungsfähig\b`,
  ],
  quantities: [
    {
      near: r`\bfees?\b|\bpric\w*|\bcost\w*|\bcharg\w*|\bper\s+(?:month|year)\b|\bsubscription\w*|\bGebühr\w*|\bPreis\w*|\bKosten\b|\bmonatlich\w*|\bAbo\w*`,
      label: 'Price',
      lower: 'favourable',
      units: ['money', 'percent'],
    },
    {
      near: r`\bcredits?\b|\bquotas?\b|\blimits?\b|\ballowance\b|\bincluded\b|\bGuthaben\b|\bKontingent\w*|\bLimit\w*|\benthalten\b`,
      label: 'Usage limit',
      lower: 'adverse',
      units: ['money', 'count', 'percent'],
    },
    {
      near: r`\brefund\w*|\bErstattung\w*|\bwiderruf\w*`,
      label: 'Refund window',
      lower: 'adverse',
      units: ['duration'],
    },
  ],
};

const privacy: SignificanceRule = {
  topic: 'privacy',
  significance: 'medium',
  patterns: [
    r`\bpersonal\s+(?:data|information)\b|\bprivacy\b|\bdata\s+protection\b|\bGDPR\b`,
    r`\b(?:retain\w*|delet\w*|stor(?:e|ed|es|age))\s+(?:\w+\s+){0,3}?(?:data|content|information|inputs?|outputs?|chats?|conversations?|history|prompts?|materials?)\b`,
    r`\b(?:data\s+)?retention\b|\bdeletion\b`,
    r`\b(?:share|shares|shared|sharing|disclose\w*|sell|transfer\w*)\s+(?:\w+\s+){0,4}?(?:data|information|content|chats?|conversations?)\b`,
    r`\bpersonenbezogen\w*\s+Daten\b|\bDatenschutz\w*|\bDSGVO\b`,
    r`\bspeicher\w*|\bSpeicherung\w*|\baufbewahr\w*|\bAufbewahrung\w*|\blösch\w*|\bLöschung\w*`,
    r`\bweiterge\w*|\bWeitergabe\b|\boffenleg\w*|\bVerarbeitung\s+(?:\S+\s+){0,2}?Daten\b`,
  ],
  adverse: [
    ...VENDOR_RIGHTS,
    r`\b(?:may|can|will)\s+(?!not\b)${GAP}\b(?:share|disclose|sell|transfer)\b`,
    r`\bindefinitely\b|\bas\s+long\s+as\s+(?:\w+\s+){0,3}?(?:necessary|needed|required)\b`,
    r`\bunbegrenzt\w*|\bunbefristet\w*|\b(?:können|dürfen)\s+${GAP}\b(?:weitergeben|offenlegen|übermitteln|verkaufen)\b`,
  ],
  favourable: [
    ...USER_RIGHTS,
    r`${VENDOR_REFUSES}(?:\w+\s+){0,2}?(?:sell|share|disclose)\b`,
    r`\byou\s+(?:may|can)\s+(?:\w+\s+){0,3}?(?:delete|request|export|access\s+your)\b|\bencrypt\w*`,
    r`\bwir\s+(?:\S+\s+){0,6}?(?:nicht|niemals)\s+(?:\S+\s+){0,2}?(?:verkaufen|weitergeben|offenlegen)\b|\bverschlüssel\w*`,
    r`\bSie\s+können\s+(?:\S+\s+){0,3}?(?:löschen|Auskunft|exportieren)\b`,
  ],
  quantities: [
    {
      near: r`\bretain\w*|\bretention\b|\bdelet\w*|\bstor\w*|\bkept\b|\bkeep\b|\bspeicher\w*|\baufbewahr\w*|\blösch\w*`,
      label: 'Retention period',
      lower: 'favourable',
      units: ['duration'],
    },
  ],
};

const jurisdiction: SignificanceRule = {
  topic: 'jurisdiction',
  significance: 'medium',
  // Where disputes go matters even when the change is to the user's benefit.
  favourableSignificance: 'medium',
  patterns: [
    // Law and venue patterns take in the place's name, so "English law" → "Irish law" is a change of topic words.
    r`\bgoverning\s+law\b|\bgoverned\s+by\s+(?:the\s+)?(?:\w+\s+){0,3}?laws?\b(?:\s+of\s+(?:the\s+)?(?:State\s+of\s+)?\w+)?`,
    r`\blaws\s+of\s+(?:the\s+)?(?:State\s+of\s+)?\w+(?:\s+\w+)?\s+(?:govern|appl)\w*|\b\w+\s+law\s+(?:applies|shall\s+apply|will\s+apply)\b`,
    r`\bcourts?\s+(?:of|in|located\s+in)\s+(?:the\s+)?(?:\w+\s+)?\w+|\bjurisdiction\w*|\bvenue\b`,
    r`\barbitra\w*|\bclass[- ]action\w*|\bjury\s+trial\b|\bdispute\s+resolution\b|\bmediation\b`,
    r`\bGerichtsstand\w*(?:\s+ist\s+\w+)?|\bGericht\w*|\banwendbare\w*\s+Recht\b`,
    r`\b(?:unterliegt|unterliegen)\s+(?:\S+\s+){0,3}?Recht\b|\b\w+\s+Recht\s+(?:der|des)\s+\w+|\b\w+(?:sche|schen|sches)\s+Recht\b`,
    r`\bSchieds\w*|\bSammelklage\w*|\bVerbandsklage\w*|\bStreitbeilegung\w*|\bSchlichtung\w*`,
  ],
  adverse: [
    r`\bbinding\s+arbitration\b|\bindividual\s+(?:basis|arbitration)\b|\bwaive\w*\s+(?:\w+\s+){0,4}?(?:class|jury)\b`,
    r`\bexclusive\s+(?:jurisdiction|venue)\b|\bexclusively\s+in\s+the\s+courts\b`,
    r`\bverzicht\w*[^.;]{0,60}?(?:Sammelklage|Geschworenen)|\bausschließlich\w*\s+(?:\S+\s+){0,2}?(?:zuständig|Gerichtsstand)\b`,
    r`\bverbindlich\w*\s+Schieds\w*`,
  ],
  favourable: [
    r`\bopt\s+out\s+of\s+(?:\w+\s+){0,2}?arbitration\b`,
    r`\bcourts?\s+(?:where|in\s+which)\s+you\s+(?:live|reside)\b|\byour\s+local\s+courts?\b`,
    r`\bmandatory\s+(?:consumer\s+)?(?:protection\s+)?(?:laws?|rights)\b`,
    r`\bzwingende\w*\s+(?:Verbraucher\w*|Recht\w*)|\bWohnsitz\w*`,
  ],
  quantities: [
    {
      near: r`\bopt\s+out\b|\barbitration\b|\b(?:bring|file|commence)\s+(?:\w+\s+){0,2}?(?:claims?|actions?)\b|\bKlage\w*\s+(?:\S+\s+){0,2}?erheben\b|\bSchieds\w*`,
      label: 'Claim window',
      lower: 'adverse',
      units: ['duration'],
    },
  ],
};

/** The built-in topics, in the order they are reported when a change touches several. */
export const defaultRules: readonly SignificanceRule[] = [
  competitorUse,
  trainingData,
  access,
  liability,
  termination,
  pricing,
  privacy,
  jurisdiction,
];
