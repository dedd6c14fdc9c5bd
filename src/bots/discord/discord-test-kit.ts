/** Checks for the Discord renderer tests: every hard limit of a message payload, asserted one by one. */
import { expect } from 'vitest';
import { type APIActionRowComponent, type APIEmbed, DISCORD_HARD_LIMITS as LIMITS } from './api-types.ts';

interface Payload {
  readonly content?: string;
  readonly embeds: readonly APIEmbed[];
  readonly components: readonly APIActionRowComponent[];
}

/** Asserts each of Discord's message limits on the payload, and returns the characters across its embeds. */
export function expectWithinDiscordLimits(payload: Payload): number {
  expect(payload.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  expect(payload.embeds.length).toBeGreaterThan(0);
  expect(payload.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  let total = 0;
  for (const embed of payload.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.author);
    const fields = embed.fields ?? [];
    expect(fields.length).toBeLessThanOrEqual(LIMITS.fields);
    for (const field of fields) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      // A cut never leaves a code block open.
      expect(field.value.split('```').length % 2).toBe(1);
    }
    total +=
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.author?.name.length ?? 0);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  expect(payload.components.length).toBeLessThanOrEqual(LIMITS.rows);
  const ids = new Set<string>();
  for (const row of payload.components) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const button of row.components) {
      expect(button.label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
      if ('custom_id' in button) {
        expect(button.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
        expect(ids.has(button.custom_id)).toBe(false);
        ids.add(button.custom_id);
      } else expect(button.url.length).toBeLessThanOrEqual(LIMITS.buttonUrl);
    }
  }
  return total;
}

/** Text of the given length made of distinct words (`w0 w1 …`), so a test can tell which part survived. */
export function words(length: number, prefix = 'w'): string {
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < length; index += 1) {
    const word = `${prefix}${index}`;
    parts.push(word);
    size += word.length + 1;
  }
  return parts.join(' ').slice(0, length);
}
