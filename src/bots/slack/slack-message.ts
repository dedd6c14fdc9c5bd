import { formatUtc } from '../../alerts/event-messages.ts';
import { SLACK_LIMITS, fitMessage } from '../../alerts/fit-message.ts';
import type { AlertButton, AlertMessage } from '../../alerts/message.ts';
import {
  BLOCK_LIMITS,
  context,
  mrkdwn,
  plainText,
  section,
  type ActionsBlock,
  type Block,
  type ButtonElement,
  type SlackMessage,
} from './block-kit.ts';
import { enforceLimits } from './enforce-limits.ts';
import { escapeMrkdwn, slackLink, slackMention, truncateMrkdwn } from './mrkdwn.ts';
import { clauseChangeText, itemText, slackDate, summaryLine } from './render-parts.ts';

/** Slack shows at most this many buttons in a row before wrapping; more would bury the alert. */
const MAX_BUTTONS = 5;

/**
 * An alert as a Slack message: header, significance and vendor, fields, clause changes as diff blocks,
 * list lines with links, "…and N more", footer and time, buttons. Fitted to {@link SLACK_LIMITS} first,
 * then held to Slack's hard limits; it never throws and never comes back empty. Page text is escaped, so
 * the only mention is `message.mention`.
 */
export function toSlackMessage(message: AlertMessage): SlackMessage {
  const fitted = fitMessage(message, SLACK_LIMITS);
  return { text: fallbackText(fitted), blocks: enforceLimits(alertBlocks(fitted)) };
}

/** The notification text (what a phone shows, and what clients without blocks show). */
function fallbackText(message: AlertMessage): string {
  const mention = slackMention(message.mention);
  const level = message.significance === null ? null : `${message.significance} significance`;
  const about = [level, message.vendor].filter((part) => part !== null).join(' · ');
  const text = `${escapeMrkdwn(message.headline)}${about === '' ? '' : ` (${escapeMrkdwn(about)})`}`;
  return truncateMrkdwn(mention === null ? text : `${mention} ${text}`, BLOCK_LIMITS.fallbackText);
}

function alertBlocks(message: AlertMessage): Block[] {
  const mention = slackMention(message.mention);
  const blocks: Block[] = [
    { type: 'header', text: plainText(message.headline.trim() === '' ? 'clausewatch alert' : message.headline) },
    section(mention === null ? summaryLine(message) : `${mention} ${summaryLine(message)}`),
  ];
  if (message.fields.length > 0) {
    const fields = message.fields.map((field) => mrkdwn(`*${escapeMrkdwn(field.name)}*\n${escapeMrkdwn(field.value)}`));
    blocks.push({ type: 'section', fields });
  }
  for (const change of message.clauseChanges) blocks.push(section(clauseChangeText(change)));
  if (message.moreChanges !== null)
    blocks.push(context(`${escapeMrkdwn(message.moreChanges)} — the full changes are in the thread`));
  let group: string | null = null;
  for (const item of message.items) {
    blocks.push(section(itemText(item, group)));
    group = item.group;
  }
  if (message.moreItems !== null) blocks.push(context(escapeMrkdwn(message.moreItems)));
  if (message.links.length > 0)
    blocks.push(section(message.links.map((link) => slackLink(link.url, link.label)).join(' · ')));
  blocks.push(context(footerText(message)));
  if (message.buttons.length > 0) blocks.push(actions(message.buttons));
  return blocks;
}

function footerText(message: AlertMessage): string {
  const time = slackDate(message.timestamp, formatUtc(message.timestamp));
  return message.footer === null ? time : `${escapeMrkdwn(message.footer)} · ${time}`;
}

/** Buttons: a link opens its page; the others send their id back as `action_id` and `value`. */
export function actions(buttons: readonly AlertButton[]): ActionsBlock {
  const elements = buttons.slice(0, MAX_BUTTONS).map((button): ButtonElement => ({
    type: 'button',
    text: plainText(button.label),
    action_id: button.id,
    ...(button.url === undefined ? { value: button.id } : { url: button.url }),
  }));
  return { type: 'actions', elements };
}
