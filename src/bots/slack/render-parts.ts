/** Pieces of a Slack alert as mrkdwn: badges, clause changes as diff blocks, list lines. */
import type { AlertClauseChange, AlertItem, AlertMessage } from '../../alerts/message.ts';
import { escapeCode, escapeMrkdwn, slackLink } from './mrkdwn.ts';

const SIGNIFICANCE_BADGES: Readonly<Record<string, string>> = {
  high: ':red_circle: *High significance*',
  medium: ':large_orange_circle: *Medium significance*',
  low: ':white_circle: *Low significance*',
};

const KIND_BADGES: Readonly<Record<AlertMessage['kind'], string>> = {
  'terms-change': ':page_facing_up: *Terms change*',
  news: ':newspaper: *News*',
  'source-error': ':warning: *Source failing*',
  digest: ':calendar: *Digest*',
};

/** "🔴 *High significance* · anthropic · <url|Open page>". */
export function summaryLine(message: AlertMessage): string {
  const badge =
    message.significance === null ? KIND_BADGES[message.kind] : (SIGNIFICANCE_BADGES[message.significance] ?? '');
  const parts = [badge];
  if (message.vendor !== null) parts.push(escapeMrkdwn(message.vendor));
  if (message.url !== null) parts.push(slackLink(message.url, 'Open page'));
  return parts.join(' · ');
}

/** "*[high] modified — Terms › 3. Your Content 3.1*" then the summary. */
export function clauseHeading(change: AlertClauseChange): string {
  const where = [change.section, change.label].filter((part) => part !== null && part !== '').join(' ');
  const title = `*[${change.significance}] ${change.kind}${where === '' ? '' : ` — ${escapeMrkdwn(where)}`}*`;
  return change.summary === '' ? title : `${title}\n${escapeMrkdwn(change.summary)}`;
}

/**
 * The clause's texts as diff lines, escaped for a ``` block: `- before` and `+ after`, every line of a
 * multi-line clause prefixed; a clause moved unchanged shows its text once.
 */
export function diffLines(change: AlertClauseChange): string[] {
  if (change.before !== null && change.before === change.after) return prefixed(change.after, '  ');
  return [
    ...(change.before === null ? [] : prefixed(change.before, '- ')),
    ...(change.after === null ? [] : prefixed(change.after, '+ ')),
  ];
}

function prefixed(text: string, prefix: string): string[] {
  return text.split('\n').map((line) => `${prefix}${escapeCode(line)}`);
}

/** Diff lines as one ``` block (empty when the change has no text). */
export function codeBlock(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `\`\`\`\n${lines.join('\n')}\n\`\`\``;
}

/** A clause change as one section's mrkdwn. */
export function clauseChangeText(change: AlertClauseChange): string {
  const diff = codeBlock(diffLines(change));
  return diff === '' ? clauseHeading(change) : `${clauseHeading(change)}\n${diff}`;
}

/** A list line: "• [high] *<url|title>* (source)" and the summary; a digest group's heading above its first line. */
export function itemText(item: AlertItem, previousGroup: string | null): string {
  const lines: string[] = [];
  if (item.group !== null && item.group !== previousGroup) lines.push(`*${escapeMrkdwn(item.group)}*`);
  const level = item.significance === null ? '' : `[${item.significance}] `;
  const title = item.url === null ? escapeMrkdwn(item.title) : slackLink(item.url, item.title);
  lines.push(`• ${level}*${title}* (${escapeMrkdwn(item.source)})`);
  if (item.summary !== '') lines.push(escapeMrkdwn(item.summary));
  return lines.join('\n');
}

/**
 * Slack's date token, shown in each reader's time zone, with the UTC time as fallback:
 * `<!date^1743581700^{date_short_pretty} {time}|2025-04-02 08:15 UTC>`.
 */
export function slackDate(iso: string, fallback: string): string {
  const seconds = Math.floor(new Date(iso).getTime() / 1000);
  if (!Number.isFinite(seconds)) return escapeMrkdwn(fallback);
  return `<!date^${seconds}^{date_short_pretty} {time}|${escapeMrkdwn(fallback)}>`;
}
