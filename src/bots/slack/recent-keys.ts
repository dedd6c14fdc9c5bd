/**
 * A bounded, expiring memory of keys seen lately, with an optional value per key. Slack has neither a send
 * nonce nor exactly-once delivery of events, so the adapter remembers what it did for a while instead.
 */

/** Options of {@link createRecentKeys}. */
export interface RecentKeysOptions {
  /** How long a key is remembered. */
  readonly ttlMs: number;
  /** At most this many keys; the oldest go first when more arrive. */
  readonly max: number;
  /** Milliseconds since the epoch. @defaultValue `Date.now` */
  readonly now?: () => number;
}

/** Recently seen keys and what was noted for them. */
export interface RecentKeys<TValue> {
  /** True the first time a key is claimed (within its time to live), false for every repeat. */
  claim(key: string, value: TValue): boolean;
  get(key: string): TValue | undefined;
  set(key: string, value: TValue): void;
  readonly size: number;
}

interface Entry<TValue> {
  readonly value: TValue;
  readonly expires: number;
}

/** A {@link RecentKeys} in a `Map`, whose insertion order makes the oldest entry the first to evict. */
export function createRecentKeys<TValue>(options: RecentKeysOptions): RecentKeys<TValue> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<TValue>>();
  const live = (key: string): Entry<TValue> | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires > now()) return entry;
    entries.delete(key);
    return undefined;
  };
  const set = (key: string, value: TValue): void => {
    entries.delete(key);
    entries.set(key, { value, expires: now() + options.ttlMs });
    while (entries.size > options.max) {
      const oldest = entries.keys().next();
      if (oldest.done === true) break;
      entries.delete(oldest.value);
    }
  };
  return {
    claim(key, value) {
      if (live(key) !== undefined) return false;
      set(key, value);
      return true;
    },
    get: (key) => live(key)?.value,
    set,
    get size() {
      return entries.size;
    },
  };
}
