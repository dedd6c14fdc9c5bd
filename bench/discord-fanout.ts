// Fan-out of DM alerts through the Discord notifier and the delivery worker against the fake Discord enforcing
// N requests/s: achieved request rate vs N, 429s, and resident memory while it runs.
import { REST } from 'discord.js';
import { createDeliveryWorker } from '../src/alerts/delivery/delivery-worker.ts';
import { clauseChange, termsChanged } from '../src/alerts/alerts-test-kit.ts';
import { termsChangeMessage, type AlertMessage } from '../src/alerts/message.ts';
import { restOptions } from '../src/bots/discord/discord-client.ts';
import { createDiscordNotifier } from '../src/bots/discord/discord-notifier.ts';
import { systemClock } from '../src/domain/clock.ts';
import { silentLogger } from '../src/domain/logger.ts';
import { startFakeDiscord } from '../test/fakes/fake-discord/fake-discord.ts';
import { createMemoryOutbox } from '../test/fakes/memory-outbox.ts';

export interface DiscordFanoutOptions {
  /** DM alerts, one per user (each needs a DM channel opened first: two requests). @defaultValue 2000 */
  readonly alerts?: number;
  /** Requests per second the fake allows (N). @defaultValue 50, Discord's global limit */
  readonly ratePerSecond?: number;
  /** Delivery worker lanes. @defaultValue 4, the worker's default */
  readonly concurrency?: number;
}

export interface DiscordFanoutResult {
  readonly alerts: number;
  readonly sent: number;
  readonly ratePerSecond: number;
  /** Requests the fake accepted. */
  readonly requests: number;
  readonly rateLimited: number;
  readonly elapsedMs: number;
  /** Accepted requests per second between the first and the last. */
  readonly achievedRate: number;
  readonly rssBeforeMb: number;
  readonly rssPeakMb: number;
  readonly rssAfterMb: number;
}

/** A one-clause terms change with its Unsubscribe button, as a DM subscriber gets it. */
function dmAlert(index: number): AlertMessage {
  return termsChangeMessage(termsChanged([clauseChange({ label: `${(index % 9) + 1}.1` })]), {
    subscriptionId: index + 1,
  });
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

export async function benchDiscordFanout(options: DiscordFanoutOptions = {}): Promise<DiscordFanoutResult> {
  const alerts = options.alerts ?? 2000;
  const ratePerSecond = options.ratePerSecond ?? 50;
  const fake = await startFakeDiscord({ ratePerSecond });
  // discord.js models Discord's global limit itself; told N, it paces below the fake instead of hitting 429s.
  const rest = new REST({ ...restOptions({ apiUrl: fake.apiUrl }), globalRequestsPerSecond: ratePerSecond }).setToken(
    fake.token,
  );
  const outbox = createMemoryOutbox();
  const createdAt = new Date().toISOString();
  await outbox.enqueue(
    Array.from({ length: alerts }, (_, index) => ({
      idempotencyKey: `bench|${index}`,
      target: {
        platform: 'discord' as const,
        workspaceId: 'bench',
        channelId: null,
        userId: String(1_200_000_000_000_000_000n + BigInt(index)),
      },
      message: dmAlert(index),
      createdAt,
    })),
  );
  const worker = createDeliveryWorker({
    outbox,
    notifiers: { discord: createDiscordNotifier({ rest, logger: silentLogger }) },
    clock: systemClock,
    logger: silentLogger,
    concurrency: options.concurrency ?? 4,
    batchSize: 200,
  });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 100);
  const started = performance.now();
  let sent = 0;
  try {
    for (let round = 0; round < 20 && sent < alerts; round += 1) sent += (await worker.runOnce()).sent;
  } finally {
    clearInterval(sampler);
  }
  const elapsedMs = performance.now() - started;
  const accepted = fake.state.requests.filter((request) => request.status !== 429);
  const first = accepted[0]?.at ?? 0;
  const last = accepted.at(-1)?.at ?? first;
  const result: DiscordFanoutResult = {
    alerts,
    sent,
    ratePerSecond,
    requests: accepted.length,
    rateLimited: fake.stats.rateLimited,
    elapsedMs: Math.round(elapsedMs),
    achievedRate: Math.round(((accepted.length - 1) / Math.max(1, last - first)) * 1000 * 10) / 10,
    rssBeforeMb: mb(rssBefore),
    rssPeakMb: mb(rssPeak),
    rssAfterMb: mb(process.memoryUsage().rss),
  };
  await fake.close();
  return result;
}

export function formatDiscordFanout(result: DiscordFanoutResult): string {
  const ratio = result.achievedRate / result.ratePerSecond;
  return [
    `discord fan-out: ${result.sent}/${result.alerts} DM alerts sent in ${(result.elapsedMs / 1000).toFixed(1)} s ` +
      `(${result.requests} requests accepted, ${result.rateLimited} answered 429)`,
    `  rate: ${result.achievedRate} requests/s vs N = ${result.ratePerSecond}/s → ${ratio.toFixed(3)} N ` +
      `(target ≥ 0.9 N: ${ratio >= 0.9 ? 'met' : 'NOT met'}); 429s per request: ${(result.rateLimited / Math.max(1, result.requests)).toFixed(4)}`,
    `  memory (RSS, bot and fake in one process): ${result.rssBeforeMb} MB before, ${result.rssPeakMb} MB peak ` +
      `(${(result.rssPeakMb / result.rssBeforeMb).toFixed(2)}× before), ${result.rssAfterMb} MB after`,
  ].join('\n');
}
