// Politeness per host: at most N requests in flight and a minimum gap between request starts; hosts are independent.
import { setTimeout as delay } from 'node:timers/promises';

export interface HostLimiterOptions {
  /** Requests in flight at once per host. @defaultValue 2 */
  readonly concurrency?: number | undefined;
  /** Minimum time between two request starts to one host. @defaultValue 500 */
  readonly spacingMs?: number | undefined;
  /** Monotonic milliseconds. @defaultValue performance.now */
  readonly now?: (() => number) | undefined;
}

/** Runs tasks under per-host limits. */
export interface HostLimiter {
  /** Runs `task` once `host` has a free slot and its spacing has passed; resolves or rejects with the task. */
  run<TResult>(host: string, task: () => Promise<TResult>): Promise<TResult>;
}

interface HostState {
  active: number;
  readonly waiting: (() => void)[];
  /** Earliest start time of the next request. */
  nextStartAt: number;
}

// Idle hosts are forgotten once this many are tracked, so redirect targets cannot grow the map forever.
const SWEEP_THRESHOLD = 256;

/** Creates a limiter; FIFO per host, no limit across hosts. */
export function createHostLimiter(options: HostLimiterOptions = {}): HostLimiter {
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const spacingMs = Math.max(0, options.spacingMs ?? 500);
  const now = options.now ?? (() => performance.now());
  const hosts = new Map<string, HostState>();

  const stateOf = (host: string): HostState => {
    let state = hosts.get(host);
    if (state === undefined) {
      if (hosts.size >= SWEEP_THRESHOLD) sweep(hosts, now());
      state = { active: 0, waiting: [], nextStartAt: 0 };
      hosts.set(host, state);
    }
    return state;
  };

  const acquire = async (state: HostState): Promise<void> => {
    if (state.active < concurrency) state.active += 1;
    else await new Promise<void>((resolve) => state.waiting.push(resolve));
    if (spacingMs === 0) return;
    // The gap is measured from the previous request's actual start: a late timer must not shrink the next gap,
    // and timers run on the loop's cached clock, so re-check after each wait.
    for (let wait = state.nextStartAt - now(); wait > 0; wait = state.nextStartAt - now()) {
      await delay(Math.ceil(wait));
    }
    state.nextStartAt = now() + spacingMs;
  };

  // A finished task hands its slot straight to the next waiter, so `active` only drops when nobody waits.
  const release = (state: HostState): void => {
    const next = state.waiting.shift();
    if (next === undefined) state.active -= 1;
    else next();
  };

  return {
    async run(host, task) {
      const state = stateOf(host);
      await acquire(state);
      try {
        return await task();
      } finally {
        release(state);
      }
    },
  };
}

function sweep(hosts: Map<string, HostState>, current: number): void {
  for (const [host, state] of hosts) {
    if (state.active === 0 && state.nextStartAt <= current) hosts.delete(host);
  }
}
