// Discord's answer shapes for the fake: users, errors (JSON codes), Invalid Form Body and rate limits.

import type { Json } from './fake-state.ts';

export interface RestAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** A user object for an id. */
export function userJson(id: string): Json {
  return { id, username: `user${id.slice(-4)}`, discriminator: '0', global_name: null, avatar: null };
}

export function ok(body: unknown): RestAnswer {
  return { status: 200, body };
}

export function error(status: number, code: number | undefined, message: string): RestAnswer {
  return { status, body: code === undefined ? { message } : { code, message } };
}

export function invalidForm(reason: string): RestAnswer {
  return {
    status: 400,
    body: {
      code: 50035,
      message: 'Invalid Form Body',
      errors: { _errors: [{ code: 'BASE_TYPE_INVALID', message: reason }] },
    },
  };
}

export function rateLimited(retryAfterMs: number, global: boolean, headers: Record<string, string>): RestAnswer {
  const seconds = retryAfterMs / 1000;
  return {
    status: 429,
    headers: { ...headers, 'retry-after': seconds.toFixed(3), ...(global ? { 'x-ratelimit-global': 'true' } : {}) },
    body: { message: 'You are being rate limited.', retry_after: seconds, global },
  };
}
