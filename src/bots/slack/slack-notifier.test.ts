import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryFailure } from '../../alerts/delivery/delivery-failure.ts';
import { alert } from '../../alerts/delivery/delivery-test-kit.ts';
import { clauseChange, termsChanged } from '../../alerts/alerts-test-kit.ts';
import { termsChangeMessage } from '../../alerts/event-messages.ts';
import type { Notifier } from '../../alerts/delivery/notifier.ts';
import type { Target } from '../../domain/subscription.ts';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../../../test/fakes/fake-slack/fake-slack-api.ts';
import { BLOCK_LIMITS } from './block-kit.ts';
import { createSlackNotifier, type SlackNotifierOptions } from './slack-notifier.ts';

let fake: FakeSlack;
beforeEach(async () => {
  fake = await startFakeSlack();
});
afterEach(async () => {
  await fake.close();
});

const channel = (id: string): Target => ({ platform: 'slack', workspaceId: 'T1', channelId: id, userId: null });
const dm = (user: string): Target => ({ platform: 'slack', workspaceId: 'T1', channelId: null, userId: user });

function notifier(options: Partial<SlackNotifierOptions> = {}): Notifier {
  const client = new webApi.WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
  return createSlackNotifier({ client, channelIntervalMs: 0, ...options });
}

function failureOf(promise: Promise<unknown>): Promise<DeliveryFailure> {
  return promise.then(
    () => {
      throw new Error('expected the send to fail');
    },
    (error: unknown) => {
      if (error instanceof DeliveryFailure) return error;
      throw error;
    },
  );
}

function withinLimits(call: SlackCall): void {
  const blocks = call.params.blocks as { type: string; text?: { text: string } }[];
  expect(blocks.length).toBeLessThanOrEqual(BLOCK_LIMITS.blocks);
  expect(JSON.stringify(blocks).length).toBeLessThanOrEqual(BLOCK_LIMITS.blocksJson);
  for (const block of blocks) expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(BLOCK_LIMITS.sectionText);
}

