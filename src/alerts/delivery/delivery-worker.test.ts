import { describe, expect, it } from 'vitest';
import { createMemoryOutbox, type MemoryOutbox } from '../../../test/fakes/memory-outbox.ts';
import type { Target } from '../../domain/subscription.ts';
import { DeliveryFailure } from './delivery-failure.ts';
import { delivery, fakeClock, recordingLogger, scriptedNotifier, START, target } from './delivery-test-kit.ts';
import { createDeliveryWorker, type DeliveryWorkerOptions } from './delivery-worker.ts';
import type { Notifier } from './notifier.ts';

const A = target('a');
const B = target('b');

function setup(options: Partial<DeliveryWorkerOptions> = {}, notifier = scriptedNotifier()) {
  const outbox = createMemoryOutbox();
  const clock = fakeClock();
  const logger = recordingLogger();
  const disabled: { target: Target; reason: string }[] = [];
  const worker = createDeliveryWorker({
    outbox,
    notifiers: { discord: notifier },
    clock,
    logger,
    random: () => 0.5,
    onTargetDisabled: (to, reason) => {
      disabled.push({ target: to, reason });
    },
    ...options,
  });
  return { outbox, clock, logger, disabled, notifier, worker };
}

function statuses(outbox: MemoryOutbox): Record<string, string> {
  return Object.fromEntries(outbox.all().map((row) => [row.idempotencyKey, row.status]));
}

const retryable = (retryAfterMs?: number): DeliveryFailure =>
  new DeliveryFailure('retryable', 'HTTP 503 from discord', { status: 503, retryAfterMs });

