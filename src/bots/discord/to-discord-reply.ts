import type { CommandReply, ReplyStatus } from '../../../commands/command.ts';
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

/**
 * A neutral command reply as a Discord reply: an embed styled by status (invalid, refused and error replies
 * get an icon and a warning colour) with the lines as its description and the fields; a rich
 * `reply.message` (a diff) follows as a second embed rendered like an alert, sharing the 6000 characters,
 * with its buttons. Private replies are ephemeral. Never throws; everything stays within Discord's limits.
 */
export function toDiscordReply(reply: CommandReply): DiscordReply {
  const head = replyEmbed(reply);
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

/** Lines whole while they fit the description, then "…and N more lines", so no line is cut mid-word. */
function replyEmbed(reply: CommandReply): APIEmbed {
  const style = STATUS_STYLE[reply.status];
  const embed: APIEmbed = { title: truncateText(`${style.icon}${reply.title}`, LIMITS.title), color: style.color };
  const description = joinLines(reply.lines, LIMITS.description);
  if (description !== '') embed.description = description;
  const fields: APIEmbedField[] = (reply.fields ?? []).slice(0, LIMITS.fields).map((field) => ({
    name: truncateText(field.name, LIMITS.fieldName) || '\u200b',
    value: truncateText(field.value, LIMITS.fieldValue) || '\u200b',
  }));
  if (fields.length > 0) embed.fields = fields;
  return embed;
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
