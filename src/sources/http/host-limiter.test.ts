import { describe, expect, it } from 'vitest';
import { createHostLimiter } from './host-limiter.ts';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function tracker() {
  const inFlight = new Map<string, number>();
  const peak = new Map<string, number>();
  let total = 0;
  let totalPeak = 0;
  const task = (host: string, ms: number) => async (): Promise<string> => {
    const now = (inFlight.get(host) ?? 0) + 1;
    inFlight.set(host, now);
    peak.set(host, Math.max(peak.get(host) ?? 0, now));
    total += 1;
    totalPeak = Math.max(totalPeak, total);
    await wait(ms);
    total -= 1;
    inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
    return host;
  };
  return { task, peak, totalPeak: () => totalPeak };
}

describe('createHostLimiter', () => {
  it('keeps at most `concurrency` tasks in flight per host', async () => {
    const limiter = createHostLimiter({ concurrency: 2, spacingMs: 0 });
    const { task, peak } = tracker();
    const results = await Promise.all(Array.from({ length: 7 }, () => limiter.run('a', task('a', 20))));
    expect(results).toHaveLength(7);
    expect(peak.get('a')).toBe(2);
  });

  it('runs different hosts independently', async () => {
    const limiter = createHostLimiter({ concurrency: 1, spacingMs: 0 });
    const { task, peak, totalPeak } = tracker();
    await Promise.all(['a', 'b', 'c', 'a'].map((host) => limiter.run(host, task(host, 60))));
    expect(totalPeak()).toBe(3);
    expect([...peak.values()]).toEqual([1, 1, 1]);
  });

  it('spaces request starts to one host', async () => {
    const limiter = createHostLimiter({ concurrency: 5, spacingMs: 40 });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 4 }, () =>
        limiter.run('a', () => {
          starts.push(performance.now());
          return Promise.resolve();
        }),
      ),
    );
    const gaps = starts.slice(1).map((start, index) => start - (starts[index] ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(38);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = createHostLimiter({ concurrency: 1, spacingMs: 0 });
    await expect(limiter.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('a', () => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});
