import { describe, expect, it } from 'vitest';
import { estimateNestingDepth } from './nesting-depth.ts';

describe('estimateNestingDepth', () => {
  it.each([
    { name: 'flat text', html: 'no tags at all', expected: 0 },
    { name: 'nested and closed', html: '<div><section><a href="/">x</a></section></div>', expected: 3 },
    {
      name: 'void and self-closing elements',
      html: '<div><br><img src="x"><svg><path d="M0"/></svg></div>',
      expected: 2,
    },
    { name: 'unclosed paragraphs and list items', html: `<ul>${'<li><p>item'.repeat(5_000)}</ul>`, expected: 1 },
    { name: 'markup inside scripts', html: `<div><script>"${'<div>'.repeat(5_000)}"</script></div>`, expected: 1 },
    { name: 'a lone < in text', html: '<p>1 < 2 and <b>x</b>', expected: 1 },
    { name: 'unclosed divs', html: '<div>'.repeat(50), expected: 50 },
  ])('$name', ({ html, expected }) => {
    expect(estimateNestingDepth(html, 1_000)).toBe(expected);
  });

  it('stops counting past the limit, in linear time', () => {
    const html = `${'<div>'.repeat(1_000_000)}<a`;
    const started = performance.now();
    expect(estimateNestingDepth(html, 1_000)).toBe(1_001);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('stays linear on many < without >', () => {
    const started = performance.now();
    expect(estimateNestingDepth('<a'.repeat(500_000), 1_000)).toBe(0);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
