import { createConsoleNotifier } from '../bots/console/console-notifier.ts';
import { createConsoleTargetNotifier } from '../bots/console/console-target-notifier.ts';
import { createDeliveryWorker } from '../alerts/delivery/index.ts';
import { sourceFailedMessage } from '../alerts/message.ts';
import { ALERTS_CHANNEL_SETTING, createAlertRouter } from '../alerts/routing/alert-router.ts';
import { runDigest } from '../alerts/routing/digest-runner.ts';
import { systemClock } from '../domain/clock.ts';
import { describeError } from '../domain/errors.ts';
import type { Platform, Target } from '../domain/subscription.ts';
import type { Notifier } from '../alerts/delivery/notifier.ts';
import { recordDeliveryNotice } from './delivery-notice.ts';
import type { Runtime } from '../main.ts';
import { createDigestScheduler } from '../scheduler/digest-scheduler.ts';
import { targetKey } from '../store/alert-store.ts';

/** Digest schedules are read again this often, so a `/digest` run from another process takes effect. */
const DIGEST_REFRESH_MS = 60_000;

export interface Alerting {
  stop(): Promise<void>;
}

/**
 * Starts everything between tracker events and chat: the console printer of raw events, the router that
 * writes matching alerts to the outbox, the delivery worker, and the digest schedules.
 */
export async function startAlerting(
  runtime: Runtime,
  io: { readonly write: (text: string) => void; readonly color: boolean },
  chatNotifiers: Partial<Record<Platform, Notifier>> = {},
): Promise<Alerting> {
  const { alerts, logger, bus } = runtime;
  const printEvent = createConsoleNotifier(io);
  // Without console subscriptions the console shows every event; with them it shows what they match.
  bus.subscribe(async (event) => {
    const consoleSubscribed = (await alerts.listActiveSubscriptions()).some((s) => s.target.platform === 'console');
    if (!consoleSubscribed || event.type === 'baseline' || event.type === 'source-error') await printEvent(event);
  });
  const worker = createDeliveryWorker({
    outbox: alerts,
    notifiers: { ...chatNotifiers, console: createConsoleTargetNotifier(io) },
    clock: systemClock,
    logger,
    onTargetDisabled: (target, reason) => targetDisabled(runtime, target, reason),
  });
  const kick = (): void => {
    worker.runOnce().catch((error: unknown) => {
      logger.error({ err: describeError(error) }, 'delivery run failed');
    });
  };
  bus.subscribe(
    createAlertRouter({ subscriptions: alerts, outbox: alerts, clock: systemClock, logger, onEnqueued: kick }),
  );
  const digestDeps = {
    subscriptions: alerts,
    events: alerts,
    outbox: alerts,
    clock: systemClock,
    logger,
    onEnqueued: kick,
  };
  const digests = createDigestScheduler({
    listDigests: () => alerts.listDigests(),
    run: (schedule) => runDigest(schedule, digestDeps),
    logger,
  });
  await digests.refresh();
  const refresh = setInterval(() => {
    digests.refresh().catch((error: unknown) => {
      logger.error({ err: describeError(error) }, 'could not read digest schedules');
    });
  }, DIGEST_REFRESH_MS);
  refresh.unref();
  worker.start();
  return {
    async stop() {
      clearInterval(refresh);
      await digests.stop();
      await worker.stop();
    },
  };
}

/**
 * A target the platform refuses for good (channel gone, DMs closed): its subscriptions are paused, not retried
 * forever, and the workspace's alerts channel hears about it.
 */
async function targetDisabled(runtime: Runtime, target: Target, reason: string): Promise<void> {
  const paused = await runtime.alerts.setPaused(target, true);
  runtime.logger.warn({ target: targetKey(target), paused, reason }, 'delivery target disabled');
  await recordDeliveryNotice(runtime.alerts, target, paused, reason);
  const channel = await runtime.alerts.getSetting(target, ALERTS_CHANNEL_SETTING);
  if (channel === undefined) return;
  const at = new Date().toISOString();
  const alertsTarget: Target = {
    platform: target.platform,
    workspaceId: target.workspaceId,
    channelId: channel,
    userId: null,
  };
  if (targetKey(alertsTarget) === targetKey(target)) return;
  const message = sourceFailedMessage({
    type: 'source-error',
    source: targetKey(target),
    vendor: 'clausewatch',
    title: 'Delivery target',
    url: '',
    at,
    code: 'target_disabled',
    message: `deliveries to ${targetKey(target)} stopped and ${paused} subscription(s) paused: ${reason}`,
    consecutiveFailures: 1,
    failing: true,
  });
  await runtime.alerts.enqueue([
    { idempotencyKey: `target-disabled|${targetKey(target)}|${at}`, target: alertsTarget, message, createdAt: at },
  ]);
}
