import { describe, expect, it } from 'vitest';
import type { AlertClauseChange, AlertMessage } from '../../alerts/message.ts';
import { BLOCK_LIMITS, blocksLength, type Block, type SlackMessage } from './block-kit.ts';
import { toSlackMessage } from './slack-message.ts';
import { threadReplies } from './thread-replies.ts';

function message(fields: Partial<AlertMessage> = {}): AlertMessage {
  return {
    kind: 'terms-change',
    headline: 'Anthropic Commercial Terms changed',
    significance: 'high',
    vendor: 'anthropic',
    color: 0xd97757,
    url: 'https://www.anthropic.com/legal/commercial-terms',
    fields: [{ name: 'Effective date', value: '2025-04-02' }],
    clauseChanges: [change()],
    items: [],
    moreChanges: null,
    moreItems: null,
    links: [],
    buttons: [{ id: 'diff:anthropic/commercial-terms:bbbb', label: 'Full diff' }],
    mention: null,
    footer: 'anthropic/commercial-terms',
    timestamp: '2025-04-02T08:15:00.000Z',
    ...fields,
  };
}

function change(fields: Partial<AlertClauseChange> = {}): AlertClauseChange {
  return {
    kind: 'modified',
    section: 'Terms › 3. Your Content',
    label: '3.1',
    significance: 'high',
    summary: 'Training on Inputs now allowed',
    before: 'We do not train on your Inputs.',
    after: 'We may train on your Inputs.',
    ...fields,
  };
}

/** Every text a block carries, for searching. */
function texts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => {
    switch (block.type) {
      case 'header':
        return [block.text.text];
      case 'section':
        return [block.text?.text ?? '', ...(block.fields ?? []).map((field) => field.text)];
      case 'context':
        return block.elements.map((element) => element.text);
      case 'actions':
        return block.elements.map((button) => button.text.text);
      case 'divider':
        return [];
    }
  });
}

/** Asserts every Slack limit the brief names, one by one. */
function expectWithinLimits(slack: SlackMessage): void {
  expect(slack.blocks.length).toBeGreaterThan(0);
  expect(slack.blocks.length).toBeLessThanOrEqual(50);
  expect(blocksLength(slack.blocks)).toBeLessThanOrEqual(BLOCK_LIMITS.blocksJson);
  expect(slack.text.length).toBeGreaterThan(0);
  expect(slack.text.length).toBeLessThanOrEqual(BLOCK_LIMITS.fallbackText);
  for (const block of slack.blocks) {
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'section') {
      expect(block.text !== undefined || block.fields !== undefined).toBe(true);
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
      expect(block.fields?.length ?? 0).toBeLessThanOrEqual(10);
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
      // A ``` block opened is closed again.
      expect((block.text?.text.split('```').length ?? 1) % 2).toBe(1);
    }
    if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(10);
    if (block.type === 'actions') {
      for (const button of block.elements) {
        expect(button.text.text.length).toBeLessThanOrEqual(75);
        expect(button.action_id.length).toBeLessThanOrEqual(255);
        expect(button.value?.length ?? 0).toBeLessThanOrEqual(2000);
      }
    }
  }
}

const words = (count: number, word: string): string => Array.from({ length: count }, () => word).join(' ');

