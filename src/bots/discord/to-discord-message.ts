import { DISCORD_LIMITS, fitMessage } from '../../alerts/fit-message.ts';
import { truncateText } from '../../alerts/fit-text.ts';
import type { AlertButton, AlertMessage } from '../../alerts/message.ts';
import { alertEmbed } from './alert-embed.ts';
import {
  type APIActionRowComponent,
  type APIAllowedMentions,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  DISCORD_HARD_LIMITS as LIMITS,
} from './api-types.ts';
import { toCustomId } from './custom-id.ts';
import { enforceEmbedLimits, toActionRows } from './embed-limits.ts';
import { isWebUrl } from './markdown.ts';
import { toDiscordMention } from './mentions.ts';

/** Options of {@link toDiscordMessage}. */
export interface DiscordMessageOptions {
  /**
   * The alert is posted where a thread can follow it with {@link threadDetails}: when clause changes were
   * cut or left out, the embed says their full text is in the thread.
   * @defaultValue false
   */
  readonly threadable?: boolean | undefined;
}

/** A message as Discord's create-message and interaction endpoints take it (API v10 JSON). */
export interface DiscordMessage {
  /** The mention, when the alert has one. */
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent[];
  /** Exactly the mention in `content` may ping; without one, nobody. */
  allowed_mentions: APIAllowedMentions;
}

/**
 * A neutral alert as a Discord message: one embed in the vendor's colour with a significance badge in the
 * title, the fields, each clause change as a field with a ```diff block, list lines with links, "…and N
 * more", footer and timestamp; buttons as action rows (ids shortened as `custom-id.ts` documents); the
 * mention in `content` with `allowed_mentions` limited to it. The message is fitted to
 * {@link DISCORD_LIMITS} first, and the JSON is held within every hard Discord limit: it never throws and
 * never drops the alert.
 */
export function toDiscordMessage(message: AlertMessage, options: DiscordMessageOptions = {}): DiscordMessage {
  const fitted = fitMessage(message, DISCORD_LIMITS);
  const { embed } = alertEmbed(message, fitted, { threadable: options.threadable ?? false, budget: LIMITS.embedTotal });
  const mention = toDiscordMention(fitted.mention);
  return {
    ...(mention.content === undefined ? {} : { content: truncateText(mention.content, LIMITS.content) }),
    embeds: enforceEmbedLimits([embed]),
    components: toActionRows(fitted.buttons.flatMap(toButton)),
    allowed_mentions: mention.allowedMentions,
  };
}

/**
 * Whether {@link threadDetails} would add anything to the alert: some clause change is cut or left out of
 * {@link toDiscordMessage}'s embed.
 */
export function needsThread(message: AlertMessage): boolean {
  const fitted = fitMessage(message, DISCORD_LIMITS);
  return !alertEmbed(message, fitted, { threadable: true, budget: LIMITS.embedTotal }).complete;
}

/** A neutral button as a Discord button: a link button, or one that sends its shortened id back. */
export function toButton(button: AlertButton): APIButtonComponent[] {
  const label = truncateText(button.label, LIMITS.buttonLabel) || '…';
  if (button.url !== undefined) {
    // Discord refuses a link button it cannot open; the same link is in the embed when it matters.
    return isWebUrl(button.url) && button.url.length <= LIMITS.buttonUrl
      ? [{ type: ComponentType.Button, style: ButtonStyle.Link, label, url: button.url }]
      : [];
  }
  const style = button.id.startsWith('unsubscribe:') ? ButtonStyle.Secondary : ButtonStyle.Primary;
  return [{ type: ComponentType.Button, style, label, custom_id: toCustomId(button.id) }];
}
