import { describe, expect, it } from 'vitest';
import { delivery, START, target } from '../../src/alerts/delivery/delivery-test-kit.ts';
import { createMemoryOutbox } from './memory-outbox.ts';

const A = target('a');
const B = target('b');
const LATER = '2025-04-02T09:00:00.000Z';

describe('memory outbox (the OutboxStore contract the delivery worker relies on)', () => {
  it('skips keys already written, in the store and within one batch', async () => {
    const outbox = createMemoryOutbox();
    expect(await outbox.enqueue([delivery('k1', A), delivery('k1', B), delivery('k2', A)])).toBe(2);
    expect(await outbox.enqueue([delivery('k2', B), delivery('k3', B)])).toBe(1);
    expect(outbox.all().map((row) => [row.id, row.idempotencyKey, row.target.channelId])).toEqual([
      [1, 'k1', 'a'],
      [2, 'k2', 'a'],
      [3, 'k3', 'b'],
    ]);
  });

  it('returns only the oldest pending delivery of each target, oldest first, up to the limit', async () => {
    const outbox = createMemoryOutbox();
    await outbox.enqueue([delivery('a1', A), delivery('b1', B), delivery('a2', A), delivery('c1', target('c'))]);
    expect((await outbox.nextDue(START, 10)).map((row) => row.idempotencyKey)).toEqual(['a1', 'b1', 'c1']);
    expect((await outbox.nextDue(START, 2)).map((row) => row.idempotencyKey)).toEqual(['a1', 'b1']);
    await outbox.markSent(1, 'm1', START);
    expect((await outbox.nextDue(START, 10)).map((row) => row.idempotencyKey)).toEqual(['b1', 'a2', 'c1']);
  });

  it('returns nothing for a target whose head waits for a retry, until it is due', async () => {
    const outbox = createMemoryOutbox();
    await outbox.enqueue([delivery('a1', A), delivery('a2', A)]);
    await outbox.markAttempt(1);
    await outbox.markRetry(1, LATER, 'HTTP 503');
    expect(await outbox.nextDue(START, 10)).toEqual([]);
    expect(await outbox.nextDue(LATER, 10)).toMatchObject([
      { id: 1, attempts: 1, lastError: 'HTTP 503', nextAttemptAt: LATER },
    ]);
  });

  it('disables only the pending deliveries of a target', async () => {
    const outbox = createMemoryOutbox();
    await outbox.enqueue([delivery('a1', A), delivery('a2', A), delivery('a3', A), delivery('b1', B)]);
    await outbox.markSent(1, null, START);
    await outbox.markFailed(2, 'too large');
    expect(await outbox.disableTarget(A, 'Unknown Channel')).toBe(1);
    expect((await outbox.listDeliveries({ limit: 10 })).map((row) => [row.idempotencyKey, row.status])).toEqual([
      ['a1', 'sent'],
      ['a2', 'failed'],
      ['a3', 'disabled'],
      ['b1', 'pending'],
    ]);
    expect(await outbox.listDeliveries({ status: 'disabled', limit: 10 })).toMatchObject([
      { lastError: 'Unknown Channel' },
    ]);
  });
});
