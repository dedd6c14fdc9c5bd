import PQueue from 'p-queue';

/** Queues kept for channels that are idle; beyond this many, idle queues are dropped. */
const MAX_IDLE_QUEUES = 500;

/** Runs sends to one channel one after another, at most one per interval. */
export interface ChannelPacer {
  run<TResult>(channel: string, task: () => Promise<TResult>): Promise<TResult>;
}

/**
 * Slack allows about one message per second per channel (bursts are tolerated, then 429s follow), so every
 * post to a channel waits its turn in that channel's queue; different channels do not wait for each other.
 */
export function createChannelPacer(intervalMs: number): ChannelPacer {
  const queues = new Map<string, PQueue>();
  const queueFor = (channel: string): PQueue => {
    let queue = queues.get(channel);
    if (queue === undefined) {
      dropIdle(queues);
      queue = new PQueue({ concurrency: 1, interval: Math.max(intervalMs, 1), intervalCap: 1, strict: true });
      queues.set(channel, queue);
    }
    return queue;
  };
  return {
    run: (channel, task) => queueFor(channel).add(task),
  };
}

function dropIdle(queues: Map<string, PQueue>): void {
  if (queues.size < MAX_IDLE_QUEUES) return;
  for (const [channel, queue] of queues) {
    if (queue.size === 0 && queue.pending === 0) queues.delete(channel);
  }
}
