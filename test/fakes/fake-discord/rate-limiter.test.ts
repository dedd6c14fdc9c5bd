import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.ts';

describe('the fake Discord rate limiter', () => {
  it('allows a burst of N, then one request per 1/N s, and says how long to wait', () => {
    let now = 0;
    const limiter = createRateLimiter({ perSecond: 10, routeLimit: 100, now: () => now });
    for (let index = 0; index < 10; index += 1) expect(limiter.take(`POST /channels/${index}/messages`).ok).toBe(true);
    const refused = limiter.take('POST /channels/99/messages');
    expect(refused).toMatchObject({ ok: false, scope: 'global', retryAfterMs: 100 });
    now = 100;
    expect(limiter.take('POST /channels/99/messages').ok).toBe(true);
  });

  it('limits a route bucket in fixed windows and reports it in X-RateLimit headers', () => {
    let now = 1000;
    const limiter = createRateLimiter({ perSecond: 100, routeLimit: 2, routeWindowMs: 1000, now: () => now });
    const first = limiter.take('POST /users/@me/channels');
    expect(first.headers['x-ratelimit-limit']).toBe('2');
    expect(first.headers['x-ratelimit-remaining']).toBe('1');
    expect(limiter.take('POST /users/@me/channels').headers['x-ratelimit-remaining']).toBe('0');
    expect(limiter.take('POST /users/@me/channels')).toMatchObject({ ok: false, scope: 'user', retryAfterMs: 1000 });
    now = 2000;
    expect(limiter.take('POST /users/@me/channels').ok).toBe(true);
  });
});
