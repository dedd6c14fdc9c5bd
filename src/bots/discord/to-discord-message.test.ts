import { describe, expect, it } from 'vitest';
import { AT, clauseChange, newsItem, newsPublished, termsChanged, TO_VERSION } from '../../alerts/alerts-test-kit.ts';
import { newsMessage, termsChangeMessage, type AlertMessage } from '../../alerts/message.ts';
import type { Significance } from '../../domain/terms-diff.ts';
import { parseCustomId, resolveSourceRef, VERSION_PREFIX_LENGTH } from './custom-id.ts';
import { expectWithinDiscordLimits, words } from './discord-test-kit.ts';
import { needsThread, toDiscordMessage } from './to-discord-message.ts';

const LEVELS: readonly Significance[] = ['high', 'medium', 'low'];

/** 200 modified clauses of 5,000 characters before and after, significance cycling high, medium, low. */
function hugeDiff(): AlertMessage {
  const changes = Array.from({ length: 200 }, (_, index) =>
    clauseChange({
      section: `Terms › ${index + 1}. Section ${words(300, 's')}`,
      label: `${index + 1}.1`,
      before: words(5000, `b${index}x`),
      after: words(5000, `a${index}x`),
      significance: LEVELS[index % 3] ?? 'low',
      summary: `Clause ${index + 1} reworded: ${words(400, 'm')}`,
    }),
  );
  return termsChangeMessage(termsChanged(changes), { mention: '<@&123456789012345678>', subscriptionId: 42 });
}

function buttons(message: ReturnType<typeof toDiscordMessage>) {
  return message.components.flatMap((row) => row.components);
}

