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

describe('resolveHttpUrl without parsing', () => {
  it('returns links verbatim only where the parser would give them back unchanged', () => {
    const parsed = (href: string): string | null => {
      try {
        const url = new URL(href);
        return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
      } catch {
        return null;
      }
    };
    const schemes = ['https://', 'http://', 'HTTPS://'];
    const hosts = [
      ...['news.example.com', 'www.example.com', 'a', 'EXAMPLE.com', '1.2.3.4', 'example.123', 'a.0x10', 'a.b1'],
      ...['xn--bcher-kva.example', 'xn--a.example', 'ex_ample.com', '-a.com', 'a..b', 'a.b.', 'bücher.de'],
    ];
    const ports = ['', ':443', ':8080', '@'];
    const paths = [
      ...['', '/', '/a', '/a/', '//a', '/./a', '/a/.', '/a/..', '/.well-known', '/a/b../', '/%2e/', '/%41'],
      ...['/a b', '/ä', '/a\\b', '/a|b', '/a^b', "/a'b", '/a:b@c', '/(x)*+!$&', '/a"b', '/a`b', '/a{b}', '/a\tb'],
    ];
    const suffixes = ['', '?', '?a=1&b=%20', "?a='", '?a=b c', '?a=/./b', '?a=<>', '#f', '?a=1#f', '?a`b'];
    let verbatim = 0;
    for (const scheme of schemes) {
      for (const host of hosts) {
        for (const port of ports) {
          for (const path of paths) {
            for (const suffix of suffixes) {
              const href = `${scheme}${host}${port}${path}${suffix}`;
              const expected = parsed(href);
              expect(resolveHttpUrl(href, null), href).toBe(expected);
              if (expected === href) verbatim++;
            }
          }
        }
      }
    }
    expect(verbatim).toBeGreaterThan(500);
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