describe('delivery worker', () => {
  it('sends every due delivery with its idempotency key and marks it sent with the message id', async () => {
    const { outbox, worker, notifier } = setup();
    await outbox.enqueue([delivery('a1', A), delivery('b1', B)]);

    expect(await worker.runOnce()).toEqual({ sent: 2, retried: 0, failed: 0, disabled: 0 });

    expect(notifier.calls.map((call) => [call.headline, call.idempotencyKey])).toEqual([
      ['a1', 'a1'],
      ['b1', 'b1'],
    ]);
    expect(await outbox.getDelivery(1)).toMatchObject({
      status: 'sent',
      attempts: 1,
      platformMessageId: 'm-a1',
      sentAt: START,
    });
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0, disabled: 0 });
  });

  it("sends each target's deliveries in the order written, all in one run", async () => {
    const { outbox, worker, notifier } = setup();
    await outbox.enqueue([
      delivery('a1', A),
      delivery('b1', B),
      delivery('a2', A),
      delivery('a3', A),
      delivery('b2', B),
    ]);

    expect((await worker.runOnce()).sent).toBe(5);

    const to = (channel: string): string[] =>
      notifier.calls.filter((call) => call.target.channelId === channel).map((call) => call.headline);
    expect(to('a')).toEqual(['a1', 'a2', 'a3']);
    expect(to('b')).toEqual(['b1', 'b2']);
  });

  it("holds a target's later deliveries behind a failing head, without holding other targets", async () => {
    const { outbox, worker, notifier, clock } = setup();
    notifier.script('a1', retryable());
    await outbox.enqueue([delivery('a1', A), delivery('a2', A), delivery('b1', B), delivery('b2', B)]);

    expect(await worker.runOnce()).toEqual({ sent: 2, retried: 1, failed: 0, disabled: 0 });
    expect(statuses(outbox)).toEqual({ a1: 'pending', a2: 'pending', b1: 'sent', b2: 'sent' });

    // Not due yet: the run changes nothing.
    expect(await worker.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0, disabled: 0 });
    clock.advance(2_000);
    expect(await worker.runOnce()).toEqual({ sent: 2, retried: 0, failed: 0, disabled: 0 });
    expect(notifier.posted).toEqual(['b1', 'b2', 'a1', 'a2']);
  });

  it('backs off exponentially with jitter between half and all of the backoff', async () => {
    let random = 0;
    const { outbox, worker, notifier, clock } = setup({ random: () => random });
    notifier.script('a1', retryable(), retryable(), retryable());
    await outbox.enqueue([delivery('a1', A)]);
    const waits: number[] = [];
    for (const draw of [0, 0.999_999, 0.5]) {
      random = draw;
      await worker.runOnce();
      const row = await outbox.getDelivery(1);
      const wait = Date.parse(row?.nextAttemptAt ?? '') - clock.now().getTime();
      waits.push(wait);
      clock.advance(wait);
    }
    // 2 s × 2^(try−1), drawn from [½, 1] of it: 1 s (draw 0), 4 s (draw ≈ 1), 6 s (draw ½ of 8 s).
    expect(waits).toEqual([1_000, 4_000, 6_000]);
    expect(await outbox.getDelivery(1)).toMatchObject({
      attempts: 3,
      lastError: 'delivery_unavailable: HTTP 503 from discord',
    });
  });

  it("honours the platform's retry-after, even beyond the longest backoff", async () => {
    const { outbox, worker, notifier, clock } = setup({ policy: { maxDelayMs: 10_000 } });
    notifier.script('a1', retryable(60_000));
    await outbox.enqueue([delivery('a1', A)]);

    expect((await worker.runOnce()).retried).toBe(1);
    expect((await outbox.getDelivery(1))?.nextAttemptAt).toBe('2025-04-02T08:01:00.000Z');
    clock.advance(59_999);
    expect((await worker.runOnce()).sent).toBe(0);
    clock.advance(1);
    expect((await worker.runOnce()).sent).toBe(1);
  });

  it('fails a delivery after maxAttempts retryable failures and moves on to the next', async () => {
    const { outbox, worker, notifier, clock } = setup({ policy: { maxAttempts: 3 } });
    notifier.script('a1', retryable(), retryable(), retryable());
    await outbox.enqueue([delivery('a1', A), delivery('a2', A)]);

    const results = [];
    for (let run = 0; run < 3; run += 1) {
      results.push(await worker.runOnce());
      clock.advance(60_000);
    }

    expect(results).toEqual([
      { sent: 0, retried: 1, failed: 0, disabled: 0 },
      { sent: 0, retried: 1, failed: 0, disabled: 0 },
      { sent: 1, retried: 0, failed: 1, disabled: 0 },
    ]);
    expect(await outbox.getDelivery(1)).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'gave up after 3 tries: delivery_unavailable: HTTP 503 from discord',
    });
    expect(notifier.posted).toEqual(['a2']);
  });

  it('disables a target that fails permanently and reports it, leaving other targets alone', async () => {
    const { outbox, worker, notifier, disabled } = setup();
    notifier.script(
      'a1',
      new DeliveryFailure('permanent-target', 'Unknown Channel', { code: 'discord_unknown_channel' }),
    );
    await outbox.enqueue([delivery('a1', A), delivery('a2', A), delivery('b1', B)]);

    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0, disabled: 2 });

    expect(statuses(outbox)).toEqual({ a1: 'disabled', a2: 'disabled', b1: 'sent' });
    expect(disabled).toEqual([{ target: A, reason: 'discord_unknown_channel: Unknown Channel' }]);
    expect(notifier.calls.map((call) => call.headline)).toEqual(['a1', 'b1']);
  });

  it('keeps delivering when the disabled-target callback throws', async () => {
    const { outbox, worker, notifier, logger } = setup({
      onTargetDisabled: () => Promise.reject(new Error('alerts channel unreachable')),
    });
    notifier.script('a1', new DeliveryFailure('permanent-target', 'DMs closed'));
    await outbox.enqueue([delivery('a1', A), delivery('b1', B)]);

    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0, disabled: 1 });
    expect(logger.lines.filter((line) => line.level === 'error').map((line) => line.message)).toEqual([
      'onTargetDisabled failed',
    ]);
  });

  it('can require several permanent-target failures before disabling', async () => {
    const { outbox, worker, notifier, clock, disabled } = setup({ policy: { targetFailureAttempts: 2 } });
    const gone = (): DeliveryFailure => new DeliveryFailure('permanent-target', 'Missing Access');
    notifier.script('a1', gone(), gone());
    await outbox.enqueue([delivery('a1', A)]);

    expect((await worker.runOnce()).retried).toBe(1);
    expect(disabled).toEqual([]);
    clock.advance(2_000);
    expect((await worker.runOnce()).disabled).toBe(1);
    expect(disabled).toHaveLength(1);
  });

  it('fails only the refused message and sends the next one of the target in the same run', async () => {
    const { outbox, worker, notifier, disabled } = setup();
    notifier.script('a1', new DeliveryFailure('permanent-message', 'Request entity too large', { status: 413 }));
    await outbox.enqueue([delivery('a1', A), delivery('a2', A)]);

    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 1, disabled: 0 });
    expect(await outbox.getDelivery(1)).toMatchObject({
      status: 'failed',
      lastError: 'message_refused: Request entity too large',
    });
    expect(notifier.posted).toEqual(['a2']);
    expect(disabled).toEqual([]);
  });

  it('retries errors a notifier did not wrap, and logs them as errors', async () => {
    const { outbox, worker, notifier, logger } = setup();
    notifier.script('a1', new TypeError('fetch failed'));
    await outbox.enqueue([delivery('a1', A)]);

    expect((await worker.runOnce()).retried).toBe(1);
    expect(await outbox.getDelivery(1)).toMatchObject({ status: 'pending', lastError: 'unexpected: fetch failed' });
    expect(logger.lines.some((line) => line.level === 'error' && line.message.includes('did not wrap'))).toBe(true);
  });

  it('leaves deliveries of a platform without a notifier pending, logging it once', async () => {
    const { outbox, worker, logger } = setup();
    const slack = (channel: string): Target => target(channel, 'slack');
    await outbox.enqueue([delivery('s1', slack('s')), delivery('s2', slack('t')), delivery('a1', A)]);

    expect(await worker.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0, disabled: 0 });
    await worker.runOnce();

    expect(statuses(outbox)).toEqual({ s1: 'pending', s2: 'pending', a1: 'sent' });
    expect(logger.lines.filter((line) => line.message.includes('no notifier'))).toHaveLength(1);
  });

  it('does not let stuck targets crowd out others beyond the batch size', async () => {
    const { outbox, worker } = setup({ batchSize: 2 });
    await outbox.enqueue([
      delivery('s1', target('s1', 'slack')),
      delivery('s2', target('s2', 'slack')),
      delivery('s3', target('s3', 'slack')),
      ...['c', 'd', 'e', 'f', 'g'].map((channel) => delivery(channel, target(channel))),
    ]);

    expect((await worker.runOnce()).sent).toBe(5);
  });

  it('serves at most `concurrency` targets at once', async () => {
    let inFlight = 0;
    let most = 0;
    const slow: Notifier = {
      async send() {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        return { messageId: null };
      },
    };
    const { outbox, worker } = setup({ notifiers: { discord: slow }, concurrency: 2 });
    await outbox.enqueue(['a', 'b', 'c', 'd', 'e'].map((channel) => delivery(channel, target(channel))));

    expect((await worker.runOnce()).sent).toBe(5);
    expect(most).toBe(2);
  });
});

