/**
 * Direction patterns shared by several default rules: rights the vendor gives itself (adverse when they
 * appear) and rights or promises in the user's favour (adverse when they disappear). English and German.
 */

const r = String.raw;

/** A bounded gap inside one sentence that does not cross a negation (English or German). */
export const GAP = r`(?:(?!\b(?:not|never|nicht|niemals|kein\w*)\b)[^.;]){0,60}?`;

/**
 * A refusal by someone other than the user ("we do not", "Anysphere will not", "OpenAI never"): a vendor
 * promise. "You may not …" is a restriction on the user, not a promise, and does not match.
 */
export const VENDOR_REFUSES = r`\b(?!you\b|users?\b)\w+\s+(?:(?:do|does|will|shall|would|did)\s+not|never|won['’]t|don['’]t|doesn['’]t)\s+`;

/** Rights the vendor gives itself: adverse when they appear. */
export const VENDOR_RIGHTS = [
  r`\bwe\s+(?:may|can|reserve)\b(?!\s+not\b)`,
  r`\breserves?\s+the\s+right\b`,
  r`\b(?:at|in)\s+(?:our|its)\s+(?:sole\s+|absolute\s+)?discretion\b`,
  r`\bwithout\s+(?:any\s+)?(?:prior\s+|advance\s+)?(?:notice|warning)\b`,
  r`\bfor\s+any\s+(?:or\s+no\s+)?reason\b`,
  r`\bwir\s+(?:können|dürfen)\b(?!\s+nicht\b)`,
  r`\bbehalten\s+uns\s+(?:\S+\s+){0,4}?vor\b`,
  r`\bohne\s+(?:vorherige\s+)?(?:Ankündigung|Vorankündigung|Benachrichtigung|Mitteilung|Angabe\s+von\s+Gründen)\b`,
  r`\bnach\s+(?:unserem\s+)?(?:freien\s+|alleinigen\s+)?Ermessen\b`,
];

/** Rights of the user and vendor duties towards the user: their disappearance is adverse. */
export const USER_RIGHTS = [
  r`\byou\s+(?:may|can|have\s+the\s+right\s+to)\s+(?!not\b)(?:\w+\s+){0,3}?(?:terminate|cancel|close|opt|delete|request|object|export|withdraw)`,
  r`\byou\s+(?:may|can)\s+(?!not\b)[^.;]{0,60}?\bat\s+any\s+time\b`,
  r`(?<!\bwithout\s(?:any\s)?)\b(?:prior|advance)\s+(?:written\s+)?notice\b`,
  r`\bwe\s+will\s+(?:\w+\s+){0,3}?(?:notify|inform|tell)\s+you\b`,
  r`\bSie\s+(?:können|dürfen|haben\s+das\s+Recht)\s+(?!nicht\b)(?:\S+\s+){0,5}?(?:kündigen|widersprechen|löschen|widerrufen|beenden)\b`,
  r`\bSie\s+(?:können|dürfen)\s+(?!nicht\b)[^.;]{0,60}?\bjederzeit\b`,
  r`(?<!\bohne\s)\bvorherige[nr]?\s+(?:Ankündigung|Benachrichtigung|Mitteilung)\b`,
  r`\bwir\s+(?:werden\s+)?Sie\s+(?:\S+\s+){0,4}?(?:benachrichtigen|informieren)\b`,
];
