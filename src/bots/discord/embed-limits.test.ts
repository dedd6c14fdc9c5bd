import { describe, expect, it } from 'vitest';
import type { APIButtonComponent, APIEmbed } from './api-types.ts';
import { expectWithinDiscordLimits } from './discord-test-kit.ts';
import { embedsLength, enforceEmbedLimits, toActionRows } from './embed-limits.ts';

const huge: APIEmbed = {
  title: 't'.repeat(500),
  description: `\`\`\`diff\n${'+ x\n'.repeat(2000)}\`\`\``,
  footer: { text: 'f'.repeat(3000) },
  author: { name: 'a'.repeat(300) },
  fields: Array.from({ length: 40 }, () => ({ name: 'n'.repeat(300), value: 'v'.repeat(2000) })),
};

describe('enforceEmbedLimits', () => {
  it('cuts every part and the total of up to 12 oversized embeds to Discord’s limits', () => {
    const embeds = enforceEmbedLimits(Array.from({ length: 12 }, () => huge));
    expectWithinDiscordLimits({ embeds, components: [] });
    expect(embeds[0]?.title).toHaveLength(256);
    // A cut description still closes its code block.
    expect(embeds[0]?.description?.endsWith('\n```')).toBe(true);
  });

  it('drops later embeds before the first one’s head, and leaves embeds within limits alone', () => {
    const small: APIEmbed = { title: 'Alert', description: 'd'.repeat(3000) };
    expect(enforceEmbedLimits([small])).toEqual([small]);
    const embeds = enforceEmbedLimits([small, small, small]);
    expect(embedsLength(embeds)).toBeLessThanOrEqual(6000);
    expect(embeds[0]).toEqual(small);
  });
});

describe('toActionRows', () => {
  it('drops duplicate ids, cuts labels and keeps to 5 rows of 5', () => {
    const buttons: APIButtonComponent[] = [
      ...Array.from({ length: 30 }, (_, index): APIButtonComponent => ({
        type: 2,
        style: 1,
        label: 'x'.repeat(100),
        custom_id: `b${index}`,
      })),
    ];
    const rows = toActionRows([{ type: 2, style: 1, label: 'Same', custom_id: 'b0' }, ...buttons]);
    expectWithinDiscordLimits({ embeds: [{ title: 't' }], components: rows });
    expect(rows).toHaveLength(5);
    expect(rows.flatMap((row) => row.components)).toHaveLength(25);
    expect(rows[0]?.components[0]).toEqual({ type: 2, style: 1, label: 'Same', custom_id: 'b0' });
  });
});