describe('toDiscordMessage', () => {
  it('renders a 200-clause diff of 5,000-character clauses within every Discord limit', () => {
    const rendered = toDiscordMessage(hugeDiff());
    const total = expectWithinDiscordLimits(rendered);
    expect(total).toBeLessThanOrEqual(6000);
    expect(rendered.embeds).toHaveLength(1);
    const fields = rendered.embeds[0]?.fields ?? [];
    const shown = fields.filter((field) => field.value.includes('```diff'));
    expect(shown.length).toBeGreaterThan(0);
    // Exactly the clause changes not shown are counted.
    const more = fields.find((field) => field.value.startsWith('…and'));
    expect(more?.value).toBe(`…and ${200 - shown.length} more`);
    // The most significant go first: every shown change is a high one.
    expect(shown.every((field) => field.name.startsWith('🔴 modified'))).toBe(true);
  });

  it('shows a clause change as a diff block with - before and + after lines', () => {
    const rendered = toDiscordMessage(termsChangeMessage(termsChanged([clauseChange()])));
    const embed = rendered.embeds[0];
    expect(embed?.title).toBe(
      '🔴 HIGH Anthropic Commercial Terms (effective 2025-04-02): 1 high — Training on Inputs now allowed',
    );
    expect(embed?.color).toBe(0xd97757);
    expect(embed?.url).toBe('https://www.anthropic.com/legal/commercial-terms');
    expect(embed?.timestamp).toBe(AT);
    expect(embed?.footer?.text).toBe('clausewatch · anthropic/commercial-terms');
    expect(embed?.fields).toContainEqual({ name: 'Vendor', value: 'Anthropic', inline: true });
    expect(embed?.fields).toContainEqual({
      name: '🔴 modified — Terms › 3. Your Content 3.1',
      value:
        'Training on Inputs now allowed\n```diff\n- We do not train on your Inputs.\n+ We may train on your Inputs.\n```',
    });
    expect(embed?.fields?.some((field) => field.value.includes('more'))).toBe(false);
    expect(embed?.description).toBe('🔗 [Current version](https://www.anthropic.com/legal/commercial-terms)');
  });

  it('puts medium and low badges in the title, and shows a moved clause once', () => {
    const medium = toDiscordMessage(
      termsChangeMessage(
        termsChanged([clauseChange({ significance: 'medium', kind: 'moved', before: 'Same.', after: 'Same.' })]),
      ),
    );
    expect(medium.embeds[0]?.title?.startsWith('🟠 MEDIUM ')).toBe(true);
    expect(medium.embeds[0]?.fields?.at(-1)?.value).toBe('Training on Inputs now allowed\n```diff\n  Same.\n```');
    const low = toDiscordMessage(termsChangeMessage(termsChanged([clauseChange({ significance: 'low' })])));
    expect(low.embeds[0]?.title?.startsWith('⚪ LOW ')).toBe(true);
  });

  it('keeps a clause of a thousand short lines within the field limit, its block closed', () => {
    const text = Array.from({ length: 1000 }, (_, index) => `line ${index}`).join('\n');
    const rendered = toDiscordMessage(
      termsChangeMessage(termsChanged([clauseChange({ before: text, after: text.toUpperCase() })])),
    );
    expectWithinDiscordLimits(rendered);
    const value = rendered.embeds[0]?.fields?.find((field) => field.value.includes('```diff'))?.value ?? '';
    expect(value).toMatch(/^Training on Inputs now allowed\n```diff\n- line 0\n- line 1\n/u);
    expect(value).toContain('+ LINE 0');
    expect(value.endsWith('\n```')).toBe(true);
  });

  it('does not let backticks in a clause end its diff block', () => {
    const rendered = toDiscordMessage(
      termsChangeMessage(termsChanged([clauseChange({ after: 'Use ```code``` here.' })])),
    );
    const value = rendered.embeds[0]?.fields?.find((field) => field.value.includes('```diff'))?.value ?? '';
    expect(value.split('```')).toHaveLength(3);
    expect(value).toContain('+ Use `\u200b`\u200b`code`\u200b`\u200b` here.');
  });

  it('lists news items as lines with links, and the "…and N more" line', () => {
    const items = Array.from({ length: 40 }, (_, index) =>
      newsItem({ title: `Story [${index}]`, url: `https://example.com/${index}`, summary: words(600) }),
    );
    const rendered = toDiscordMessage(newsMessage(newsPublished(items)));
    expectWithinDiscordLimits(rendered);
    const description = rendered.embeds[0]?.description ?? '';
    expect(rendered.embeds[0]?.title).toBe('📰 NEWS 40 new stories from TechCrunch AI');
    expect(description).toContain('• [Story \\[0\\]](https://example.com/0) · techcrunch/ai');
    const listed = description.split('\n').filter((line) => line.startsWith('• ')).length;
    expect(description).toContain(`…and ${40 - listed} more`);
  });

  describe('mentions', () => {
    const high = termsChanged([clauseChange()]);
    it('puts a role mention in content and lets only that role be pinged', () => {
      const rendered = toDiscordMessage(termsChangeMessage(high, { mention: '<@&42>' }));
      expect(rendered.content).toBe('<@&42>');
      expect(rendered.allowed_mentions).toEqual({ parse: [], roles: ['42'] });
    });
    it('pings a user mention only', () => {
      const rendered = toDiscordMessage(termsChangeMessage(high, { mention: '<@!7>' }));
      expect(rendered.allowed_mentions).toEqual({ parse: [], users: ['7'] });
    });
    it('pings everyone only when the mention asks for it', () => {
      expect(toDiscordMessage(termsChangeMessage(high, { mention: '@everyone' })).allowed_mentions).toEqual({
        parse: ['everyone'],
      });
      const here = toDiscordMessage(termsChangeMessage(high, { mention: '<!here>' }));
      expect(here.content).toBe('@here');
      expect(here.allowed_mentions).toEqual({ parse: ['everyone'] });
    });
    it('pings nobody without a mention, or when the mention is plain text', () => {
      const none = toDiscordMessage(termsChangeMessage(high));
      expect(none.content).toBeUndefined();
      expect(none.allowed_mentions).toEqual({ parse: [] });
      const text = toDiscordMessage(termsChangeMessage(high, { mention: 'legal-team @everyone-ish' }));
      expect(text.content).toBe('legal-team @everyone-ish');
      expect(text.allowed_mentions).toEqual({ parse: [] });
    });
  });

  it('gives buttons short ids a handler can resolve to the source and version', () => {
    const long = `vendor/${'x'.repeat(120)}`;
    for (const source of ['anthropic/commercial-terms', long]) {
      const rendered = toDiscordMessage(
        termsChangeMessage(termsChanged([clauseChange()], { source }), { subscriptionId: 9 }),
      );
      expectWithinDiscordLimits(rendered);
      const [diff, unsubscribe] = buttons(rendered);
      expect(diff?.label).toBe('Full diff');
      const diffId = diff !== undefined && 'custom_id' in diff ? diff.custom_id : '';
      const action = parseCustomId(diffId);
      expect(action.kind).toBe('diff');
      if (action.kind !== 'diff') return;
      expect(resolveSourceRef(action.sourceRef, ['openai/terms-of-use', source])).toBe(source);
      expect(action.versionPrefix).toBe(TO_VERSION.slice(0, VERSION_PREFIX_LENGTH));
      expect(unsubscribe).toEqual({ type: 2, style: 2, label: 'Unsubscribe', custom_id: 'unsubscribe:9' });
    }
  });

  it('holds everything within the limits when every part of the message is too long', () => {
    const base = termsChangeMessage(termsChanged([clauseChange()]));
    const message: AlertMessage = {
      ...base,
      headline: words(5000),
      fields: Array.from({ length: 40 }, (_, index) => ({ name: words(400, `n${index}`), value: words(3000) })),
      links: Array.from({ length: 30 }, (_, index) => ({ label: words(200), url: `https://example.com/${index}` })),
      buttons: Array.from({ length: 40 }, (_, index) => ({
        id: `diff:src/${index}:${'f'.repeat(64)}`,
        label: words(200),
      })),
      footer: words(5000),
      mention: `<@&1> ${'<@2> '.repeat(600)}`,
    };
    const rendered = toDiscordMessage(message);
    expectWithinDiscordLimits(rendered);
    expect(rendered.embeds[0]?.title?.startsWith('🔴 HIGH w0 w1')).toBe(true);
  });

  it('says the full text follows in the thread when changes were cut and the alert is threadable', () => {
    const message = hugeDiff();
    expect(needsThread(message)).toBe(true);
    const rendered = toDiscordMessage(message, { threadable: true });
    expect(rendered.embeds[0]?.footer?.text).toBe(
      'clausewatch · anthropic/commercial-terms · full clause texts in the thread',
    );
    expect(rendered.embeds[0]?.fields?.at(-1)?.name).toBe('In the thread');
    const small = termsChangeMessage(termsChanged([clauseChange()]));
    expect(needsThread(small)).toBe(false);
    expect(toDiscordMessage(small, { threadable: true }).embeds[0]?.footer?.text).toBe(
      'clausewatch · anthropic/commercial-terms',
    );
  });

  it('leaves out a timestamp Discord would refuse, and links it cannot open', () => {
    const base = termsChangeMessage(termsChanged([clauseChange()]));
    const rendered = toDiscordMessage({
      ...base,
      timestamp: 'not a date',
      url: 'javascript:alert(1)',
      buttons: [{ id: 'x', label: 'Open', url: 'ftp://example.com' }],
    });
    expect(rendered.embeds[0]?.timestamp).toBeUndefined();
    expect(rendered.embeds[0]?.url).toBeUndefined();
    expect(rendered.components).toEqual([]);
  });
});