describe('a crash between send and markSent', () => {
  it('is finished by a fresh worker with the same idempotency key, and the platform posts once', async () => {
    const outbox = createMemoryOutbox();
    const platform = scriptedNotifier({ idempotent: true });
    const clock = fakeClock();
    await outbox.enqueue([delivery('a1', A), delivery('a2', A)]);
    const crashing = {
      ...outbox,
      markSent: () => Promise.reject(new Error('SQLITE_IOERR: disk I/O error')),
    };
    const first = createDeliveryWorker({
      outbox: crashing,
      notifiers: { discord: platform },
      clock,
      logger: recordingLogger(),
    });

    await expect(first.runOnce()).rejects.toThrow('SQLITE_IOERR');
    expect(statuses(outbox)).toEqual({ a1: 'pending', a2: 'pending' });

    // The restarted process: same outbox, a new worker.
    const second = createDeliveryWorker({ outbox, notifiers: { discord: platform }, clock, logger: recordingLogger() });
    expect(await second.runOnce()).toEqual({ sent: 2, retried: 0, failed: 0, disabled: 0 });

    expect(platform.calls.map((call) => call.idempotencyKey)).toEqual(['a1', 'a1', 'a2']);
    expect(platform.posted).toEqual(['a1', 'a2']);
    expect(await outbox.getDelivery(1)).toMatchObject({ status: 'sent', attempts: 2, platformMessageId: 'm-a1' });
  });

  it('stops starting new sends after a storage error, so nothing is sent that cannot be recorded', async () => {
    const outbox = createMemoryOutbox();
    const platform = scriptedNotifier();
    await outbox.enqueue(['a', 'b', 'c'].map((channel) => delivery(channel, target(channel))));
    const crashing = { ...outbox, markSent: () => Promise.reject(new Error('disk full')) };
    const worker = createDeliveryWorker({
      outbox: crashing,
      notifiers: { discord: platform },
      clock: fakeClock(),
      logger: recordingLogger(),
      concurrency: 1,
    });

    await expect(worker.runOnce()).rejects.toThrow('disk full');
    expect(platform.calls.map((call) => call.headline)).toEqual(['a']);
  });
});

