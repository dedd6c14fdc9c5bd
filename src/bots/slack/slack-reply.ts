import type { CommandReply, ReplyStatus } from '../../../commands/command.ts';
import { BLOCK_LIMITS, mrkdwn, section, type Block } from './block-kit.ts';
import { enforceLimits } from './enforce-limits.ts';
import { escapeMrkdwn, truncateMrkdwn } from './mrkdwn.ts';
import { toSlackMessage } from './slack-message.ts';
import { toSlackCommand } from './slash-text.ts';

/** A command's answer as a slash-command response (`response_url` or the HTTP response body). */
export interface SlackReply {
  readonly response_type: 'ephemeral' | 'in_channel';
  readonly text: string;
  readonly blocks: readonly Block[];
}

const STATUS_ICONS: Readonly<Record<ReplyStatus, string>> = {
  ok: ':white_check_mark:',
  invalid: ':warning:',
  refused: ':no_entry:',
  error: ':x:',
};

/**
 * A neutral reply rendered for Slack: private replies ephemeral, the title bold with a status icon, the
 * lines (escaped, except channel references the commands write) in sections, fields, then a rich message
 * (a diff) as its blocks. `/subscribe` in the text becomes `/clausewatch subscribe`.
 */
export function toSlackReply(reply: CommandReply): SlackReply {
  const title = `${STATUS_ICONS[reply.status]} *${escapeReply(reply.title)}*`;
  const lines = reply.lines.map(escapeReply);
  const blocks: Block[] = chunk([title, ...lines]).map(section);
  if (reply.fields !== undefined && reply.fields.length > 0) {
    const fields = reply.fields.map((field) => mrkdwn(`*${escapeReply(field.name)}*\n${escapeReply(field.value)}`));
    for (let start = 0; start < fields.length; start += BLOCK_LIMITS.fields) {
      blocks.push({ type: 'section', fields: fields.slice(start, start + BLOCK_LIMITS.fields) });
    }
  }
  if (reply.message !== undefined) blocks.push(...toSlackMessage(reply.message).blocks);
  const text = truncateMrkdwn([escapeReply(reply.title), ...lines].join('\n'), BLOCK_LIMITS.fallbackText);
  return { response_type: reply.private ? 'ephemeral' : 'in_channel', text, blocks: enforceLimits(blocks) };
}

/** Escaped, but `<#C123>` channel references (which never notify) stay links, and commands get Slack's form. */
function escapeReply(text: string): string {
  return toSlackCommand(escapeMrkdwn(text).replace(/&lt;#([A-Z0-9]{1,30})&gt;/gu, '<#$1>'));
}

/** Lines joined into texts of at most a section's length, never splitting a line that fits one. */
function chunk(lines: readonly string[]): string[] {
  const room = BLOCK_LIMITS.sectionText - 100;
  const texts: string[] = [];
  let current = '';
  for (const line of lines.map((whole) => truncateMrkdwn(whole, room))) {
    if (current !== '' && current.length + 1 + line.length > room) {
      texts.push(current);
      current = line;
    } else {
      current = current === '' ? line : `${current}\n${line}`;
    }
  }
  if (current !== '') texts.push(current);
  return texts;
}
