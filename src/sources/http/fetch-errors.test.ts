import { describe, expect, it } from 'vitest';
import { SourceFetchError } from '../../domain/errors.ts';
import { AddressRefusedError, BodyTooLargeError, DeadlineError, toFetchError } from './fetch-errors.ts';

const URL_ = 'https://vendor.example/terms';
const TIMEOUTS = { connectTimeoutMs: 10_000, totalTimeoutMs: 30_000 };
const withCode = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('toFetchError', () => {
  it.each([
    {
      name: 'guard refusal',
      error: new AddressRefusedError('private', '10.0.0.1'),
      expected: { code: 'blocked_address', message: `refused private address 10.0.0.1 for ${URL_}` },
    },
    {
      name: 'our total deadline',
      error: new DeadlineError('total', 30_000),
      expected: { code: 'timeout', message: `timed out after 30000 ms: ${URL_}` },
    },
    {
      name: 'our connect deadline',
      error: new DeadlineError('connect', 10_000),
      expected: { code: 'timeout', message: `connect timed out after 10000 ms: ${URL_}` },
    },
    {
      name: 'undici connect timeout',
      error: withCode('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error'),
      expected: { code: 'timeout', message: `connect timed out after 10000 ms: ${URL_}` },
    },
    {
      name: 'undici headers timeout',
      error: withCode('UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error'),
      expected: { code: 'timeout', message: `timed out after 30000 ms: ${URL_}` },
    },
    {
      name: 'undici body timeout',
      error: withCode('UND_ERR_BODY_TIMEOUT', 'Body Timeout Error'),
      expected: { code: 'timeout', message: `timed out after 30000 ms: ${URL_}` },
    },
    {
      name: 'body cap',
      error: new BodyTooLargeError(5),
      expected: { code: 'too_large', message: `body larger than 5 bytes: ${URL_}` },
    },
    {
      name: 'socket error with a code',
      error: withCode('ECONNRESET', 'socket hang up'),
      expected: { code: 'network', message: `network error for ${URL_}: ECONNRESET socket hang up` },
    },
    {
      name: 'message already naming its code',
      error: withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:80'),
      expected: { code: 'network', message: `network error for ${URL_}: connect ECONNREFUSED 127.0.0.1:80` },
    },
    {
      name: 'a thrown non-error',
      error: 'weird',
      expected: { code: 'network', message: `network error for ${URL_}: weird` },
    },
  ])('maps $name', ({ error, expected }) => {
    const mapped = toFetchError(error, URL_, TIMEOUTS);
    expect(mapped).toBeInstanceOf(SourceFetchError);
    expect({ code: mapped.code, message: mapped.message }).toEqual(expected);
    expect(mapped.url).toBe(URL_);
    expect(mapped.cause).toBe(error);
  });

  it('passes SourceFetchError through untouched', () => {
    const original = new SourceFetchError('http_status', 'HTTP 503 for x', { url: 'x', status: 503 });
    expect(toFetchError(original, URL_, TIMEOUTS)).toBe(original);
  });
});
