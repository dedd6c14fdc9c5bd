/**
 * One neutral alert as one Discord embed within a character budget. The message has been cut by
 * `fitMessage(message, DISCORD_LIMITS)` already; this adds the markup and, should the markup push the embed
 * over its budget, leaves out whole clause changes or list lines, counting them in "…and N more".
 */
import { truncateText } from '../../alerts/fit-text.ts';
import type { AlertClauseChange, AlertItem, AlertMessage } from '../../alerts/message.ts';
import { type APIEmbed, type APIEmbedField, DISCORD_HARD_LIMITS as LIMITS } from './api-types.ts';
import { embedLength } from './embed-limits.ts';
import {
  clauseHeading,
  cutMarkdown,
  diffBlock,
  diffLines,
  isWebUrl,
  markdownLink,
  SIGNIFICANCE_BADGES,
} from './markdown.ts';

/** How one alert embed is built. */
export interface AlertEmbedOptions {
  /** The footer says the full clause texts follow in a thread (when some were cut or left out). */
  readonly threadable: boolean;
  /** Most characters the embed may count towards Discord's 6000 per message. */
  readonly budget: number;
}

/** The embed, and whether it shows every clause change of the fitted message in full. */
export interface AlertEmbed {
  readonly embed: APIEmbed;
  readonly complete: boolean;
}

/** Longest field value still shown inline (three to a row); longer values get a row of their own. */
const INLINE_MAX = 60;
/** Share of a clause change's field kept for its summary when the diff block needs the room. */
const SUMMARY_SHARE = 4;

/** `fitted` as an embed within `options.budget`; `original` is the message before fitting. */
export function alertEmbed(original: AlertMessage, fitted: AlertMessage, options: AlertEmbedOptions): AlertEmbed {
  let keepChanges = fitted.clauseChanges.length;
  let keepItems = fitted.items.length;
  for (;;) {
    const built = buildEmbed(original, fitted, { keepChanges, keepItems, threadable: options.threadable });
    if (embedLength(built.embed) <= options.budget || (keepChanges === 0 && keepItems === 0)) return built;
    if (keepItems > 0) keepItems -= 1;
    else keepChanges -= 1;
  }
}

interface Keep {
  readonly keepChanges: number;
  readonly keepItems: number;
  readonly threadable: boolean;
}

function buildEmbed(original: AlertMessage, fitted: AlertMessage, keep: Keep): AlertEmbed {
  const head = headFields(fitted);
  // One field stays free for "…and N more".
  const changes = fitted.clauseChanges.slice(0, Math.min(keep.keepChanges, LIMITS.fields - head.length - 1));
  const changeFields = changes.map(clauseField);
  const missingChanges = countMore(fitted.moreChanges) + fitted.clauseChanges.length - changes.length;
  const complete =
    missingChanges === 0 &&
    changes.length === original.clauseChanges.length &&
    changes.every((change, index) => sameText(change, original.clauseChanges[index])) &&
    changeFields.every((field) => !field.cut);
  const thread = keep.threadable && !complete;
  const fields: APIEmbedField[] = [...head, ...changeFields.map((field) => field.field)];
  if (missingChanges > 0)
    fields.push({ name: thread ? 'In the thread' : 'Not shown', value: `…and ${missingChanges} more` });
  const embed: APIEmbed = {
    // The original headline: fitting may empty it to make room for buttons, which Discord does not count.
    title: truncateText(`${badge(fitted)} ${original.headline}`, LIMITS.title),
    color: fitted.color,
    footer: { text: truncateText(footerText(original, fitted, thread), LIMITS.footer) },
  };
  if (fitted.url !== null && isWebUrl(fitted.url)) embed.url = fitted.url;
  const description = descriptionText(fitted, keep.keepItems);
  if (description !== '') embed.description = description;
  if (fields.length > 0) embed.fields = fields;
  if (!Number.isNaN(Date.parse(fitted.timestamp))) embed.timestamp = new Date(fitted.timestamp).toISOString();
  return { embed, complete };
}

function headFields(message: AlertMessage): APIEmbedField[] {
  return message.fields.map((field) => ({
    name: truncateText(field.name, LIMITS.fieldName) || '\u200b',
    value: truncateText(field.value, LIMITS.fieldValue) || '\u200b',
    inline: field.value.length <= INLINE_MAX,
  }));
}