describe('running', () => {
  it('never overlaps runs: a call during a run waits for it and sends nothing twice', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const sent: string[] = [];
    const gated: Notifier = {
      async send(_to, message) {
        await gate;
        sent.push(message.headline);
        return { messageId: null };
      },
    };
    const { outbox, worker } = setup({ notifiers: { discord: gated } });
    await outbox.enqueue([delivery('a1', A)]);

    const first = worker.runOnce();
    const second = worker.runOnce();
    const third = worker.runOnce();
    release();

    expect(await first).toMatchObject({ sent: 1 });
    expect(await second).toMatchObject({ sent: 0 });
    expect(third).toBe(second);
    expect(sent).toEqual(['a1']);
  });

  it('runs at start, then after every interval, and stop waits for the run under way', async () => {
    const sleeps: number[] = [];
    let wake = (): void => undefined;
    const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
      new Promise((resolve) => {
        sleeps.push(ms);
        wake = resolve;
        signal.addEventListener('abort', () => {
          resolve();
        });
      });
    const { outbox, worker, notifier } = setup({ sleep, pollIntervalMs: 5_000 });
    await outbox.enqueue([delivery('a1', A)]);

    worker.start();
    await until(() => sleeps.length === 1);
    expect(notifier.posted).toEqual(['a1']);

    await outbox.enqueue([delivery('a2', A)]);
    wake();
    await until(() => sleeps.length === 2);
    expect(notifier.posted).toEqual(['a1', 'a2']);
    expect(sleeps).toEqual([5_000, 5_000]);

    await worker.stop();
    await outbox.enqueue([delivery('a3', A)]);
    wake();
    await new Promise((resolve) => setImmediate(resolve));
    expect(notifier.posted).toEqual(['a1', 'a2']);
  });

  it('logs a failed run and keeps looping', async () => {
    let wake = (): void => undefined;
    let sleeps = 0;
    const sleep = (_ms: number, signal: AbortSignal): Promise<void> =>
      new Promise((resolve) => {
        sleeps += 1;
        wake = resolve;
        signal.addEventListener('abort', () => {
          resolve();
        });
      });
    const outbox = createMemoryOutbox();
    let broken = true;
    const flaky = {
      ...outbox,
      nextDue: (now: string, limit: number) =>
        broken ? Promise.reject(new Error('database is locked')) : outbox.nextDue(now, limit),
    };
    const notifier = scriptedNotifier();
    const logger = recordingLogger();
    const worker = createDeliveryWorker({
      outbox: flaky,
      notifiers: { discord: notifier },
      clock: fakeClock(),
      logger,
      sleep,
    });
    await outbox.enqueue([delivery('a1', A)]);

    worker.start();
    await until(() => sleeps === 1);
    expect(logger.lines.map((line) => line.message)).toContain('delivery run failed');
    broken = false;
    wake();
    await until(() => sleeps === 2);
    expect(notifier.posted).toEqual(['a1']);
    await worker.stop();
  });
});

/** Lets pending promise callbacks run until `done` holds; no timers, no real waiting. */
async function until(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1_000 && !done(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}
