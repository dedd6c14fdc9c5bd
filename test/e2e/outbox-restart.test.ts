// A crash between a send and its mark: the next process finishes the delivery with the same idempotency key.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDeliveryWorker, type Notifier } from '../../src/alerts/delivery/index.ts';
import { alert, fakeClock, target } from '../../src/alerts/delivery/delivery-test-kit.ts';
import { silentLogger } from '../../src/domain/logger.ts';
import { createSqliteAlertStore, type SqlAlertStore } from '../../src/store/sql-alert-store.ts';
import { createSqliteStore } from '../../src/store/sqlite-store.ts';

/** A platform that, like Discord with `enforce_nonce`, posts a message once per key however often it is sent. */
function idempotentPlatform(): Notifier & { posted: string[] } {
  const seen = new Map<string, string>();
  const posted: string[] = [];
  return {
    posted,
    send(_target, message, { idempotencyKey }) {
      const existing = seen.get(idempotencyKey);
      if (existing !== undefined) return Promise.resolve({ messageId: existing });
      const id = `m${seen.size + 1}`;
      seen.set(idempotencyKey, id);
      posted.push(message.headline);
      return Promise.resolve({ messageId: id });
    },
  };
}

describe('outbox across a crash', () => {
  it('neither loses nor repeats a delivery when the process dies between send and mark', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'clausewatch-outbox-'));
    const platform = idempotentPlatform();
    const clock = fakeClock();
    const to = target('alerts');

    const first = await createSqliteStore({ dataDir });
    const firstAlerts = createSqliteAlertStore(first);
    await firstAlerts.enqueue([
      { idempotencyKey: 'e1|t', target: to, message: alert('first'), createdAt: clock.iso() },
      { idempotencyKey: 'e2|t', target: to, message: alert('second'), createdAt: clock.iso() },
    ]);
    // The process "dies" right after the platform accepted the first message: markSent never runs.
    const dying: SqlAlertStore = { ...firstAlerts, markSent: () => Promise.reject(new Error('process killed')) };
    await expect(
      createDeliveryWorker({ outbox: dying, notifiers: { discord: platform }, clock, logger: silentLogger }).runOnce(),
    ).rejects.toThrow('process killed');
    await first.close();

    const second = await createSqliteStore({ dataDir });
    const alerts = createSqliteAlertStore(second);
    const result = await createDeliveryWorker({
      outbox: alerts,
      notifiers: { discord: platform },
      clock,
      logger: silentLogger,
    }).runOnce();
    expect(result.sent).toBe(2);
    expect(platform.posted).toEqual(['first', 'second']);
    const deliveries = await alerts.listDeliveries({ limit: 10 });
    expect(deliveries.map((d) => [d.idempotencyKey, d.status, d.platformMessageId])).toEqual([
      ['e1|t', 'sent', 'm1'],
      ['e2|t', 'sent', 'm2'],
    ]);
    await second.close();
  });
});
