import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from './suggest.ts';

const VENDORS = ['anthropic', 'openai', 'google', 'xai', 'meta', 'mistral', 'microsoft'];

describe('closest', () => {
  it.each([
    { typed: 'opnai', expected: 'openai' },
    { typed: 'OPENAI', expected: 'openai' },
    { typed: 'antrhopic', expected: 'anthropic' },
    { typed: 'anthro', expected: 'anthropic' },
    { typed: 'mistrall', expected: 'mistral' },
    { typed: 'xa', expected: 'xai' },
    { typed: 'xyz', expected: undefined },
    { typed: 'initech', expected: undefined },
    { typed: '', expected: undefined },
  ])('$typed → $expected', ({ typed, expected }) => {
    expect(closest(typed, VENDORS)).toBe(expected);
  });

  it('ends the sentence either way', () => {
    expect(didYouMean('gogle', VENDORS)).toBe(' — did you mean google?');
    expect(didYouMean('initech', VENDORS)).toBe('.');
  });
});

describe('editDistance', () => {
  it.each([
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['openai', 'opeani', 1],
    ['same', 'same', 0],
  ])('%s ↔ %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});
