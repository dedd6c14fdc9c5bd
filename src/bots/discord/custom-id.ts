/**
 * Button ids as Discord carries them (`custom_id`, at most 100 characters), and back.
 *
 * Formats:
 * - `diff:<source>:<versionPrefix>`: the "Full diff" button. The neutral id is `diff:<source>:<toVersion>`
 *   with a 64-character version hash; only its first {@link VERSION_PREFIX_LENGTH} characters are kept (48
 *   bits: unique within any document's history), and a handler finds the version whose hash starts with them.
 * - `diff:#<hash>:<versionPrefix>`: the same when the source id is too long to fit; `<hash>` is
 *   {@link sourceHash} of the source id (8 hex digits) and {@link resolveSourceRef} finds the source among the
 *   known ones.
 * - `unsubscribe:<subscriptionId>`: as the neutral id.
 * - any other id: as it is when it fits, else its first 91 characters, `#` and the hash of the whole id.
 */
import { DISCORD_HARD_LIMITS } from './api-types.ts';

/** Characters of the version hash kept in a `diff:` button id. */
export const VERSION_PREFIX_LENGTH = 12;

/** What a button press asks for. */
export type ButtonAction =
  | {
      readonly kind: 'diff';
      /** A source id, or `#` and {@link sourceHash} of one; resolve it with {@link resolveSourceRef}. */
      readonly sourceRef: string;
      /** The start of the version hash to show the diff up to. */
      readonly versionPrefix: string;
    }
  | { readonly kind: 'unsubscribe'; readonly subscriptionId: number }
  | { readonly kind: 'unknown'; readonly customId: string };

const MAX = DISCORD_HARD_LIMITS.customId;
const HASH_LENGTH = 8;

/** The `custom_id` of a neutral button id: at most 100 characters, in one of the formats above. */
export function toCustomId(id: string): string {
  const diff = parseNeutralDiff(id);
  if (diff !== null) {
    const version = diff.version.slice(0, VERSION_PREFIX_LENGTH);
    const plain = `diff:${diff.source}:${version}`;
    return plain.length <= MAX ? plain : `diff:#${sourceHash(diff.source)}:${version}`;
  }
  if (id.length <= MAX) return id;
  return `${id.slice(0, MAX - HASH_LENGTH - 1)}#${sourceHash(id)}`;
}

/** The action of a pressed button's `custom_id`. */
export function parseCustomId(customId: string): ButtonAction {
  const diff = parseNeutralDiff(customId);
  if (diff !== null) return { kind: 'diff', sourceRef: diff.source, versionPrefix: diff.version };
  const unsubscribe = /^unsubscribe:(\d+)$/u.exec(customId);
  if (unsubscribe?.[1] !== undefined) return { kind: 'unsubscribe', subscriptionId: Number(unsubscribe[1]) };
  return { kind: 'unknown', customId };
}

/** The source id a `sourceRef` of a `diff` action stands for, among the known ones; undefined if none. */
export function resolveSourceRef(sourceRef: string, sourceIds: Iterable<string>): string | undefined {
  const hashed = sourceRef.startsWith('#') ? sourceRef.slice(1) : null;
  for (const id of sourceIds) if (hashed === null ? id === sourceRef : sourceHash(id) === hashed) return id;
  return undefined;
}

/** FNV-1a (32 bits) of the text as 8 hex digits: short, stable across processes, no crypto needed. */
export function sourceHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(HASH_LENGTH, '0');
}

function parseNeutralDiff(id: string): { source: string; version: string } | null {
  if (!id.startsWith('diff:')) return null;
  // The version never holds a colon; a source id could, so split at the last one.
  const at = id.lastIndexOf(':');
  const source = id.slice('diff:'.length, at);
  const version = id.slice(at + 1);
  return at <= 'diff:'.length || source === '' || version === '' ? null : { source, version };
}
