import { clauseChangeLength, fitClauseChange, fitItem, itemLength, truncateText } from './fit-text.ts';
import type { AlertButton, AlertField, AlertLink, AlertMessage } from './message.ts';
import { significanceRank } from './significance.ts';

/**
 * How much one platform's message can hold. Lengths are characters as {@link measureMessage} counts them;
 * adapters add their markup (bold, diff fences, bullets) on top, so the constants below leave room for it.
 */
export interface MessageLimits {
  /** Longest headline (Discord embed title, Slack header). */
  readonly headline: number;
  /**
   * Longest clause change or list line, all its texts together (what an adapter puts in one section or
   * field); also the longest footer, link label, mention or link.
   */
  readonly text: number;
  readonly fieldName: number;
  readonly fieldValue: number;
  /** Most fields. */
  readonly fields: number;
  /** Most clause changes listed. */
  readonly clauseChanges: number;
  /** Most list lines (news stories, digest lines). */
  readonly items: number;
  /** Most characters in the whole message. */
  readonly total: number;
}

/**
 * Discord embeds: title 256, fields 25 of 256 + 1024, description 4096, 6000 in all. A clause change fits
 * one field value with room for its diff fences; the total stays under the description's 4096 so any split
 * of the content between description and fields fits.
 */
export const DISCORD_LIMITS: MessageLimits = {
  headline: 256,
  text: 900,
  fieldName: 256,
  fieldValue: 1024,
  fields: 10,
  clauseChanges: 10,
  items: 10,
  total: 4000,
};

/**
 * Slack Block Kit: header 150, a section's text 3000, 10 fields of 2000, 50 blocks. One block per clause
 * change or line keeps the block count under 50 with header, fields, context and actions.
 */
export const SLACK_LIMITS: MessageLimits = {
  headline: 150,
  text: 2700,
  fieldName: 100,
  fieldValue: 1900,
  fields: 10,
  clauseChanges: 15,
  items: 15,
  total: 11_000,
};

/** A terminal has no hard limits; these keep one alert readable. */
export const CONSOLE_LIMITS: MessageLimits = {
  headline: 300,
  text: 2000,
  fieldName: 80,
  fieldValue: 500,
  fields: 20,
  clauseChanges: 30,
  items: 50,
  total: 20_000,
};

/** Below this, a clause change or line is no longer worth showing cut shorter: less significant ones go. */
const MIN_BLOCK = 200;
/** Button labels: Discord allows 80 characters, Slack 75. */
const BUTTON_LABEL_MAX = 75;

/** Every character of a message an adapter may show (ids, colour and timestamp are not shown). */
export function measureMessage(message: AlertMessage): number {
  return (
    headLength(message) +
    sum(message.clauseChanges.map(clauseChangeLength)) +
    sum(message.items.map(itemLength)) +
    (message.moreChanges?.length ?? 0) +
    (message.moreItems?.length ?? 0)
  );
}

/**
 * The message cut to a platform's limits; the alert itself is never dropped. Texts are cut at a word
 * boundary with "…"; when clause changes or lines do not fit, the least significant go first (the later
 * of equals first) and "…and N more" says exactly how many are missing.
 */
export function fitMessage(message: AlertMessage, limits: MessageLimits): AlertMessage {
  const hasLists = message.clauseChanges.length > 0 || message.items.length > 0;
  const head = shrinkHead(capHead(message, limits), hasLists ? Math.floor(limits.total / 2) : limits.total, limits);
  let fitted = fitLists(message, head, limits);
  // The lists were sized against a reserved "…and N more"; this only runs if that reserve was not enough.
  while (measureMessage(fitted) > limits.total && (fitted.clauseChanges.length > 0 || fitted.items.length > 0)) {
    const lists = dropLast(fitted);
    fitted = { ...fitted, ...lists, ...moreLines(message, lists) };
  }
  return fitted;
}

interface Lists {
  readonly clauseChanges: AlertMessage['clauseChanges'];
  readonly items: AlertMessage['items'];
}

