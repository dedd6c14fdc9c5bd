/** Discord markdown pieces shared by alerts, thread details and replies. */
import { truncateText } from '../../alerts/fit-text.ts';
import type { AlertClauseChange } from '../../alerts/message.ts';
import type { Significance } from '../../domain/terms-diff.ts';

const FENCE = '```';

/** Badges for the significance of an alert or a clause change. */
export const SIGNIFICANCE_BADGES: Readonly<Record<Significance, string>> = {
  high: '🔴 HIGH',
  medium: '🟠 MEDIUM',
  low: '⚪ LOW',
};

/** Opening of a diff code block. */
export const DIFF_OPEN = `${FENCE}diff\n`;
/** Closing of a code block, on its own line. */
export const FENCE_CLOSE = `\n${FENCE}`;

/** Text safe inside a code block: a run of three backticks would end the block early. */
export function escapeCodeBlock(text: string): string {
  return text.replaceAll(FENCE, '`\u200b`\u200b`');
}

/** Text safe as a markdown link label: brackets would end the label. */
export function escapeLinkLabel(text: string): string {
  return text.replace(/([[\]])/gu, '\\$1');
}

/** `[label](url)`, or the label alone when the URL is not one Discord links. */
export function markdownLink(label: string, url: string | null): string {
  const safe = escapeLinkLabel(label);
  return url !== null && isWebUrl(url) ? `[${safe}](${url.replaceAll(')', '%29')})` : safe;
}

/** Whether Discord accepts `url` as an embed or button link. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/\S+$/u.test(url);
}

/**
 * `text` cut to `max` characters at a word boundary; a code block the cut leaves open is closed, so the rest
 * of the message does not render as code.
 */
export function cutMarkdown(text: string, max: number): string {
  const cut = truncateText(text, max);
  if (fenceCount(cut) % 2 === 0) return cut;
  return `${truncateText(text, Math.max(0, max - FENCE_CLOSE.length))}${FENCE_CLOSE}`;
}

function fenceCount(text: string): number {
  return text.split(FENCE).length - 1;
}

/** "🔴 modified — Terms › 3. Your Content 3.1": what a clause change is and where. */
export function clauseHeading(change: AlertClauseChange): string {
  const where = [change.section, change.label].filter((part) => part !== null && part !== '').join(' ');
  const badge = SIGNIFICANCE_BADGES[change.significance].split(' ')[0] ?? '';
  return `${badge} ${change.kind}${where === '' ? '' : ` — ${where}`}`;
}

/**
 * The lines of a clause change's diff block: `- ` before, `+ ` after, one per line of the text. A clause that
 * moved without a change of wording shows its text once, unmarked.
 */
export function diffLines(before: string | null, after: string | null): string[] {
  const lines = (text: string, mark: string): string[] =>
    escapeCodeBlock(text)
      .split(/\r?\n/u)
      .map((line) => `${mark}${line}`);
  if (before !== null && before === after) return lines(after, '  ');
  return [...(before === null ? [] : lines(before, '- ')), ...(after === null ? [] : lines(after, '+ '))];
}

/** A ```diff block of the lines. */
export function diffBlock(lines: readonly string[]): string {
  return `${DIFF_OPEN}${lines.join('\n')}${FENCE_CLOSE}`;
}
