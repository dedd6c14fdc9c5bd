import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import { channel, delivery, dm, message } from './alert-store-test-kit.ts';
import type { Delivery, OutboxStore } from './alert-store.ts';
import { createSqliteAlertStore } from './sql-alert-store.ts';
import { createTempStores } from './store-test-kit.ts';
import type { TempStores } from './store-test-kit.ts';

let stores: TempStores;
let outbox: OutboxStore;

beforeEach(async () => {
  stores = await createTempStores();
  outbox = createSqliteAlertStore(await stores.open());
});

afterEach(() => stores.cleanup());

const NOW = '2025-01-01T12:00:00.000Z';
const keys = (deliveries: readonly Delivery[]): string[] => deliveries.map((entry) => entry.idempotencyKey);

/** Enqueues deliveries and returns their ids by key. */
async function enqueued(...deliveries: ReturnType<typeof delivery>[]): Promise<Map<string, number>> {
  await outbox.enqueue(deliveries);
  const stored = await outbox.listDeliveries({ limit: 100 });
  return new Map(stored.map((entry) => [entry.idempotencyKey, entry.id]));
}

function idOf(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`no delivery ${key}`);
  return id;
}

describe('enqueue', () => {
  it('writes new deliveries and skips keys already present, keeping the first message', async () => {
    expect(await outbox.enqueue([delivery('e1|a', channel('c1')), delivery('e1|b', dm('u1'))])).toBe(2);
    const again = { ...delivery('e1|a', channel('c1')), message: message('a second version') };
    expect(await outbox.enqueue([again, delivery('e2|a', channel('c1'))])).toBe(1);
    expect(await outbox.enqueue([delivery('e3|a', channel('c1')), delivery('e3|a', channel('c1'))])).toBe(1);
    expect(await outbox.enqueue([])).toBe(0);
    const stored = await outbox.listDeliveries({ limit: 10 });
    expect(keys(stored)).toEqual(['e1|a', 'e1|b', 'e2|a', 'e3|a']);
    expect(stored[0]?.message.headline).toBe('e1|a');
  });

  it('stores the whole delivery, pending, not yet tried', async () => {
    await outbox.enqueue([delivery('e1|dm', dm('u1'), '2025-01-01T10:00:00.000Z')]);
    const [stored] = await outbox.listDeliveries({ limit: 1 });
    expect(stored).toEqual({
      id: 1,
      idempotencyKey: 'e1|dm',
      target: { platform: 'discord', workspaceId: 'guild-1', channelId: null, userId: 'u1' },
      message: message('e1|dm'),
      createdAt: '2025-01-01T10:00:00.000Z',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: null,
      platformMessageId: null,
      lastError: null,
      sentAt: null,
    });
    expect(await outbox.getDelivery(1)).toEqual(stored);
    expect(await outbox.getDelivery(2)).toBeUndefined();
  });
});

describe('nextDue', () => {
  it('returns the oldest pending delivery of each target, oldest first, at most `limit`', async () => {
    await enqueued(
      delivery('1|c1', channel('c1')),
      delivery('2|c2', channel('c2')),
      delivery('3|c1', channel('c1')),
      delivery('4|u1', dm('u1')),
      delivery('5|c2', channel('c2')),
    );
    expect(keys(await outbox.nextDue(NOW, 10))).toEqual(['1|c1', '2|c2', '4|u1']);
    expect(keys(await outbox.nextDue(NOW, 2))).toEqual(['1|c1', '2|c2']);
  });

  it('moves on to a target’s next delivery once the first is sent or failed', async () => {
    const ids = await enqueued(
      delivery('1|c1', channel('c1')),
      delivery('2|c1', channel('c1')),
      delivery('3|c1', channel('c1')),
    );
    await outbox.markSent(idOf(ids, '1|c1'), 'm1', NOW);
    expect(keys(await outbox.nextDue(NOW, 10))).toEqual(['2|c1']);
    await outbox.markFailed(idOf(ids, '2|c1'), 'HTTP 400: bad embed');
    expect(keys(await outbox.nextDue(NOW, 10))).toEqual(['3|c1']);
  });

  it('holds back a whole target while its oldest delivery waits for a retry, so nothing overtakes it', async () => {
    const ids = await enqueued(
      delivery('1|c1', channel('c1')),
      delivery('2|c1', channel('c1')),
      delivery('3|c2', channel('c2')),
    );
    await outbox.markRetry(idOf(ids, '1|c1'), '2025-01-01T12:05:00.000Z', 'HTTP 429');
    expect(keys(await outbox.nextDue(NOW, 10))).toEqual(['3|c2']);
    expect(keys(await outbox.nextDue('2025-01-01T12:04:59.999Z', 10))).toEqual(['3|c2']);
    expect(keys(await outbox.nextDue('2025-01-01T12:05:00.000Z', 10))).toEqual(['1|c1', '3|c2']);
  });

  it('returns nothing when nothing is pending', async () => {
    const ids = await enqueued(delivery('1|c1', channel('c1')));
    await outbox.markSent(idOf(ids, '1|c1'), null, NOW);
    expect(await outbox.nextDue(NOW, 10)).toEqual([]);
  });
});