describe('SlackNotifier', () => {
  it('posts an alert to a channel as Block Kit with a fallback text, and returns channel:ts', async () => {
    const sent = await notifier().send(channel('C1'), alert('GPT-9 released'), { idempotencyKey: 'k1' });
    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.params).toMatchObject({ channel: 'C1', text: 'GPT-9 released', unfurl_links: 'false' });
    expect(call?.authorization).toBe('Bearer xoxb-test');
    expect(sent.messageId).toMatch(/^C1:1700000000\.\d{6}$/u);
  });

  it('puts the full clause changes of a 200-clause alert in thread replies under it, every post within limits', async () => {
    const changes = Array.from({ length: 200 }, (_, index) =>
      clauseChange({
        label: `3.${index}`,
        section: `Terms › 3. Your Content ${index}`,
        after: `New text ${index} `.repeat(40),
      }),
    );
    const message = termsChangeMessage(termsChanged(changes));
    const sent = await notifier().send(channel('C1'), message, { idempotencyKey: 'long' });
    const [main, ...replies] = fake.callsTo('chat.postMessage');
    expect(main?.params.thread_ts).toBeUndefined();
    expect(replies.length).toBeGreaterThan(1);
    const ts = sent.messageId?.split(':')[1];
    for (const reply of replies) expect(reply.params.thread_ts).toBe(ts);
    for (const call of [main, ...replies]) if (call !== undefined) withinLimits(call);
    const thread = replies.map((reply) => JSON.stringify(reply.params.blocks)).join('');
    for (let index = 0; index < 200; index += 1) expect(thread).toContain(`Your Content ${index}`);
    expect(JSON.stringify(replies[0]?.params.blocks)).toMatch(/Part 1 of \d+/u);
  });

  it('opens a DM once per user and posts there', async () => {
    const slack = notifier();
    await slack.send(dm('U5'), alert('one'), { idempotencyKey: 'a' });
    await slack.send(dm('U5'), alert('two'), { idempotencyKey: 'b' });
    expect(fake.callsTo('conversations.open').map((call) => call.params.users)).toEqual(['U5']);
    expect(fake.callsTo('chat.postMessage').map((call) => call.params.channel)).toEqual(['DU5', 'DU5']);
  });

  it('posts a key once, and after a failed thread reply resumes without posting the alert again', async () => {
    const slack = notifier();
    await slack.send(channel('C1'), alert('once'), { idempotencyKey: 'same' });
    await slack.send(channel('C1'), alert('once'), { idempotencyKey: 'same' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);

    const message = termsChangeMessage(
      termsChanged(
        Array.from({ length: 30 }, (_, index) => clauseChange({ label: `${index}`, after: 'x '.repeat(900) })),
      ),
    );
    fake.script(
      'chat.postMessage',
      { status: 200, body: JSON.stringify({ ok: true, ts: '1.000001' }) },
      { status: 503 },
    );
    const failure = await failureOf(slack.send(channel('C3'), message, { idempotencyKey: 'thread' }));
    expect(failure.kind).toBe('retryable');
    await slack.send(channel('C3'), message, { idempotencyKey: 'thread' });
    const toC3 = fake.callsTo('chat.postMessage').filter((call) => call.params.channel === 'C3');
    expect(toC3.filter((call) => call.params.thread_ts === undefined)).toHaveLength(1);
    expect(toC3.slice(1).every((call) => call.params.thread_ts === '1.000001')).toBe(true);
  });

  it.each([
    ['not_in_channel', 'permanent-target', /invite @clausewatch to the channel: \/invite @clausewatch/u],
    ['channel_not_found', 'permanent-target', /\/invite @clausewatch/u],
    ['is_archived', 'permanent-target', /unarchive it/u],
    ['account_inactive', 'permanent-target', /deactivated/u],
    ['invalid_blocks', 'permanent-message', /invalid_blocks/u],
    ['msg_too_long', 'permanent-message', /msg_too_long/u],
    ['internal_error', 'retryable', /internal_error/u],
  ])('turns %s into a %s failure saying what to do', async (error, kind, reason) => {
    fake.failChannel('C9', error);
    const failure = await failureOf(notifier().send(channel('C9'), alert('x'), { idempotencyKey: error }));
    expect(failure).toMatchObject({ kind, code: `slack_${error}` });
    expect(failure.message).toMatch(reason);
    expect(failure.message).toContain('C9');
  });

  it('waits out a short Retry-After in place and hands a long one to the worker', async () => {
    fake.script('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    await notifier().send(channel('C1'), alert('after a wait'), { idempotencyKey: 'r1' });
    const [first, second] = fake.callsTo('chat.postMessage');
    expect(second).toBeDefined();
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(5000);

    fake.script('chat.postMessage', { status: 429, retryAfter: 120 });
    const failure = await failureOf(notifier().send(channel('C1'), alert('later'), { idempotencyKey: 'r2' }));
    expect(failure).toMatchObject({ kind: 'retryable', retryAfterMs: 120_000, status: 429 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('paces posts to one channel, not across channels', async () => {
    const slack = notifier({ channelIntervalMs: 400 });
    await Promise.all([
      slack.send(channel('C1'), alert('a'), { idempotencyKey: 'p1' }),
      slack.send(channel('C1'), alert('b'), { idempotencyKey: 'p2' }),
      slack.send(channel('C2'), alert('c'), { idempotencyKey: 'p3' }),
    ]);
    const at = (ch: string) =>
      fake
        .callsTo('chat.postMessage')
        .filter((c) => c.params.channel === ch)
        .map((c) => c.at);
    const [a, b] = at('C1');
    expect((b ?? 0) - (a ?? 0)).toBeGreaterThanOrEqual(350);
    expect(Math.abs((at('C2')[0] ?? 0) - (a ?? 0))).toBeLessThan(300);
  });
});
