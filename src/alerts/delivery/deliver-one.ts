import type { Clock } from '../../domain/clock.ts';
import { describeError } from '../../domain/errors.ts';
import type { Logger } from '../../domain/logger.ts';
import type { Target } from '../../domain/subscription.ts';
import { targetKey, type Delivery, type OutboxStore } from '../../store/alert-store.ts';
import { classifyFailure, type ClassifiedFailure } from './delivery-failure.ts';
import type { Notifier } from './notifier.ts';
import { retryDelayMs, type DeliveryRetryPolicy } from './retry-policy.ts';

/** What became of one delivery attempt. `disabled` counts every delivery of the target that was disabled. */
export type DeliveryOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'retried' }
  | { readonly kind: 'failed' }
  | { readonly kind: 'disabled'; readonly count: number };

/** What one attempt needs; the worker builds it once. */
export interface DeliverDeps {
  readonly outbox: OutboxStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly policy: DeliveryRetryPolicy;
  readonly random: () => number;
  readonly onTargetDisabled: ((target: Target, reason: string) => void | Promise<void>) | undefined;
}

/**
 * One try of one delivery: record the attempt, send with the delivery's idempotency key, record the outcome.
 * The attempt is written before the platform is called so a crash mid-send still counts it. Outbox (storage)
 * errors propagate: the worker stops rather than sending what it cannot record.
 */
export async function deliverOne(delivery: Delivery, notifier: Notifier, deps: DeliverDeps): Promise<DeliveryOutcome> {
  await deps.outbox.markAttempt(delivery.id);
  const attempts = delivery.attempts + 1;
  let messageId: string | null;
  try {
    ({ messageId } = await notifier.send(delivery.target, delivery.message, {
      idempotencyKey: delivery.idempotencyKey,
    }));
  } catch (error) {
    return handleFailure(delivery, attempts, classifyFailure(error), deps);
  }
  // Outside the try: a failing markSent is a storage error, not a failed send. The delivery stays pending
  // and the next run resends it with the same idempotency key.
  await deps.outbox.markSent(delivery.id, messageId, deps.clock.now().toISOString());
  deps.logger.debug({ delivery: delivery.id, target: targetKey(delivery.target), messageId }, 'delivery sent');
  return { kind: 'sent' };
}

async function handleFailure(
  delivery: Delivery,
  attempts: number,
  failure: ClassifiedFailure,
  deps: DeliverDeps,
): Promise<DeliveryOutcome> {
  const context = { delivery: delivery.id, target: targetKey(delivery.target), attempts, error: failure.description };
  if (!failure.wrapped) deps.logger.error(context, 'notifier threw an error it did not wrap; retrying as transient');
  switch (failure.kind) {
    case 'permanent-message':
      await deps.outbox.markFailed(delivery.id, failure.description);
      deps.logger.warn(context, 'delivery refused by the platform; skipped');
      return { kind: 'failed' };
    case 'permanent-target':
      if (attempts >= Math.min(deps.policy.targetFailureAttempts, deps.policy.maxAttempts)) {
        return disableTarget(delivery.target, failure.description, deps);
      }
      return retryOrGiveUp(delivery, attempts, failure, deps);
    case 'retryable':
      return retryOrGiveUp(delivery, attempts, failure, deps);
  }
}

async function retryOrGiveUp(
  delivery: Delivery,
  attempts: number,
  failure: ClassifiedFailure,
  deps: DeliverDeps,
): Promise<DeliveryOutcome> {
  const context = { delivery: delivery.id, target: targetKey(delivery.target), attempts, error: failure.description };
  if (attempts >= deps.policy.maxAttempts) {
    await deps.outbox.markFailed(delivery.id, `gave up after ${attempts} tries: ${failure.description}`);
    deps.logger.warn(context, 'delivery failed; giving up');
    return { kind: 'failed' };
  }
  const waitMs = retryDelayMs(attempts, deps.policy, deps.random, failure.retryAfterMs);
  const nextAttemptAt = new Date(deps.clock.now().getTime() + waitMs).toISOString();
  await deps.outbox.markRetry(delivery.id, nextAttemptAt, failure.description);
  deps.logger.warn({ ...context, nextAttemptAt }, 'delivery failed; will retry');
  return { kind: 'retried' };
}

async function disableTarget(target: Target, reason: string, deps: DeliverDeps): Promise<DeliveryOutcome> {
  const count = await deps.outbox.disableTarget(target, reason);
  deps.logger.warn({ target: targetKey(target), deliveries: count, error: reason }, 'target unusable; disabled');
  try {
    await deps.onTargetDisabled?.(target, reason);
  } catch (error) {
    // Reporting the disabled target is a side channel; its failure must not stop deliveries to other targets.
    deps.logger.error({ target: targetKey(target), err: describeError(error) }, 'onTargetDisabled failed');
  }
  return { kind: 'disabled', count };
}