describe('toSlackMessage', () => {
  it('renders header, significance and vendor, fields, a diff block, footer and buttons', () => {
    const { text, blocks } = toSlackMessage(message());
    expect(text).toBe('Anthropic Commercial Terms changed (high significance · anthropic)');
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Anthropic Commercial Terms changed', emoji: true },
    });
    expect(blocks[1]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: ':red_circle: *High significance* · anthropic · <https://www.anthropic.com/legal/commercial-terms|Open page>',
      },
    });
    expect(blocks[2]).toEqual({ type: 'section', fields: [{ type: 'mrkdwn', text: '*Effective date*\n2025-04-02' }] });
    expect(blocks[3]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          '*[high] modified — Terms › 3. Your Content 3.1*\nTraining on Inputs now allowed\n' +
          '```\n- We do not train on your Inputs.\n+ We may train on your Inputs.\n```',
      },
    });
    expect(blocks[4]).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'anthropic/commercial-terms · <!date^1743581700^{date_short_pretty} {time}|2025-04-02 08:15 UTC>',
        },
      ],
    });
    expect(blocks[5]).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Full diff', emoji: true },
          action_id: 'diff:anthropic/commercial-terms:bbbb',
          value: 'diff:anthropic/commercial-terms:bbbb',
        },
      ],
    });
  });

  it('lists news with <url|title> links and says how many more there are', () => {
    const item = {
      title: 'OpenAI changes API pricing',
      url: 'https://techcrunch.com/a?x=1&y=2',
      source: 'techcrunch/ai',
      summary: 'Prices rose.',
      vendors: ['openai'],
      topics: ['pricing'],
      significance: null,
      group: null,
    };
    const { blocks } = toSlackMessage(
      message({ kind: 'news', significance: null, clauseChanges: [], items: [item], moreItems: '…and 4 more' }),
    );
    const all = texts(blocks);
    expect(all).toContain(
      '• *<https://techcrunch.com/a?x=1&amp;y=2|OpenAI changes API pricing>* (techcrunch/ai)\nPrices rose.',
    );
    expect(all).toContain('…and 4 more');
  });

  it('keeps a 200-clause diff of 5,000-character clauses within every Slack limit', () => {
    const long = words(1000, 'data&<b>');
    const changes = Array.from({ length: 200 }, (_, index) =>
      change({
        label: String(index),
        significance: index % 3 === 0 ? 'high' : 'low',
        before: long.slice(0, 5000),
        after: long.slice(3, 5003),
      }),
    );
    const fields = Array.from({ length: 14 }, (_, index) => ({ name: `Field ${index}`, value: words(500, 'value') }));
    const buttons = Array.from({ length: 8 }, (_, index) => ({
      id: `x`.repeat(300) + String(index),
      label: words(30, 'label'),
    }));
    const slack = toSlackMessage(message({ headline: words(60, 'headline'), clauseChanges: changes, fields, buttons }));
    expectWithinLimits(slack);
    expect(texts(slack.blocks).some((text) => /…and \d+ more/u.test(text))).toBe(true);

    const replies = threadReplies(message({ clauseChanges: changes }));
    expect(replies.length).toBeGreaterThan(1);
    for (const reply of replies) expectWithinLimits(reply);
    // Every clause, whole: each label's heading appears once and all text made it into the thread.
    const thread = replies.flatMap((reply) => texts(reply.blocks)).join('\n');
    for (let index = 0; index < 200; index += 1) expect(thread).toContain(`3. Your Content ${index}*`);
    expect(thread.split('data&amp;&lt;b&gt;').length - 1).toBeGreaterThanOrEqual(200 * 2 * 555);
  });

  it('sends no thread replies when the alert showed every change whole', () => {
    expect(threadReplies(message())).toEqual([]);
  });
});

describe('escaping', () => {
  const injections = [
    '<!channel> urgent',
    '<!here|here>',
    '<@U024BE7LH> look',
    '<!subteam^S123>',
    '<https://evil.example|https://anthropic.com>',
    '@channel and @here and @everyone',
    'a ``` b',
  ];

  it('shows page text literally: no link, mention or broadcast survives', () => {
    for (const injection of injections) {
      const slack = toSlackMessage(
        message({
          headline: injection,
          fields: [{ name: injection, value: injection }],
          clauseChanges: [change({ section: injection, summary: injection, before: injection, after: injection })],
          footer: injection,
        }),
      );
      const all = [slack.text, ...texts(slack.blocks.filter((block) => block.type !== 'header'))].join('\n');
      // Our own date token is the only `<!` allowed.
      expect(all).not.toMatch(/<[@#]|<!(?!date\^)/u);
      expect(all).not.toMatch(/<https:\/\/evil/u);
      expect(all).not.toMatch(/@(channel|here|everyone)/u);
      expectWithinLimits(slack);
    }
  });

  it('escapes &, < and > as entities', () => {
    const { blocks } = toSlackMessage(
      message({ clauseChanges: [change({ summary: 'A & B <c> d', before: null, after: 'x > y' })] }),
    );
    expect(texts(blocks)).toContain(
      '*[high] modified — Terms › 3. Your Content 3.1*\nA &amp; B &lt;c&gt; d\n```\n+ x &gt; y\n```',
    );
  });

  it('keeps triple backticks in page text from closing the diff block', () => {
    const { blocks } = toSlackMessage(message({ clauseChanges: [change({ before: 'a ``` *bold*', after: null })] }));
    const text = texts(blocks).find((candidate) => candidate.includes('- a'));
    expect(text?.split('```').length).toBe(3);
  });

  it('mentions only from message.mention, and only Slack mentions', () => {
    expect(toSlackMessage(message({ mention: '<!here>' })).text).toMatch(/^<!here> /u);
    expect(toSlackMessage(message({ mention: '@channel' })).text).toMatch(/^<!channel> /u);
    const user = toSlackMessage(message({ mention: '<@U024BE7LH>' }));
    expect(texts(user.blocks)[1]).toMatch(/^<@U024BE7LH> /u);
    const discordRole = toSlackMessage(message({ mention: '<@&123>' }));
    expect([discordRole.text, ...texts(discordRole.blocks)].join('\n')).not.toContain('<@');
  });
});
