import { describeError } from '../../domain/errors.ts';
import type { Logger } from '../../domain/logger.ts';

/**
 * Makes runs never overlap (two runs could send the same head delivery twice). A call during a run gets
 * the next run, which starts when the current one ends; calls while that one waits share it.
 */
export function serialized<TResult>(run: () => Promise<TResult>): () => Promise<TResult> {
  let running: Promise<TResult> | null = null;
  let queued: Promise<TResult> | null = null;
  const start = (): Promise<TResult> => {
    running = run().finally(() => {
      running = null;
    });
    return running;
  };
  const call = (): Promise<TResult> => {
    // While a run is queued every caller shares it, even in the moment between the end of the current run
    // and the start of the queued one.
    if (queued !== null) return queued;
    if (running === null) return start();
    queued = running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return call();
      });
    return queued;
  };
  return call;
}

/** What {@link createLoop} needs. */
export interface LoopOptions {
  /** One run; its errors are logged and the loop goes on. */
  readonly run: () => Promise<void>;
  readonly intervalMs: number;
  /** Waits `ms`; must resolve at once when `signal` is or becomes aborted. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly logger: Logger;
}

/** A started and stopped loop. */
export interface Loop {
  readonly start: () => void;
  readonly stop: () => Promise<void>;
}

/** A loop that runs, sleeps `intervalMs`, and runs again until stopped; `stop` waits for the run under way. */
export function createLoop(options: LoopOptions): Loop {
  let current: { readonly controller: AbortController; readonly done: Promise<void> } | null = null;
  const loop = async (signal: AbortSignal): Promise<void> => {
    for (;;) {
      try {
        await options.run();
      } catch (error) {
        options.logger.error({ err: describeError(error) }, 'delivery run failed');
      }
      // The sleep returns at once when the signal is already aborted (see `sleep`).
      await options.sleep(options.intervalMs, signal);
      if (signal.aborted) return;
    }
  };
  return {
    start: () => {
      if (current !== null) return;
      const controller = new AbortController();
      const done = loop(controller.signal).catch((error: unknown) => {
        options.logger.error({ err: describeError(error) }, 'delivery loop stopped');
      });
      current = { controller, done };
    },
    stop: async () => {
      if (current === null) return;
      const { controller, done } = current;
      controller.abort();
      await done;
      current = null;
    },
  };
}

/** The default sleep: a timer that ends early, without throwing, when `signal` aborts. */
export function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