describe('marking', () => {
  it('counts attempts, then records the send with the platform’s message id', async () => {
    const ids = await enqueued(delivery('1|c1', channel('c1')));
    const id = idOf(ids, '1|c1');
    await outbox.markAttempt(id);
    await outbox.markRetry(id, '2025-01-01T12:00:10.000Z', 'HTTP 503');
    expect(await outbox.getDelivery(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: '2025-01-01T12:00:10.000Z',
      lastError: 'HTTP 503',
    });
    await outbox.markAttempt(id);
    await outbox.markSent(id, '1234567890', '2025-01-01T12:00:11.000Z');
    expect(await outbox.getDelivery(id)).toMatchObject({
      status: 'sent',
      attempts: 2,
      nextAttemptAt: null,
      platformMessageId: '1234567890',
      sentAt: '2025-01-01T12:00:11.000Z',
    });
  });

  it('gives up on one delivery: failed, with the error', async () => {
    const ids = await enqueued(delivery('1|c1', channel('c1')));
    await outbox.markFailed(idOf(ids, '1|c1'), 'HTTP 400: message too long');
    expect(await outbox.getDelivery(idOf(ids, '1|c1'))).toMatchObject({
      status: 'failed',
      lastError: 'HTTP 400: message too long',
      sentAt: null,
    });
    expect(keys(await outbox.listDeliveries({ status: 'failed', limit: 10 }))).toEqual(['1|c1']);
    expect(await outbox.listDeliveries({ status: 'pending', limit: 10 })).toEqual([]);
  });

  it('disables every pending delivery of a target, leaving sent ones and other targets alone', async () => {
    const ids = await enqueued(
      delivery('1|u1', dm('u1')),
      delivery('2|u1', dm('u1')),
      delivery('3|u1', dm('u1')),
      delivery('4|u2', dm('u2')),
    );
    await outbox.markSent(idOf(ids, '1|u1'), 'm1', NOW);
    expect(await outbox.disableTarget(dm('u1'), 'Cannot send messages to this user')).toBe(2);
    expect(keys(await outbox.listDeliveries({ status: 'disabled', limit: 10 }))).toEqual(['2|u1', '3|u1']);
    expect(await outbox.getDelivery(idOf(ids, '3|u1'))).toMatchObject({
      lastError: 'Cannot send messages to this user',
    });
    expect((await outbox.getDelivery(idOf(ids, '1|u1')))?.status).toBe('sent');
    expect(keys(await outbox.nextDue(NOW, 10))).toEqual(['4|u2']);
    expect(await outbox.disableTarget(dm('u1'), 'again')).toBe(0);
  });

  it('throws on a delivery that is not there: the worker lost track of its rows', async () => {
    const missing = expect.objectContaining({ code: 'storage_not_found' }) as unknown;
    await expect(outbox.markAttempt(99)).rejects.toBeInstanceOf(AppError);
    await expect(outbox.markSent(99, null, NOW)).rejects.toEqual(missing);
    await expect(outbox.markRetry(99, NOW, 'x')).rejects.toEqual(missing);
    await expect(outbox.markFailed(99, 'x')).rejects.toEqual(missing);
  });

  it('lists deliveries in the order written, by status, at most `limit`', async () => {
    const ids = await enqueued(
      delivery('1|c1', channel('c1')),
      delivery('2|c2', channel('c2')),
      delivery('3|c3', channel('c3')),
    );
    await outbox.markSent(idOf(ids, '2|c2'), null, NOW);
    expect(keys(await outbox.listDeliveries({ limit: 2 }))).toEqual(['1|c1', '2|c2']);
    expect(keys(await outbox.listDeliveries({ status: 'pending', limit: 10 }))).toEqual(['1|c1', '3|c3']);
    expect(keys(await outbox.listDeliveries({ status: 'sent', limit: 10 }))).toEqual(['2|c2']);
  });
});

describe('across a restart', () => {
  it('a delivery attempted but never marked sent is due again after reopening, once, with its attempt counted', async () => {
    const first = await stores.open();
    const before = createSqliteAlertStore(first);
    await before.enqueue([delivery('1|c1', channel('c1')), delivery('2|c1', channel('c1'))]);
    const [due] = await before.nextDue(NOW, 10);
    if (due === undefined) throw new Error('nothing due');
    await before.markAttempt(due.id);
    await stores.close(first); // the process dies between the platform call and markSent

    const after = createSqliteAlertStore(await stores.open());
    expect(await after.enqueue([delivery('1|c1', channel('c1'))])).toBe(0); // the event replayed: no second copy
    const again = await after.nextDue(NOW, 10);
    expect(again).toEqual([{ ...due, attempts: 1 }]);
  });
});
