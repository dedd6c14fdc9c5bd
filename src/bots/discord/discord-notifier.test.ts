import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clauseChange, termsChanged } from '../../alerts/alerts-test-kit.ts';
import { DeliveryFailure } from '../../alerts/delivery/delivery-failure.ts';
import { alert, recordingLogger } from '../../alerts/delivery/delivery-test-kit.ts';
import { termsChangeMessage, type AlertMessage } from '../../alerts/message.ts';
import type { Notifier } from '../../alerts/delivery/notifier.ts';
import type { Target } from '../../domain/subscription.ts';
import { startFakeDiscord, type FakeDiscord } from '../../../test/fakes/fake-discord/fake-discord.ts';
import { restOptions } from './discord-client.ts';
import { createDiscordNotifier, nonceOf } from './discord-notifier.ts';
import { words } from './discord-test-kit.ts';

let fake: FakeDiscord;
let rest: REST;
let notifier: Notifier;
let logger: ReturnType<typeof recordingLogger>;

const USER = '1100000000000000901';
const dm: Target = { platform: 'discord', workspaceId: 'g', channelId: null, userId: USER };
let channel: Target;

beforeEach(async () => {
  fake = await startFakeDiscord();
  rest = new REST(restOptions({ apiUrl: fake.apiUrl })).setToken(fake.token);
  logger = recordingLogger();
  notifier = createDiscordNotifier({ rest, logger });
  channel = { platform: 'discord', workspaceId: fake.guildId, channelId: fake.channelId, userId: null };
});

afterEach(async () => {
  await fake.close();
});

/** 200 modified clauses of 5,000 characters: far more than one message holds. */
function hugeChange(): AlertMessage {
  const changes = Array.from({ length: 200 }, (_, index) =>
    clauseChange({
      label: `${index + 1}.1`,
      before: words(5000, `b${index}x`),
      after: words(5000, `a${index}x`),
      summary: `Clause ${index + 1} reworded`,
    }),
  );
  return termsChangeMessage(termsChanged(changes), { subscriptionId: 7 });
}

async function failureOf(promise: Promise<unknown>): Promise<DeliveryFailure> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DeliveryFailure);
  return error as DeliveryFailure;
}