/** The significance badge, or for alerts without one (news, errors, digests) what kind of alert it is. */
export function badge(message: AlertMessage): string {
  if (message.significance !== null) return SIGNIFICANCE_BADGES[message.significance];
  switch (message.kind) {
    case 'news':
      return '📰 NEWS';
    case 'source-error':
      return '⚠️ ERROR';
    case 'digest':
      return '🗓️ DIGEST';
    case 'terms-change':
      return '📄 TERMS';
  }
}

/** Longest footer kept when fitting the message dropped it. */
const FOOTER_FALLBACK_MAX = 100;

function footerText(original: AlertMessage, fitted: AlertMessage, thread: boolean): string {
  const parts = [fitted.footer ?? truncateText(original.footer ?? 'clausewatch', FOOTER_FALLBACK_MAX)];
  if (thread) parts.push('full clause texts in the thread');
  return parts.join(' · ');
}

/** A clause change as a field: heading as the name; summary and a ```diff block as the value. */
function clauseField(change: AlertClauseChange): { field: APIEmbedField; cut: boolean } {
  const name = truncateText(clauseHeading(change), LIMITS.fieldName);
  const full = clauseValue(change, Infinity, Infinity);
  if (full.length <= LIMITS.fieldValue) return { field: { name, value: full }, cut: false };
  const max = LIMITS.fieldValue;
  const summaryMax = Math.min(change.summary.length, Math.floor(max / SUMMARY_SHARE));
  const longest = Math.max(change.before?.length ?? 0, change.after?.length ?? 0);
  const textMax = largestFitting(0, longest, (size) => clauseValue(change, summaryMax, size).length <= max);
  const value =
    textMax === null ? cutMarkdown(clauseValue(change, summaryMax, 0), max) : clauseValue(change, summaryMax, textMax);
  return { field: { name, value }, cut: true };
}

function clauseValue(change: AlertClauseChange, summaryMax: number, textMax: number): string {
  const cut = (text: string | null): string | null => (text === null ? null : truncateText(text, textMax));
  const summary = truncateText(change.summary, summaryMax);
  const block = diffBlock(diffLines(cut(change.before), cut(change.after)));
  return summary === '' ? block : `${summary}\n${block}`;
}

/** List lines (under their digest headings), "…and N more" and the links, within the description limit. */
function descriptionText(message: AlertMessage, keepItems: number): string {
  let items = message.items.slice(0, keepItems);
  const links = message.links.filter((link) => isWebUrl(link.url));
  const linkLine =
    links.length === 0 ? null : `🔗 ${links.map((link) => markdownLink(link.label, link.url)).join(' · ')}`;
  const render = (): string => {
    const missing = countMore(message.moreItems) + message.items.length - items.length;
    const more = missing > 0 ? `…and ${missing} more` : null;
    return [...itemLines(items), more, linkLine].filter((line) => line !== null).join('\n');
  };
  let text = render();
  while (text.length > LIMITS.description && items.length > 0) {
    items = items.slice(0, -1);
    text = render();
  }
  return cutMarkdown(text, LIMITS.description);
}

function itemLines(items: readonly AlertItem[]): string[] {
  const lines: string[] = [];
  let group: string | null = null;
  for (const item of items) {
    if (item.group !== null && item.group !== group) lines.push(`**${item.group}**`);
    group = item.group;
    const level = item.significance === null ? '' : `${SIGNIFICANCE_BADGES[item.significance].split(' ')[0] ?? ''} `;
    lines.push(`• ${level}${markdownLink(item.title, item.url)} · ${item.source}`);
    if (item.summary !== '') lines.push(`  ${item.summary.replace(/\s*\n\s*/gu, ' ')}`);
  }
  return lines;
}

/** N of a "…and N more" line; 0 for none. */
function countMore(line: string | null): number {
  const match = line === null ? null : /(\d+) more/u.exec(line);
  return match?.[1] === undefined ? 0 : Number(match[1]);
}

function sameText(shown: AlertClauseChange, original: AlertClauseChange | undefined): boolean {
  return original !== undefined && shown.before === original.before && shown.after === original.after;
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
