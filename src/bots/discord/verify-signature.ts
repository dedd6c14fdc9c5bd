import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** The application's Ed25519 public key (64 hex characters, as the developer portal shows it) as a key object. */
export function discordPublicKey(publicKeyHex: string): KeyObject {
  const x = Buffer.from(publicKeyHex, 'hex').toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

/**
 * Whether Discord signed this request: an Ed25519 signature (`X-Signature-Ed25519`, hex) over the
 * `X-Signature-Timestamp` header followed by the raw body. Malformed headers are simply not valid.
 */
export function isSignedByDiscord(
  rawBody: Buffer,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  key: KeyObject,
): boolean {
  if (signatureHex === undefined || timestamp === undefined || !/^[0-9a-f]{128}$/iu.test(signatureHex)) return false;
  try {
    return verify(
      null,
      Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]),
      key,
      Buffer.from(signatureHex, 'hex'),
    );
  } catch {
    return false;
  }
}

/** Signed requests older (or further in the future) than this are refused, so a captured one cannot be replayed. */
export const MAX_SIGNATURE_AGE_SECONDS = 300;

/** Whether `X-Signature-Timestamp` (Unix seconds) is within five minutes of now. */
export function isFreshTimestamp(timestamp: string | undefined, nowMs: number = Date.now()): boolean {
  if (timestamp === undefined || !/^\d{1,12}$/u.test(timestamp)) return false;
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= MAX_SIGNATURE_AGE_SECONDS;
}
