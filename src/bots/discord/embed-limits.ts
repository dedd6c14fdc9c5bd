/**
 * The safety net under the renderers: whatever a message holds, the JSON sent to Discord stays within every
 * hard limit. The renderers size their content to fit first; this only cuts what slipped through, and never
 * throws or drops the alert (the first embed's title survives every cut).
 */
import { truncateText } from '../../alerts/fit-text.ts';
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ComponentType,
  DISCORD_HARD_LIMITS as LIMITS,
} from './api-types.ts';
import { cutMarkdown } from './markdown.ts';

/** Characters of an embed that count towards Discord's 6000 per message. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

/** Characters of all embeds of a message. */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
}

/**
 * The embeds within every limit: each part cut to its own limit, at most 10 embeds and 25 fields each, and
 * `total` characters in all (fields go from the end first, then descriptions are cut, then later embeds go).
 */
export function enforceEmbedLimits(embeds: readonly APIEmbed[], total: number = LIMITS.embedTotal): APIEmbed[] {
  let capped = embeds.slice(0, LIMITS.embeds).map(capEmbed);
  let guard = 0;
  while (embedsLength(capped) > total && guard < 1000) {
    capped = shrinkOnce(capped, embedsLength(capped) - total);
    guard += 1;
  }
  return capped;
}

function capEmbed(embed: APIEmbed): APIEmbed {
  const capped: APIEmbed = { ...embed };
  if (embed.title !== undefined) capped.title = truncateText(embed.title, LIMITS.title);
  if (embed.description !== undefined) capped.description = cutMarkdown(embed.description, LIMITS.description);
  if (embed.footer !== undefined) capped.footer = { text: truncateText(embed.footer.text, LIMITS.footer) };
  if (embed.author !== undefined)
    capped.author = { ...embed.author, name: truncateText(embed.author.name, LIMITS.author) };
  if (embed.fields !== undefined)
    capped.fields = embed.fields.slice(0, LIMITS.fields).map((field) => ({
      ...field,
      // Empty names and values are refused; a zero-width space is the usual stand-in.
      name: truncateText(field.name, LIMITS.fieldName) || '\u200b',
      value: cutMarkdown(field.value, LIMITS.fieldValue) || '\u200b',
    }));
  return capped;
}

/** One step towards the total: the last embed's last field, else its description cut, else the embed. */
function shrinkOnce(embeds: readonly APIEmbed[], excess: number): APIEmbed[] {
  const last = embeds[embeds.length - 1];
  if (last === undefined) return [];
  const rest = embeds.slice(0, -1);
  if (last.fields !== undefined && last.fields.length > 0)
    return [...rest, { ...last, fields: last.fields.slice(0, -1) }];
  if (last.description !== undefined) {
    const { description: _description, ...withoutDescription } = last;
    const keep = last.description.length - excess;
    return [...rest, keep > 0 ? { ...last, description: cutMarkdown(last.description, keep) } : withoutDescription];
  }
  if (rest.length > 0) return rest;
  // Only the first embed's head is left: the footer goes, then the title is cut (never to nothing).
  if (last.footer !== undefined) {
    const { footer: _footer, ...withoutFooter } = last;
    return [withoutFooter];
  }
  return [{ ...last, title: truncateText(last.title ?? '', Math.max(1, (last.title?.length ?? 0) - excess)) }];
}

/**
 * Buttons as action rows within Discord's limits: labels cut to 80, duplicate ids dropped (Discord refuses
 * them), at most 5 buttons a row and 5 rows.
 */
export function toActionRows(buttons: readonly APIButtonComponent[]): APIActionRowComponent[] {
  const seen = new Set<string>();
  const unique = buttons
    .filter((button) => {
      const key = 'custom_id' in button ? button.custom_id : `url:${button.url}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((button) => ({ ...button, label: truncateText(button.label, LIMITS.buttonLabel) || '…' }))
    .slice(0, LIMITS.buttonsPerRow * LIMITS.rows);
  const rows: APIActionRowComponent[] = [];
  for (let start = 0; start < unique.length; start += LIMITS.buttonsPerRow)
    rows.push({ type: ComponentType.ActionRow, components: unique.slice(start, start + LIMITS.buttonsPerRow) });
  return rows;
}