describe('the Discord notifier', () => {
  it('posts to a channel with a nonce derived from the idempotency key, enforced', async () => {
    const result = await notifier.send(channel, alert('GPT-9 released'), { idempotencyKey: 'event-1|target' });
    const [message] = fake.state.messagesIn(fake.channelId);
    expect(result.messageId).toBe(message?.id);
    expect(message?.body.nonce).toBe(nonceOf('event-1|target'));
    expect(message?.body.enforce_nonce).toBe(true);
    expect(nonceOf('event-1|target').length).toBeLessThanOrEqual(25);
    expect(nonceOf('event-2|target')).not.toBe(nonceOf('event-1|target'));
  });

  it('does not duplicate a resend with the same key (a crash between send and markSent)', async () => {
    const first = await notifier.send(channel, alert('Once'), { idempotencyKey: 'k' });
    const again = await notifier.send(channel, alert('Once'), { idempotencyKey: 'k' });
    expect(again.messageId).toBe(first.messageId);
    expect(fake.state.messagesIn(fake.channelId)).toHaveLength(1);
  });

  it('opens a DM channel once per user and sends there', async () => {
    await notifier.send(dm, alert('one'), { idempotencyKey: 'a' });
    await notifier.send(dm, alert('two'), { idempotencyKey: 'b' });
    const opened = fake.state.requests.filter((request) => request.path === '/users/@me/channels');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.body).toEqual({ recipient_id: USER });
    expect(fake.state.messagesIn(fake.state.dmChannels.get(USER) ?? '')).toHaveLength(2);
  });

  it('posts a 200-clause change within every limit Discord checks, its details in a thread under it', async () => {
    const result = await notifier.send(channel, hugeChange(), { idempotencyKey: 'huge' });
    const alertMessage = fake.state.messages.find((message) => message.id === result.messageId);
    expect(alertMessage?.threadId).not.toBeNull();
    const details = fake.state.messagesIn(alertMessage?.threadId ?? '');
    expect(details.length).toBeGreaterThan(1);
    expect(details.length).toBeLessThanOrEqual(20);
    for (const detail of details) expect(String(detail.body.content).length).toBeLessThanOrEqual(2000);
    expect(String(details.at(-1)?.body.content)).toMatch(/more clause changes: \/diff shows them all/u);
  });

  it('sends no thread to a DM, where Discord has none', async () => {
    await notifier.send(dm, hugeChange(), { idempotencyKey: 'huge-dm' });
    expect(fake.state.requests.some((request) => request.path.endsWith('/threads'))).toBe(false);
  });

  it('still counts the alert as sent when its thread fails', async () => {
    fake.failNext({ path: /\/threads$/u, status: 403, code: 50013, message: 'Missing Permissions' });
    const result = await notifier.send(channel, hugeChange(), { idempotencyKey: 'no-thread' });
    expect(result.messageId).not.toBeNull();
    expect(logger.lines.some((line) => line.message === 'could not post the details thread')).toBe(true);
  });

  it('turns closed DMs (50007) into a permanent target failure', async () => {
    fake.closeDms(USER);
    const failure = await failureOf(notifier.send(dm, alert('x'), { idempotencyKey: 'c' }));
    expect(failure.kind).toBe('permanent-target');
    expect(failure.code).toBe('discord_cannot_dm');
  });

  it.each([
    [10003, 404, 'permanent-target', 'discord_unknown_channel'],
    [50001, 403, 'permanent-target', 'discord_missing_access'],
    [50013, 403, 'permanent-target', 'discord_missing_permissions'],
    [50035, 400, 'permanent-message', 'discord_invalid_form_body'],
    [40005, 413, 'permanent-message', 'discord_refused'],
  ])('maps error code %i (HTTP %i) to %s', async (code, status, kind, expectedCode) => {
    fake.failNext({ path: /\/messages$/u, status, code });
    const failure = await failureOf(notifier.send(channel, alert('x'), { idempotencyKey: `e${code}` }));
    expect([failure.kind, failure.code, failure.status]).toEqual([kind, expectedCode, status]);
  });

  it('waits out a 429 Retry-After and then delivers', async () => {
    fake.failNext({ path: /\/messages$/u, status: 429, retryAfterSeconds: 0.3 });
    const started = Date.now();
    await notifier.send(channel, alert('later'), { idempotencyKey: 'r' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(fake.state.requests.filter((request) => request.path.endsWith('/messages')).map((r) => r.status)).toEqual([
      429, 200,
    ]);
  });

  it('hands a very long Retry-After back to the outbox instead of holding the lane', async () => {
    fake.failNext({ path: /\/messages$/u, status: 429, retryAfterSeconds: 120 });
    const failure = await failureOf(notifier.send(channel, alert('much later'), { idempotencyKey: 'long' }));
    expect([failure.kind, failure.code]).toEqual(['retryable', 'discord_rate_limited']);
    // discord.js adds its 50 ms safety offset to the wait.
    expect(failure.retryAfterMs).toBeGreaterThanOrEqual(120_000);
    expect(failure.retryAfterMs).toBeLessThan(121_000);
  });

  it("paces a fan-out under the fake's rate limit without a 429 storm", async () => {
    fake.setRateLimit(100);
    const paced = createDiscordNotifier({
      rest: new REST({ ...restOptions({ apiUrl: fake.apiUrl }), globalRequestsPerSecond: 100 }).setToken(fake.token),
      logger,
    });
    const users = Array.from({ length: 75 }, (_, index) => `12000000000000000${index + 10}`);
    await Promise.all(
      users.map((userId, index) => paced.send({ ...dm, userId }, alert('fan-out'), { idempotencyKey: `fan-${index}` })),
    );
    expect(fake.state.messages).toHaveLength(75);
    expect(fake.stats.rateLimited).toBeLessThanOrEqual(3);
  });

  it('retries a 5xx and delivers; a lasting 5xx is retryable for the outbox', async () => {
    fake.failNext({ path: /\/messages$/u, status: 502 });
    await notifier.send(channel, alert('flaky'), { idempotencyKey: 'f' });
    expect(fake.state.messagesIn(fake.channelId)).toHaveLength(1);
    fake.failNext({ path: /\/messages$/u, status: 503, times: 10 });
    const failure = await failureOf(notifier.send(channel, alert('down'), { idempotencyKey: 'g' }));
    expect(failure.kind).toBe('retryable');
    expect(failure.status).toBe(503);
  });

  it('treats a refused token as retryable, and an unreachable Discord too', async () => {
    const badToken = createDiscordNotifier({
      rest: new REST(restOptions({ apiUrl: fake.apiUrl })).setToken('wrong'),
      logger,
    });
    expect((await failureOf(badToken.send(channel, alert('x'), { idempotencyKey: 'h' }))).kind).toBe('retryable');
    const url = fake.apiUrl;
    await fake.close();
    const offline = createDiscordNotifier({
      rest: new REST({ ...restOptions({ apiUrl: url }), retries: 0 }).setToken('t'),
      logger,
    });
    const failure = await failureOf(offline.send(channel, alert('x'), { idempotencyKey: 'i' }));
    expect([failure.kind, failure.code]).toEqual(['retryable', 'discord_unreachable']);
    fake = await startFakeDiscord();
  });
});
