import { describe, expect, it } from 'vitest';
import { invalidReply, okReply, refusedReply } from '../../../commands/replies.ts';
import { clauseChange, termsChanged } from '../../alerts/alerts-test-kit.ts';
import { termsChangeMessage } from '../../alerts/message.ts';
import { expectWithinDiscordLimits, words } from './discord-test-kit.ts';
import { toDiscordReply } from './to-discord-reply.ts';

describe('toDiscordReply', () => {
  it('makes private replies ephemeral and public ones not', () => {
    const reply = toDiscordReply(okReply('Subscribed', ['You will get alerts here.']));
    expect(reply).toEqual({
      embeds: [{ title: 'Subscribed', color: 0x5865f2, description: 'You will get alerts here.' }],
      components: [],
      allowed_mentions: { parse: [] },
      flags: 64,
    });
    expect(toDiscordReply(okReply('Latest', ['…'], { private: false })).flags).toBeUndefined();
  });

  it('styles invalid and refused replies', () => {
    const invalid = toDiscordReply(invalidReply('Check the date', ['Use YYYY-MM-DD.']));
    expect(invalid.embeds[0]).toMatchObject({ title: '⚠️ Check the date', color: 0xfee75c });
    expect(invalid.flags).toBe(64);
    const refused = toDiscordReply(refusedReply('set the alerts channel', 'Ask an admin.'));
    expect(refused.embeds[0]).toMatchObject({ title: '⛔ Not allowed', color: 0xed4245 });
    expect(refused.embeds[0]?.description).toContain('Ask an admin.');
  });

  it('renders a rich message after the lines, both embeds sharing the limits', () => {
    const changes = Array.from({ length: 200 }, (_, index) =>
      clauseChange({ label: `${index}`, before: words(5000), after: words(5000, 'a') }),
    );
    const lines = Array.from({ length: 300 }, (_, index) => `Line ${index}: ${words(40)}`);
    const reply = toDiscordReply(
      okReply('Diff', lines, {
        private: false,
        message: termsChangeMessage(termsChanged(changes), { subscriptionId: 3, mention: '<@&1>' }),
        fields: Array.from({ length: 30 }, (_, index) => ({ name: `F${index}`, value: words(2000) })),
      }),
    );
    expectWithinDiscordLimits(reply);
    expect(reply.embeds).toHaveLength(2);
    expect(reply.embeds[1]?.title?.startsWith('🔴 HIGH ')).toBe(true);
    expect(reply.components[0]?.components.map((button) => button.label)).toEqual(['Full diff', 'Unsubscribe']);
    // A reply answers the user who asked: the alert's mention does not ping.
    expect(reply.content).toBeUndefined();
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    const fields = reply.embeds[0]?.fields ?? [];
    expect(fields.at(-1)).toEqual({ name: 'More', value: `…and ${30 - (fields.length - 1)} more` });
    const description = reply.embeds[0]?.description ?? '';
    const kept = description.split('\n').filter((line) => line.startsWith('Line ')).length;
    expect(description.endsWith(`…and ${300 - kept} more lines`)).toBe(true);
  });

  it('cuts a single overlong line and counts the rest', () => {
    const reply = toDiscordReply(okReply('Long', [words(9000), 'second']));
    const description = reply.embeds[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description.endsWith('\n…and 1 more line')).toBe(true);
  });
});
