import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY_POLICY, retryDelayMs } from './retry-policy.ts';

describe('retryDelayMs', () => {
  it.each([
    { name: 'first failure, no jitter draw', attempts: 1, random: 0, expected: 1_000 },
    { name: 'first failure, highest draw', attempts: 1, random: 0.999_999_9, expected: 2_000 },
    { name: 'doubles per failure', attempts: 4, random: 0.5, expected: 12_000 },
    { name: 'capped at maxDelayMs', attempts: 12, random: 0.999_999_9, expected: 600_000 },
    { name: 'capped backoff still jittered', attempts: 12, random: 0, expected: 300_000 },
  ])('$name', ({ attempts, random, expected }) => {
    expect(retryDelayMs(attempts, DEFAULT_DELIVERY_POLICY, () => random, null)).toBe(expected);
  });

  it("uses the platform's retry-after as given, rounded up to a millisecond", () => {
    expect(retryDelayMs(1, DEFAULT_DELIVERY_POLICY, () => 0.5, 1_234.2)).toBe(1_235);
    expect(retryDelayMs(1, DEFAULT_DELIVERY_POLICY, () => 0.5, 3_600_000)).toBe(3_600_000);
    expect(retryDelayMs(1, DEFAULT_DELIVERY_POLICY, () => 0.5, 0)).toBe(0);
  });

  it('clamps a random source outside [0, 1)', () => {
    expect(retryDelayMs(1, DEFAULT_DELIVERY_POLICY, () => -3, null)).toBe(1_000);
    expect(retryDelayMs(1, DEFAULT_DELIVERY_POLICY, () => 7, null)).toBe(2_000);
  });
});
