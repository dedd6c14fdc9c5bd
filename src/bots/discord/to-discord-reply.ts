import type { CommandReply, ReplyStatus } from '../../../commands/command.ts';
import type { AlertField } from '../../alerts/message.ts';
import { DISCORD_LIMITS, fitMessage } from '../../alerts/fit-message.ts';
import { truncateText } from '../../alerts/fit-text.ts';
import { alertEmbed } from './alert-embed.ts';
import {
  type APIActionRowComponent,
  type APIAllowedMentions,
  type APIEmbed,
  type APIEmbedField,
  DISCORD_HARD_LIMITS as LIMITS,
  MessageFlags,
} from './api-types.ts';
import { embedLength, enforceEmbedLimits, toActionRows } from './embed-limits.ts';
import { NO_MENTIONS } from './mentions.ts';
import { toButton } from './to-discord-message.ts';

/** A command reply as Discord's interaction response and follow-up endpoints take it (API v10 JSON). */
export interface DiscordReply {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent[];
  /** A reply never pings: it answers the user who asked. */
  allowed_mentions: APIAllowedMentions;
  /** 64 (ephemeral) when only the invoking user should see it. */
  flags?: number;
}

/** How each status looks: an icon before the title and the embed colour. */
const STATUS_STYLE: Readonly<Record<ReplyStatus, { readonly icon: string; readonly color: number }>> = {
  ok: { icon: '', color: 0x5865f2 },
  invalid: { icon: '⚠️ ', color: 0xfee75c },
  refused: { icon: '⛔ ', color: 0xed4245 },
  error: { icon: '❌ ', color: 0xed4245 },
};

/** Characters of the reply's own embed when a rich message follows: the rest is the message's. */
const HEAD_WITH_MESSAGE = 2500;

/**
 * A neutral command reply as a Discord reply: an embed styled by status (invalid, refused and error replies
 * get an icon and a warning colour) with the lines as its description and the fields; a rich
 * `reply.message` (a diff) follows as a second embed rendered like an alert, sharing the 6000 characters,
 * with its buttons. Private replies are ephemeral. Never throws; everything stays within Discord's limits.
 */
export function toDiscordReply(reply: CommandReply): DiscordReply {
  const head = replyEmbed(reply, reply.message === undefined ? LIMITS.embedTotal : HEAD_WITH_MESSAGE);
  const embeds = [head];
  let components: APIActionRowComponent[] = [];
  if (reply.message !== undefined) {
    const fitted = fitMessage(reply.message, DISCORD_LIMITS);
    const budget = LIMITS.embedTotal - embedLength(head);
    embeds.push(alertEmbed(reply.message, fitted, { threadable: false, budget }).embed);
    components = toActionRows(fitted.buttons.flatMap(toButton));
  }
  return {
    embeds: enforceEmbedLimits(embeds),
    components,
    allowed_mentions: NO_MENTIONS,
    ...(reply.private ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/**
 * The title, the fields in up to half of `budget`, the lines in the rest; lines are kept whole while they fit,
 * then "…and N more lines", and fields that do not fit are counted the same way.
 */
function replyEmbed(reply: CommandReply, budget: number): APIEmbed {
  const style = STATUS_STYLE[reply.status];
  const embed: APIEmbed = { title: truncateText(`${style.icon}${reply.title}`, LIMITS.title), color: style.color };
  const fields = fitFields(reply.fields ?? [], Math.floor(budget / 2));
  const fieldsLength = fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  const room = Math.min(LIMITS.description, budget - (embed.title?.length ?? 0) - fieldsLength);
  const description = joinLines(reply.lines, Math.max(0, room));
  if (description !== '') embed.description = description;
  if (fields.length > 0) embed.fields = fields;
  return embed;
}

function fitFields(fields: readonly AlertField[], budget: number): APIEmbedField[] {
  const all = fields.map((field) => ({
    name: truncateText(field.name, LIMITS.fieldName) || '\u200b',
    value: truncateText(field.value, LIMITS.fieldValue) || '\u200b',
  }));
  const more = (count: number): APIEmbedField => ({ name: 'More', value: `…and ${count} more` });
  const kept: APIEmbedField[] = [];
  let length = 0;
  for (const [index, field] of all.entries()) {
    const left = all.length - index;
    const reserve = left > 1 ? 'More'.length + more(left).value.length : 0;
    const next = length + field.name.length + field.value.length;
    if (next + reserve > budget || kept.length + (left > 1 ? 2 : 1) > LIMITS.fields) return [...kept, more(left)];
    kept.push(field);
    length = next;
  }
  return kept;
}

function joinLines(lines: readonly string[], max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const left = lines.length - index;
    const reserve = left > 1 ? moreLines(left).length + 1 : 0;
    const next = length + (kept.length > 0 ? 1 : 0) + line.length;
    if (next + reserve <= max) {
      kept.push(line);
      length = next;
    } else if (kept.length === 0) {
      // Even the first line is too long: it is cut, and the rest counted.
      return [
        truncateText(line, max - (left > 1 ? moreLines(left - 1).length + 1 : 0)),
        ...(left > 1 ? [moreLines(left - 1)] : []),
      ].join('\n');
    } else return [...kept, moreLines(left)].join('\n');
  }
  return kept.join('\n');
}

function moreLines(count: number): string {
  return `…and ${count} more ${count === 1 ? 'line' : 'lines'}`;
}
