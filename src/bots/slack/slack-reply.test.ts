import { describe, expect, it } from 'vitest';
import type { AlertMessage } from '../../alerts/message.ts';
import { BLOCK_LIMITS, blocksLength } from './block-kit.ts';
import { toSlackReply } from './slack-reply.ts';

describe('toSlackReply', () => {
  it('renders a private reply as ephemeral, escaped, keeping channel references and Slack command names', () => {
    const reply = toSlackReply({
      status: 'ok',
      title: 'Subscribed',
      lines: ['Alerts for <#C123> about "R&D <!channel>".', 'Remove it with /unsubscribe id:4.'],
      fields: [{ name: 'Filters', value: 'vendor anthropic' }],
      private: true,
    });
    expect(reply).toEqual({
      response_type: 'ephemeral',
      text: 'Subscribed\nAlerts for <#C123> about "R&amp;D &lt;!channel&gt;".\nRemove it with /clausewatch unsubscribe id:4.',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: ':white_check_mark: *Subscribed*\nAlerts for <#C123> about "R&amp;D &lt;!channel&gt;".\nRemove it with /clausewatch unsubscribe id:4.',
          },
        },
        { type: 'section', fields: [{ type: 'mrkdwn', text: '*Filters*\nvendor anthropic' }] },
      ],
    });
  });

  it('posts public replies in the channel and marks refusals', () => {
    const reply = toSlackReply({ status: 'refused', title: 'Not allowed', lines: [], private: false });
    expect(reply.response_type).toBe('in_channel');
    expect(reply.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: ':no_entry: *Not allowed*' } }]);
  });

  it('keeps a long reply with a rich message within the limits', () => {
    const message: AlertMessage = {
      kind: 'terms-change',
      headline: 'Diff',
      significance: 'low',
      vendor: 'openai',
      color: 0,
      url: null,
      fields: [],
      clauseChanges: Array.from({ length: 40 }, () => ({
        kind: 'added' as const,
        section: 'S',
        label: null,
        significance: 'low' as const,
        summary: '',
        before: null,
        after: 'text '.repeat(1000),
      })),
      items: [],
      moreChanges: null,
      moreItems: null,
      links: [],
      buttons: [],
      mention: null,
      footer: null,
      timestamp: '2025-04-02T08:15:00.000Z',
    };
    const lines = Array.from({ length: 300 }, (_, index) => `line ${index} ${'x'.repeat(50)}`);
    const reply = toSlackReply({ status: 'ok', title: 'Diff', lines, private: true, message });
    expect(reply.blocks.length).toBeLessThanOrEqual(50);
    expect(blocksLength(reply.blocks)).toBeLessThanOrEqual(BLOCK_LIMITS.blocksJson);
    expect(reply.text.length).toBeLessThanOrEqual(BLOCK_LIMITS.fallbackText);
    for (const block of reply.blocks)
      if (block.type === 'section') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
  });
});
