/**
 * An in-memory OutboxStore for tests, behaving as the port documents: duplicate idempotency keys are
 * skipped, `nextDue` returns only the oldest pending delivery of each target (nothing for a target whose
 * head waits for a retry), oldest first. Methods are own properties, so a test can wrap one
 * (`{ ...outbox, markSent: failing }`) to simulate a crash.
 */
import type { Delivery, DeliveryStatus, NewDelivery, OutboxStore } from '../../src/store/alert-store.ts';
import { targetKey } from '../../src/store/alert-store.ts';

export interface MemoryOutbox extends OutboxStore {
  /** Every delivery, in the order written. */
  all(): Delivery[];
}

export function createMemoryOutbox(): MemoryOutbox {
  const rows: Delivery[] = [];
  const keys = new Set<string>();

  const row = (id: number): { index: number; delivery: Delivery } => {
    const index = rows.findIndex((delivery) => delivery.id === id);
    const delivery = rows[index];
    if (delivery === undefined) throw new Error(`memory outbox: no delivery ${id}`);
    return { index, delivery };
  };
  const update = (id: number, change: (delivery: Delivery) => Partial<Delivery>): void => {
    const { index, delivery } = row(id);
    rows[index] = { ...delivery, ...change(delivery) };
  };

  return {
    enqueue(deliveries: readonly NewDelivery[]) {
      let added = 0;
      for (const delivery of deliveries) {
        if (keys.has(delivery.idempotencyKey)) continue;
        keys.add(delivery.idempotencyKey);
        rows.push({
          ...delivery,
          id: rows.length + 1,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: null,
          platformMessageId: null,
          lastError: null,
          sentAt: null,
        });
        added += 1;
      }
      return Promise.resolve(added);
    },
    nextDue(now: string, limit: number) {
      const heads = new Map<string, Delivery>();
      for (const delivery of rows) {
        const key = targetKey(delivery.target);
        if (delivery.status === 'pending' && !heads.has(key)) heads.set(key, delivery);
      }
      const due = [...heads.values()]
        .filter((delivery) => delivery.nextAttemptAt === null || Date.parse(delivery.nextAttemptAt) <= Date.parse(now))
        .sort((a, b) => a.id - b.id)
        .slice(0, limit);
      return Promise.resolve(due);
    },
    markAttempt(id: number) {
      update(id, (delivery) => ({ attempts: delivery.attempts + 1 }));
      return Promise.resolve();
    },
    markSent(id: number, platformMessageId: string | null, at: string) {
      update(id, () => ({ status: 'sent', platformMessageId, sentAt: at, nextAttemptAt: null }));
      return Promise.resolve();
    },
    markRetry(id: number, nextAttemptAt: string, error: string) {
      update(id, () => ({ nextAttemptAt, lastError: error }));
      return Promise.resolve();
    },
    markFailed(id: number, error: string) {
      update(id, () => ({ status: 'failed', lastError: error, nextAttemptAt: null }));
      return Promise.resolve();
    },
    disableTarget(target, error: string) {
      const key = targetKey(target);
      let disabled = 0;
      rows.forEach((delivery, index) => {
        if (delivery.status !== 'pending' || targetKey(delivery.target) !== key) return;
        rows[index] = { ...delivery, status: 'disabled', lastError: error, nextAttemptAt: null };
        disabled += 1;
      });
      return Promise.resolve(disabled);
    },
    getDelivery(id: number) {
      return Promise.resolve(rows.find((delivery) => delivery.id === id));
    },
    listDeliveries(query: { readonly status?: DeliveryStatus; readonly limit: number }) {
      const matching = rows.filter((delivery) => query.status === undefined || delivery.status === query.status);
      return Promise.resolve(matching.slice(0, query.limit));
    },
    all: () => [...rows],
  };
}
