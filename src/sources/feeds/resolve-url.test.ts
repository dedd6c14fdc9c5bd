import { describe, expect, it } from 'vitest';
import { resolveBase, resolveHttpUrl } from './resolve-url.ts';

describe('resolveHttpUrl', () => {
  it.each([
    { href: '/a/b?x=1#f', base: 'https://ex.com/feed', expected: 'https://ex.com/a/b?x=1#f' },
    { href: ' post.html ', base: 'https://ex.com/blog/', expected: 'https://ex.com/blog/post.html' },
    { href: '//cdn.ex.com/x', base: 'https://ex.com/', expected: 'https://cdn.ex.com/x' },
    { href: 'http://other.example.org/', base: null, expected: 'http://other.example.org/' },
    { href: '/relative', base: null, expected: null },
    { href: 'javascript:alert(1)', base: 'https://ex.com/', expected: null },
    { href: 'mailto:news@ex.com', base: 'https://ex.com/', expected: null },
    { href: 'http://[bad', base: 'https://ex.com/', expected: null },
    { href: '', base: 'https://ex.com/', expected: null },
    { href: undefined, base: 'https://ex.com/', expected: null },
  ])('$href against $base', ({ href, base, expected }) => {
    expect(resolveHttpUrl(href, base)).toBe(expected);
  });

  it('resolves absolute links without the base exactly as against it', () => {
    const bases = [null, 'https://ex.com/feed', 'http://ex.com:8080/a/b/', 'file:///tmp/feed.xml', 'not a base', ''];
    const hrefs = [
      'https://ex.com/a',
      'http://EX.com/a/../b?x=1#f',
      'https:///ex.com/x',
      'https://ex.com:443/x',
      'http://user:pw@ex.com/',
      'https://[::1]/x',
      'https://bücher.example/ä b',
      'https://ex .com/',
      'http://',
      'https://%zz/',
      'https:ex.com/relative-looking',
      'HTTPS://ex.com/upper',
    ];
    const slow = (href: string, base: string | null): string | null => {
      try {
        const url = base === null ? new URL(href) : new URL(href, base);
        return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
      } catch {
        return null;
      }
    };
    for (const base of bases) {
      for (const href of hrefs)
        expect(resolveHttpUrl(href, base), `${href} against ${String(base)}`).toBe(slow(href, base));
    }
  });
});

describe('resolveBase', () => {
  it('nests xml:base: feed, then entry', () => {
    const feed = resolveBase('https://ex.com/blog/', 'https://ex.com/feed.atom');
    expect(resolveBase('2025/', feed)).toBe('https://ex.com/blog/2025/');
  });

  it('keeps the outer base without a usable attribute', () => {
    expect(resolveBase(undefined, 'https://ex.com/')).toBe('https://ex.com/');
    expect(resolveBase('  ', 'https://ex.com/')).toBe('https://ex.com/');
    expect(resolveBase('relative/', null)).toBeNull();
  });
});
