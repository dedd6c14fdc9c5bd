import { describe, expect, it } from 'vitest';
import { createRecentKeys } from './recent-keys.ts';

describe('createRecentKeys', () => {
  it('claims a key once until it expires', () => {
    let now = 0;
    const keys = createRecentKeys<number>({ ttlMs: 100, max: 10, now: () => now });
    expect(keys.claim('a', 1)).toBe(true);
    expect(keys.claim('a', 2)).toBe(false);
    expect(keys.get('a')).toBe(1);
    now = 100;
    expect(keys.get('a')).toBeUndefined();
    expect(keys.claim('a', 3)).toBe(true);
  });

  it('forgets the oldest keys beyond its size', () => {
    const keys = createRecentKeys<true>({ ttlMs: 1000, max: 2 });
    keys.set('a', true);
    keys.set('b', true);
    keys.set('c', true);
    expect([keys.get('a'), keys.get('b'), keys.get('c'), keys.size]).toEqual([undefined, true, true, 2]);
  });
});
