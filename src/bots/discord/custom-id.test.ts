import { describe, expect, it } from 'vitest';
import { parseCustomId, resolveSourceRef, sourceHash, toCustomId } from './custom-id.ts';

const VERSION = 'abcdef0123456789'.repeat(4);
const LONG_SOURCE = `vendor/${'d'.repeat(100)}`;

describe('toCustomId', () => {
  it.each([
    {
      name: 'diff keeps a 12-character version prefix',
      id: `diff:openai/terms-of-use:${VERSION}`,
      expected: 'diff:openai/terms-of-use:abcdef012345',
    },
    {
      name: 'diff with a source too long uses its hash',
      id: `diff:${LONG_SOURCE}:${VERSION}`,
      expected: `diff:#${sourceHash(LONG_SOURCE)}:abcdef012345`,
    },
    { name: 'unsubscribe stays as it is', id: 'unsubscribe:12', expected: 'unsubscribe:12' },
    { name: 'other short ids stay as they are', id: 'help:more', expected: 'help:more' },
    {
      name: 'other long ids are cut and hashed',
      id: 'x'.repeat(150),
      expected: `${'x'.repeat(91)}#${sourceHash('x'.repeat(150))}`,
    },
  ])('$name', ({ id, expected }) => {
    expect(toCustomId(id)).toBe(expected);
    expect(toCustomId(id).length).toBeLessThanOrEqual(100);
  });
});

describe('parseCustomId', () => {
  it('reads diff ids back to a source and version prefix', () => {
    expect(parseCustomId(toCustomId(`diff:openai/terms-of-use:${VERSION}`))).toEqual({
      kind: 'diff',
      sourceRef: 'openai/terms-of-use',
      versionPrefix: 'abcdef012345',
    });
    const hashed = parseCustomId(toCustomId(`diff:${LONG_SOURCE}:${VERSION}`));
    expect(hashed.kind === 'diff' && resolveSourceRef(hashed.sourceRef, ['a/b', LONG_SOURCE])).toBe(LONG_SOURCE);
  });

  it('reads unsubscribe ids and leaves others unknown', () => {
    expect(parseCustomId('unsubscribe:12')).toEqual({ kind: 'unsubscribe', subscriptionId: 12 });
    expect(parseCustomId('unsubscribe:x')).toEqual({ kind: 'unknown', customId: 'unsubscribe:x' });
    expect(parseCustomId('diff:')).toEqual({ kind: 'unknown', customId: 'diff:' });
    expect(parseCustomId('diff:a/b:')).toEqual({ kind: 'unknown', customId: 'diff:a/b:' });
  });

  it('resolves no source for an unknown reference', () => {
    expect(resolveSourceRef('a/c', ['a/b'])).toBeUndefined();
    expect(resolveSourceRef('#00000000', ['a/b'])).toBeUndefined();
  });
});