/**
 * The head with clause changes and lines in the room it leaves: up to the count limits, most significant first, every one cut to
 * the largest common size that lets all fit; if even `MIN_BLOCK` each is too much, the least significant go.
 */
function fitLists(message: AlertMessage, head: AlertMessage, limits: MessageLimits): AlertMessage {
  const room = limits.total - headLength(head);
  const changes = byPriority(message.clauseChanges).slice(0, limits.clauseChanges);
  const items = byPriority(message.items).slice(0, limits.items);
  const reserve = moreReserve(message.clauseChanges.length) + moreReserve(message.items.length);
  const budget = room - reserve;
  const at = (size: number): Lists => ({
    clauseChanges: changes.map(({ entry }) => fitClauseChange(entry, size)),
    items: items.map(({ entry }) => fitItem(entry, size)),
  });
  const size = largestFitting(
    Math.min(MIN_BLOCK, limits.text),
    limits.text,
    (candidate) => listsLength(at(candidate)) <= budget,
  );
  const lists = size === null ? prefixWithin(at(Math.min(MIN_BLOCK, limits.text)), budget) : at(size);
  const kept = {
    clauseChanges: inOriginalOrder(changes, lists.clauseChanges),
    items: inOriginalOrder(items, lists.items),
  };
  return { ...head, ...kept, ...moreLines(message, kept) };
}

interface Ranked<TEntry> {
  readonly entry: TEntry;
  readonly index: number;
}

/** Most significant first; among equals, earlier first. Entries without significance rank last. */
function byPriority<TEntry extends { readonly significance: AlertMessage['significance'] }>(
  entries: readonly TEntry[],
): Ranked<TEntry>[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) => significanceRank(b.entry.significance) - significanceRank(a.entry.significance) || a.index - b.index,
    );
}

/** The fitted entries of the kept ranks, back in the order the message had them. */
function inOriginalOrder<TEntry>(ranked: readonly Ranked<unknown>[], fitted: readonly TEntry[]): TEntry[] {
  return fitted
    .map((entry, position) => ({ entry, index: ranked[position]?.index ?? position }))
    .sort((a, b) => a.index - b.index)
    .map(({ entry }) => entry);
}

/** Keeps the clause changes (then lines) in priority order while they fit in `budget`. */
function prefixWithin(lists: Lists, budget: number): Lists {
  let left = budget;
  const take = <TEntry>(entries: readonly TEntry[], length: (entry: TEntry) => number): TEntry[] => {
    const kept: TEntry[] = [];
    for (const entry of entries) {
      if (length(entry) > left) break;
      left -= length(entry);
      kept.push(entry);
    }
    return kept;
  };
  const clauseChanges = take(lists.clauseChanges, clauseChangeLength);
  return { clauseChanges, items: take(lists.items, itemLength) };
}

/** Drops the lowest-priority entry still kept: the last line, else the least significant clause change. */
function dropLast(message: AlertMessage): Lists {
  if (message.items.length > 0) {
    const ranked = byPriority(message.items);
    const drop = ranked[ranked.length - 1]?.index;
    return { clauseChanges: message.clauseChanges, items: message.items.filter((_, index) => index !== drop) };
  }
  const ranked = byPriority(message.clauseChanges);
  const drop = ranked[ranked.length - 1]?.index;
  return { clauseChanges: message.clauseChanges.filter((_, index) => index !== drop), items: [] };
}

function moreLines(original: AlertMessage, kept: Lists): Pick<AlertMessage, 'moreChanges' | 'moreItems'> {
  return {
    moreChanges: moreLine(
      original.clauseChanges.length - kept.clauseChanges.length + alreadyMissing(original.moreChanges),
    ),
    moreItems: moreLine(original.items.length - kept.items.length + alreadyMissing(original.moreItems)),
  };
}

function moreLine(missing: number): string | null {
  return missing > 0 ? `…and ${missing} more` : null;
}

