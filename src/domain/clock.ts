/** The time source, injected so tests control it instead of patching `Date`. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
