import type { Clock } from '../../domain/clock.ts';
import type { Logger } from '../../domain/logger.ts';
import type { Platform, Target } from '../../domain/subscription.ts';
import { targetKey, type Delivery, type OutboxStore } from '../../store/alert-store.ts';
import { deliverOne, type DeliverDeps, type DeliveryOutcome } from './deliver-one.ts';
import { createNotifierRegistry, type Notifier, type NotifierRegistry } from './notifier.ts';
import { DEFAULT_DELIVERY_POLICY, type DeliveryRetryPolicy } from './retry-policy.ts';
import { createLoop, serialized, sleepUnlessAborted } from './worker-loop.ts';

/** Options of {@link createDeliveryWorker}. */
export interface DeliveryWorkerOptions {
  readonly outbox: OutboxStore;
  /** One notifier per platform; deliveries to a platform without one stay pending. */
  readonly notifiers: Partial<Record<Platform, Notifier>>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Waits between runs of the loop; must resolve early when `signal` aborts. @defaultValue a timer */
  readonly sleep?: ((ms: number, signal: AbortSignal) => Promise<void>) | undefined;
  /** Returns [0, 1); spreads retries (see the retry table). @defaultValue Math.random */
  readonly random?: (() => number) | undefined;
  /** @defaultValue {@link DEFAULT_DELIVERY_POLICY} */
  readonly policy?: Partial<DeliveryRetryPolicy> | undefined;
  /**
   * Told when a target failed permanently and its pending deliveries were disabled, e.g. to report it on
   * the alerts channel and pause DM subscriptions. Its errors are logged, never rethrown.
   */
  readonly onTargetDisabled?: ((target: Target, reason: string) => void | Promise<void>) | undefined;
  /** Targets served at once. @defaultValue 4 */
  readonly concurrency?: number | undefined;
  /** Pause between runs of the loop started by `start()`. @defaultValue 2000 */
  readonly pollIntervalMs?: number | undefined;
  /** Deliveries asked of the outbox at a time. @defaultValue 50 */
  readonly batchSize?: number | undefined;
}

/** How many deliveries a run sent, scheduled for retry, failed, and disabled (with their target). */
export interface DeliveryRunResult {
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
  readonly disabled: number;
}

/** Sends what the outbox holds. */
export interface DeliveryWorker {
  /**
   * Delivers everything due now: each target's deliveries in the order written, one at a time; different
   * targets concurrently. A delivery is tried at most once per run. Runs never overlap: a call during a run
   * resolves with a run started after it. Rejects on outbox (storage) errors.
   */
  runOnce(): Promise<DeliveryRunResult>;
  /** Runs now and then every `pollIntervalMs` until stopped; a failed run is logged and the loop goes on. */
  start(): void;
  /** Stops the loop and resolves once the run under way has finished. */
  stop(): Promise<void>;
}

/**
 * The delivery worker of the outbox: per delivery markAttempt → notifier.send (with the delivery's
 * idempotency key) → markSent, and on failure retry with backoff, give up, or disable the target as the
 * failure's kind says (see the table in `retry-policy.ts`).
 */
export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const registry = createNotifierRegistry(options.notifiers);
  const deps: DeliverDeps = {
    outbox: options.outbox,
    clock: options.clock,
    logger: options.logger,
    policy: { ...DEFAULT_DELIVERY_POLICY, ...options.policy },
    random: options.random ?? Math.random,
    onTargetDisabled: options.onTargetDisabled,
  };
  const settings = {
    concurrency: Math.max(1, options.concurrency ?? 4),
    batchSize: Math.max(1, options.batchSize ?? 50),
    pollIntervalMs: options.pollIntervalMs ?? 2_000,
  };
  const serve = servingNotifier(registry, options.logger);
  const runOnce = serialized(() => runAll(options.outbox, deps, settings, serve));
  const loop = createLoop({
    run: async () => {
      const result = await runOnce();
      if (result.sent + result.retried + result.failed + result.disabled > 0) {
        options.logger.info({ ...result }, 'delivery run');
      }
    },
    intervalMs: settings.pollIntervalMs,
    sleep: options.sleep ?? sleepUnlessAborted,
    logger: options.logger,
  });
  return { runOnce, start: loop.start, stop: loop.stop };
}

/** The notifier for a delivery, or undefined (logged once per platform) when its platform has none. */
function servingNotifier(registry: NotifierRegistry, logger: Logger): (delivery: Delivery) => Notifier | undefined {
  const reported = new Set<Platform>();
  return (delivery) => {
    const notifier = registry.notifierFor(delivery.target.platform);
    if (notifier === undefined && !reported.has(delivery.target.platform)) {
      reported.add(delivery.target.platform);
      logger.warn(
        { platform: delivery.target.platform, delivery: delivery.id },
        'no notifier for this platform; its deliveries stay pending',
      );
    }
    return notifier;
  };
}

/**
 * One run: asks the outbox for the head delivery of each target, serves them, and asks again until nothing
 * new is due. Heads left pending in this run (retried, or no notifier) are skipped on the next asks, and the
 * limit grows by their number so they cannot crowd out targets behind them.
 */
async function runAll(
  outbox: OutboxStore,
  deps: DeliverDeps,
  settings: { readonly concurrency: number; readonly batchSize: number },
  serve: (delivery: Delivery) => Notifier | undefined,
): Promise<DeliveryRunResult> {
  const tally = { sent: 0, retried: 0, failed: 0, disabled: 0 };
  const seen = new Set<number>();
  let leftPending = 0;
  for (;;) {
    const due = await outbox.nextDue(deps.clock.now().toISOString(), settings.batchSize + leftPending);
    const batch = onePerTarget(due.filter((delivery) => !seen.has(delivery.id)));
    if (batch.length === 0) return tally;
    for (const delivery of batch) seen.add(delivery.id);
    await forEachLimited(batch, settings.concurrency, async (delivery) => {
      const notifier = serve(delivery);
      if (notifier === undefined) {
        leftPending += 1;
        return;
      }
      const outcome = await deliverOne(delivery, notifier, deps);
      if (outcome.kind === 'retried') leftPending += 1;
      count(tally, outcome);
    });
  }
}

/** The outbox promises one delivery per target; this guards the per-target order should it return more. */
function onePerTarget(deliveries: readonly Delivery[]): Delivery[] {
  const targets = new Set<string>();
  return deliveries.filter((delivery) => {
    const key = targetKey(delivery.target);
    if (targets.has(key)) return false;
    targets.add(key);
    return true;
  });
}

function count(
  tally: { sent: number; retried: number; failed: number; disabled: number },
  outcome: DeliveryOutcome,
): void {
  if (outcome.kind === 'disabled') tally.disabled += outcome.count;
  else tally[outcome.kind] += 1;
}

/**
 * Runs `work` for every item, at most `limit` at once. After the first error no new item starts; the
 * error is rethrown once the items under way have finished, so no send is left running unobserved.
 */
async function forEachLimited<TItem>(
  items: readonly TItem[],
  limit: number,
  work: (item: TItem) => Promise<void>,
): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const lane = async (): Promise<void> => {
    while (errors.length === 0 && next < items.length) {
      const item = items[next] as TItem;
      next += 1;
      try {
        await work(item);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (errors.length > 0) throw errors[0];
}