/** A message fitted before already says how many are missing; fitting it again adds to that count. */
function alreadyMissing(line: string | null): number {
  const match = line === null ? null : /(\d+) more/u.exec(line);
  return match?.[1] === undefined ? 0 : Number(match[1]);
}

/** Room to keep for a "…and N more" line of a list of `count` entries (N is at most `count`). */
function moreReserve(count: number): number {
  return count === 0 ? 0 : (moreLine(count + 99)?.length ?? 0);
}

/** Headline, fields, links, buttons, mention and footer, each within its own limit. */
function capHead(message: AlertMessage, limits: MessageLimits): AlertMessage {
  const fields = message.fields.map((field) => ({
    name: truncateText(field.name, limits.fieldName),
    value: truncateText(field.value, limits.fieldValue),
  }));
  return {
    ...message,
    headline: truncateText(message.headline, limits.headline),
    url: message.url !== null && message.url.length <= limits.text ? message.url : null,
    fields: capFieldCount(fields, limits.fields),
    links: message.links
      .filter((link) => link.url.length <= limits.text)
      .map((link) => ({ ...link, label: truncateText(link.label, limits.text) })),
    buttons: message.buttons
      .filter((button) => button.url === undefined || button.url.length <= limits.text)
      .map((button) => ({ ...button, label: truncateText(button.label, BUTTON_LABEL_MAX) })),
    mention: message.mention !== null && message.mention.length <= limits.text ? message.mention : null,
    footer: message.footer === null ? null : truncateText(message.footer, limits.text),
  };
}

function capFieldCount(fields: readonly AlertField[], max: number): AlertField[] {
  if (fields.length <= max) return [...fields];
  if (max <= 0) return [];
  return [...fields.slice(0, max - 1), { name: 'More', value: moreLine(fields.length - (max - 1)) ?? '' }];
}

/**
 * Makes the head fit `max` characters, leaving the rest to the lists: field values shrink evenly, then
 * fields, links and footer go, and last the headline is cut.
 */
function shrinkHead(head: AlertMessage, max: number, limits: MessageLimits): AlertMessage {
  if (headLength(head) <= max) return head;
  const withValues = (size: number): AlertMessage => ({
    ...head,
    fields: head.fields.map((field) => ({ ...field, value: truncateText(field.value, size) })),
  });
  const size = largestFitting(1, limits.fieldValue, (candidate) => headLength(withValues(candidate)) <= max);
  if (size !== null) return withValues(size);
  let shrunk = withValues(1);
  while (shrunk.fields.length > 0 && headLength(shrunk) > max)
    shrunk = { ...shrunk, fields: shrunk.fields.slice(0, -1) };
  if (headLength(shrunk) > max) shrunk = { ...shrunk, links: [], footer: null, mention: null };
  const rest = headLength(shrunk) - shrunk.headline.length;
  return { ...shrunk, headline: truncateText(shrunk.headline, Math.max(0, max - rest)) };
}

function headLength(message: AlertMessage): number {
  return (
    message.headline.length +
    (message.url?.length ?? 0) +
    sum(message.fields.map((field) => field.name.length + field.value.length)) +
    sum(message.links.map(linkLength)) +
    sum(message.buttons.map(buttonLength)) +
    (message.mention?.length ?? 0) +
    (message.footer?.length ?? 0)
  );
}

function linkLength(link: AlertLink): number {
  return link.label.length + link.url.length;
}

function buttonLength(button: AlertButton): number {
  return button.label.length + (button.url?.length ?? 0);
}

function listsLength(lists: Lists): number {
  return sum(lists.clauseChanges.map(clauseChangeLength)) + sum(lists.items.map(itemLength));
}

/** The largest size in [low, high] for which `fits` holds, assuming it holds for every smaller size too. */
function largestFitting(low: number, high: number, fits: (size: number) => boolean): number | null {
  if (low > high || !fits(low)) return null;
  let [good, bad] = [low, high + 1];
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (fits(middle)) good = middle;
    else bad = middle;
  }
  return good;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
