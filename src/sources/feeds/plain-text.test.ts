import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, nodeText, toPlainText, truncate } from './plain-text.ts';

describe('toPlainText', () => {
  it.each([
    { name: 'plain text', html: '  Just   text\n here ', expected: 'Just text here' },
    { name: 'paragraphs keep a word break', html: '<p>One</p><p>Two</p>', expected: 'One Two' },
    { name: 'line breaks and list items', html: 'a<br>b<br/>c<ul><li>d</li><li>e</li></ul>', expected: 'a b c d e' },
    { name: 'inline tags join', html: 'Re<b>ad</b> <i>me</i>', expected: 'Read me' },
    {
      name: 'script, style and comments dropped',
      html: 'a<script>x()</script><style>p{}</style><!-- c -->b',
      expected: 'ab',
    },
    { name: 'uppercase script end tag', html: 'a<SCRIPT>if (a<b) x()</SCRIPT>b', expected: 'ab' },
    { name: 'quoted > inside an attribute', html: '<a title="1 > 0" href="/x">link</a> text', expected: 'link text' },
    { name: 'named and numeric entities', html: 'caf&eacute; &#8211; &#x2019;s &nbsp;ok', expected: 'café – ’s ok' },
    { name: 'double-escaped once more', html: 'Q&amp;amp;A &amp;#8217;', expected: 'Q&A ’' },
    {
      name: 'escaped tags stay text',
      html: '&lt;script&gt;alert(1)&lt;/script&gt;',
      expected: '<script>alert(1)</script>',
    },
    { name: 'ampersands that are no entity', html: 'R&D, AT&T & Q & A', expected: 'R&D, AT&T & Q & A' },
    { name: 'a lone < is text', html: 'growth < 5% <b>now</b>', expected: 'growth < 5% now' },
    { name: 'unclosed tag swallows the rest', html: 'text <a href="x', expected: 'text' },
    { name: 'doctype and CDATA markers', html: '<!DOCTYPE html><?xml x?>Body', expected: 'Body' },
    { name: 'empty', html: '', expected: '' },
  ])('$name', ({ html, expected }) => {
    expect(toPlainText(html, 1_000)).toBe(expected);
  });

  it('returns empty text for null and undefined', () => {
    expect(toPlainText(null, 10)).toBe('');
    expect(toPlainText(undefined, 10)).toBe('');
  });

  it('bounds the output and the markup it scans', () => {
    expect(toPlainText('word '.repeat(1_000), 12)).toBe('word word wo');
    expect(toPlainText(`${'<p></p>'.repeat(100)}late`, 10)).toBe('');
  });

  it('stays linear on deeply nested markup', () => {
    const deep = `${'<b><div>'.repeat(9_000)}deep text`;
    toPlainText(deep, 20_000);
    const started = performance.now();
    for (let round = 0; round < 20; round++) expect(toPlainText(deep, 20_000)).toBe('deep text');
    // A DOM parser with an unshift-based element stack needs ~50 ms per call here.
    expect(performance.now() - started).toBeLessThan(400);
  });
});

describe('nodeText', () => {
  it('reads a DOM node with word breaks, skipping scripts', () => {
    const $ = load('<div id="x"><h3>Title</h3><p>One &amp; <b>two</b></p><script>x()</script><p>three</p></div>');
    const node = $('#x')[0];
    expect(node === undefined ? null : nodeText(node, 100)).toBe('Title One & two three');
  });

  it('does not overflow the stack on deeply nested pages', () => {
    const $ = load(`<div id="x">${'<span>'.repeat(20_000)}deep${'</span>'.repeat(20_000)}</div>`);
    const node = $('#x')[0];
    expect(node === undefined ? null : nodeText(node, 100)).toBe('deep');
  });
});

describe('helpers', () => {
  it('collapseWhitespace folds no-break spaces and newlines', () => {
    expect(collapseWhitespace(' a\u00a0\n b\t')).toBe('a b');
  });

  it('truncate never splits a surrogate pair', () => {
    expect(truncate('ab😀c', 3)).toBe('ab');
    expect(truncate('ab😀c', 4)).toBe('ab😀');
    expect(truncate('abc', 5)).toBe('abc');
  });
});
