import { describe, expect, it } from 'vitest';
import { SourceFetchError } from '../../domain/errors.ts';
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfter,
  sleepUnlessAborted,
  statusRetryDelayMs,
  withRetries,
} from './retry.ts';
import { isTransientFailure } from './fetch-errors.ts';
import type { Exchange } from './transport.ts';

const NOW = new Date('2025-03-01T12:00:00Z');

describe('isRetryableStatus', () => {
  it.each([
    { status: 429, expected: true },
    { status: 500, expected: true },
    { status: 503, expected: true },
    { status: 599, expected: true },
    { status: 200, expected: false },
    { status: 404, expected: false },
    { status: 403, expected: false },
    { status: 408, expected: false },
  ])('$status → $expected', ({ status, expected }) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});

describe('backoffDelayMs', () => {
  it('doubles from the base delay and stops at the cap', () => {
    const policy = { attempts: 10, baseDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelayMs(retry, policy))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    { value: undefined, expected: null },
    { value: '120', expected: 120_000 },
    { value: ' 0 ', expected: 0 },
    { value: 'Sat, 01 Mar 2025 12:00:10 GMT', expected: 10_000 },
    { value: 'Sat, 01 Mar 2025 11:00:00 GMT', expected: 0 },
    { value: 'soon', expected: null },
    { value: '-5', expected: null },
  ])('$value → $expected', ({ value, expected }) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('statusRetryDelayMs', () => {
  const policy = DEFAULT_RETRY_POLICY;
  it('uses Retry-After when sent, the backoff otherwise, and gives up beyond the cap', () => {
    expect(statusRetryDelayMs('7', 1, policy, NOW)).toBe(7000);
    expect(statusRetryDelayMs(undefined, 2, policy, NOW)).toBe(2000);
    expect(statusRetryDelayMs('3600', 1, policy, NOW)).toBeNull();
  });
});

describe('withRetries', () => {
  const response = (status: number, headers: Record<string, string> = {}): Exchange => ({
    status,
    headers,
    body: null,
  });

  function recorder(outcomes: readonly (Exchange | Error)[]) {
    const waits: number[] = [];
    let calls = 0;
    const attempt = (): Promise<Exchange> => {
      const outcome = outcomes[Math.min(calls, outcomes.length - 1)];
      calls += 1;
      return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome ?? response(200));
    };
    const deps = {
      policy: DEFAULT_RETRY_POLICY,
      sleep: (ms: number) => {
        waits.push(ms);
        return Promise.resolve();
      },
      now: () => NOW,
    };
    return { attempt, deps, waits, calls: () => calls };
  }

  const networkError = new SourceFetchError('network', 'network error for https://x/', { url: 'https://x/' });

  it('retries 5xx and network errors with backoff until a good response', async () => {
    const run = recorder([response(503), networkError, response(200)]);
    await expect(withRetries(run.attempt, run.deps)).resolves.toMatchObject({ status: 200 });
    expect(run.waits).toEqual([1000, 2000]);
  });

  it('returns the last retryable response once attempts are used up', async () => {
    const run = recorder([response(502)]);
    await expect(withRetries(run.attempt, run.deps)).resolves.toMatchObject({ status: 502 });
    expect(run.calls()).toBe(3);
  });

  it('never retries other failures', async () => {
    const refused = new SourceFetchError('blocked_address', 'refused', { url: 'https://x/' });
    const run = recorder([refused]);
    await expect(withRetries(run.attempt, run.deps)).rejects.toBe(refused);
    expect(run.calls()).toBe(1);
  });

  it('rethrows the last network error when every attempt failed', async () => {
    const run = recorder([networkError]);
    await expect(withRetries(run.attempt, run.deps)).rejects.toBe(networkError);
    expect(run.calls()).toBe(3);
  });

  it('stops retrying once the signal aborted', async () => {
    const run = recorder([networkError]);
    const controller = new AbortController();
    controller.abort();
    await expect(withRetries(run.attempt, run.deps, controller.signal)).rejects.toBe(networkError);
    expect(run.calls()).toBe(1);
  });
});

describe('sleepUnlessAborted', () => {
  it('ends early without throwing when aborted', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const sleeping = sleepUnlessAborted(10_000, controller.signal);
    controller.abort();
    await sleeping;
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('isTransientFailure', () => {
  const network = (cause: unknown) => new SourceFetchError('network', 'x', { url: 'https://x/', cause });
  const withCode = (code: string) => Object.assign(new Error(code), { code });
  it.each([
    { name: 'connection reset', error: network(withCode('ECONNRESET')), expected: true },
    { name: 'undici socket error', error: network(withCode('UND_ERR_SOCKET')), expected: true },
    { name: 'no cause', error: network(undefined), expected: true },
    { name: 'certificate name mismatch', error: network(withCode('ERR_TLS_CERT_ALTNAME_INVALID')), expected: false },
    { name: 'self-signed certificate', error: network(withCode('DEPTH_ZERO_SELF_SIGNED_CERT')), expected: false },
    { name: 'expired certificate', error: network(withCode('CERT_HAS_EXPIRED')), expected: false },
    { name: 'timeout', error: new SourceFetchError('timeout', 'x', { url: 'https://x/' }), expected: false },
    { name: 'plain error', error: new Error('boom'), expected: false },
  ])('$name → $expected', ({ error, expected }) => {
    expect(isTransientFailure(error)).toBe(expected);
  });
});
