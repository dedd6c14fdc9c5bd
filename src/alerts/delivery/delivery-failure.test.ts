import { describe, expect, it } from 'vitest';
import { AppError, DeliveryError } from '../../domain/errors.ts';
import { classifyFailure, DeliveryFailure } from './delivery-failure.ts';
import { createNotifierRegistry, type Notifier } from './notifier.ts';

describe('DeliveryFailure', () => {
  it('is a DeliveryError with a code per kind unless the adapter names one', () => {
    const failure = new DeliveryFailure('permanent-target', 'Unknown Channel for guild-1/channel-1');
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure).toBeInstanceOf(AppError);
    expect([failure.name, failure.code, failure.kind]).toEqual([
      'DeliveryFailure',
      'target_unusable',
      'permanent-target',
    ]);
    expect(new DeliveryFailure('retryable', 'x').code).toBe('delivery_unavailable');
    expect(new DeliveryFailure('permanent-message', 'x', { code: 'slack_msg_too_long' }).code).toBe(
      'slack_msg_too_long',
    );
  });

  it('keeps status, retry-after and cause', () => {
    const cause = new Error('socket hang up');
    const failure = new DeliveryFailure('retryable', 'rate limited', { status: 429, retryAfterMs: 1_500, cause });
    expect([failure.status, failure.retryAfterMs, failure.cause]).toEqual([429, 1_500, cause]);
  });
});

describe('classifyFailure', () => {
  it.each([
    {
      name: 'a retryable failure with retry-after',
      error: new DeliveryFailure('retryable', 'rate limited', { retryAfterMs: 2_000 }),
      expected: {
        kind: 'retryable',
        retryAfterMs: 2_000,
        description: 'delivery_unavailable: rate limited',
        wrapped: true,
      },
    },
    {
      name: 'a retry-after that is not a usable wait',
      error: new DeliveryFailure('retryable', 'odd', { retryAfterMs: Number.POSITIVE_INFINITY }),
      expected: { kind: 'retryable', retryAfterMs: null, description: 'delivery_unavailable: odd', wrapped: true },
    },
    {
      name: 'a negative retry-after',
      error: new DeliveryFailure('retryable', 'odd', { retryAfterMs: -1 }),
      expected: { kind: 'retryable', retryAfterMs: null, description: 'delivery_unavailable: odd', wrapped: true },
    },
    {
      name: 'a permanent message failure',
      error: new DeliveryFailure('permanent-message', 'too large'),
      expected: {
        kind: 'permanent-message',
        retryAfterMs: null,
        description: 'message_refused: too large',
        wrapped: true,
      },
    },
    {
      name: 'a plain DeliveryError',
      error: new DeliveryError('slack_error', 'internal_error'),
      expected: { kind: 'retryable', retryAfterMs: null, description: 'slack_error: internal_error', wrapped: true },
    },
    {
      name: 'a raw error an adapter let through',
      error: new TypeError('fetch failed'),
      expected: { kind: 'retryable', retryAfterMs: null, description: 'unexpected: fetch failed', wrapped: false },
    },
    {
      name: 'a thrown string',
      error: 'boom',
      expected: { kind: 'retryable', retryAfterMs: null, description: 'unexpected: boom', wrapped: false },
    },
  ])('$name', ({ error, expected }) => {
    expect(classifyFailure(error)).toEqual(expected);
  });
});

describe('createNotifierRegistry', () => {
  it('finds the notifier of each configured platform and nothing for the others', () => {
    const printer: Notifier = { send: () => Promise.resolve({ messageId: 'console-1' }) };
    const registry = createNotifierRegistry({ console: printer });
    expect(registry.notifierFor('console')).toBe(printer);
    expect(registry.notifierFor('slack')).toBeUndefined();
    expect(registry.notifierFor('discord')).toBeUndefined();
    expect(registry.platforms).toEqual(['console']);
  });
});
