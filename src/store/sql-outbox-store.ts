import type { Kysely, UpdateResult } from 'kysely';
import { AppError } from '../domain/errors.ts';
import { deliveryRow, toDelivery } from './alert-rows.ts';
import { targetKey } from './alert-store.ts';
import type { OutboxStore } from './alert-store.ts';
import type { Database } from './schema.ts';

/*
 * The outbox over any Kysely database the migrations built, in portable SQL. Order is `id` order: ids are never
 * reused (`autoincrement` / identity), so a higher id was written later. A target's deliveries go out one at a
 * time: only the lowest pending id of each target is ever due, so a delivery waiting for a retry holds back the
 * ones written after it instead of letting them overtake.
 */

/** A `mark…` call named a delivery that is not there: the worker lost track of its own rows, a programmer error. */
function expectUpdated(result: UpdateResult, id: number, what: string): void {
  if (result.numUpdatedRows === 0n) {
    throw new AppError('storage_not_found', `outbox delivery ${String(id)} not found (${what})`);
  }
}

/** The `OutboxStore` over `db`. */
export function createSqlOutboxStore(db: Kysely<Database>): OutboxStore {
  return {
    async enqueue(deliveries) {
      if (deliveries.length === 0) return 0;
      // One statement per row (same SQL text each time, so SQLite reuses one prepared statement) in one
      // transaction: either every delivery of an event is written or none is.
      return db.transaction().execute(async (trx) => {
        let written = 0;
        for (const delivery of deliveries) {
          const result = await trx
            .insertInto('outbox')
            .values(deliveryRow(delivery))
            .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
            .executeTakeFirst();
          if ((result.numInsertedOrUpdatedRows ?? 0n) > 0n) written += 1;
        }
        return written;
      });
    },

    async nextDue(now, limit) {
      const heads = db
        .selectFrom('outbox')
        .select((eb) => eb.fn.min<number>('id').as('id'))
        .where('status', '=', 'pending')
        .groupBy('target_key');
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('id', 'in', heads)
        .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },

    async markAttempt(id) {
      const result = await db
        .updateTable('outbox')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .executeTakeFirst();
      expectUpdated(result, id, 'attempt');
    },

    async markSent(id, platformMessageId, at) {
      const result = await db
        .updateTable('outbox')
        .set({ status: 'sent', platform_message_id: platformMessageId, sent_at: at, next_attempt_at: null })
        .where('id', '=', id)
        .executeTakeFirst();
      expectUpdated(result, id, 'sent');
    },

    async markRetry(id, nextAttemptAt, error) {
      // Status untouched: a retry keeps a pending delivery pending, and never revives a disabled one.
      const result = await db
        .updateTable('outbox')
        .set({ next_attempt_at: nextAttemptAt, last_error: error })
        .where('id', '=', id)
        .executeTakeFirst();
      expectUpdated(result, id, 'retry');
    },

    async markFailed(id, error) {
      const result = await db
        .updateTable('outbox')
        .set({ status: 'failed', last_error: error, next_attempt_at: null })
        .where('id', '=', id)
        .executeTakeFirst();
      expectUpdated(result, id, 'failed');
    },

    async disableTarget(target, error) {
      const result = await db
        .updateTable('outbox')
        .set({ status: 'disabled', last_error: error, next_attempt_at: null })
        .where('target_key', '=', targetKey(target))
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async getDelivery(id) {
      const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toDelivery(row);
    },

    async listDeliveries(query) {
      const { status } = query;
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .$if(status !== undefined, (select) => select.where('status', '=', status ?? 'pending'))
        .orderBy('id')
        .limit(query.limit)
        .execute();
      return rows.map(toDelivery);
    },
  };
}
