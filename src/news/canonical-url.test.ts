import { describe, expect, it } from 'vitest';
import { canonicalUrl, canonicalUrlByParsing } from './canonical-url.ts';

describe('canonicalUrl', () => {
  it.each([
    {
      name: 'utm parameters',
      url: 'https://example.com/a?utm_source=rss&utm_medium=feed',
      expected: 'https://example.com/a',
    },
    {
      name: 'upper-case utm',
      url: 'https://example.com/a?UTM_Source=rss&id=3',
      expected: 'https://example.com/a?id=3',
    },
    { name: 'encoded utm name', url: 'https://example.com/a?utm%5Fsource=rss', expected: 'https://example.com/a' },
    {
      name: 'click ids',
      url: 'https://example.com/a?fbclid=1&gclid=2&dclid=3&msclkid=4&igshid=5&id=7',
      expected: 'https://example.com/a?id=7',
    },
    {
      name: 'mailchimp family',
      url: 'https://example.com/a?mc_cid=1&mc_eid=2&mc_tc=3',
      expected: 'https://example.com/a',
    },
    { name: 'ref and ref_src', url: 'https://example.com/a?ref=hn&ref_src=twsrc', expected: 'https://example.com/a' },
    { name: 'hubspot', url: 'https://example.com/a?_hsenc=x&_hsmi=y', expected: 'https://example.com/a' },
    {
      name: 'analytics suites',
      url: 'https://example.com/a?spm=a.b&cmpid=c&wt_mc=rss.red&at_medium=m&at_campaign=c&xtor=RSS-1',
      expected: 'https://example.com/a',
    },
    { name: 'http becomes https', url: 'http://example.com/a', expected: 'https://example.com/a' },
    {
      name: 'scheme and host lower-cased',
      url: 'HTTPS://Blog.Example.COM/Post',
      expected: 'https://blog.example.com/Post',
    },
    { name: 'www dropped', url: 'https://www.example.com/a', expected: 'https://example.com/a' },
    { name: 'fragment dropped', url: 'https://example.com/a#comments', expected: 'https://example.com/a' },
    { name: 'default https port', url: 'https://example.com:443/a', expected: 'https://example.com/a' },
    { name: 'default http port', url: 'http://example.com:80/a', expected: 'https://example.com/a' },
    { name: 'other port kept', url: 'https://example.com:8443/a', expected: 'https://example.com:8443/a' },
    {
      name: 'trailing slash dropped',
      url: 'https://example.com/news/post/',
      expected: 'https://example.com/news/post',
    },
    { name: 'root slash kept', url: 'https://www.example.com/', expected: 'https://example.com/' },
    { name: 'root without slash', url: 'https://example.com', expected: 'https://example.com/' },
    { name: 'query sorted', url: 'https://example.com/a?b=2&a=1&c=3', expected: 'https://example.com/a?a=1&b=2&c=3' },
    {
      name: 'repeated names keep order',
      url: 'https://example.com/a?t=2&a=1&t=1',
      expected: 'https://example.com/a?a=1&t=2&t=1',
    },
    {
      name: 'value encoding kept',
      url: 'https://example.com/s?q=a%20b&p=1',
      expected: 'https://example.com/s?p=1&q=a%20b',
    },
    { name: 'empty query dropped', url: 'https://example.com/a?', expected: 'https://example.com/a' },
    { name: 'empty pairs dropped', url: 'https://example.com/a?&&id=1&', expected: 'https://example.com/a?id=1' },
    {
      name: 'ref-like names kept',
      url: 'https://example.com/a?reference=1&prefix=2',
      expected: 'https://example.com/a?prefix=2&reference=1',
    },
    {
      name: 'everything at once',
      url: '  HTTP://WWW.Example.com:80/News/Article/?utm_campaign=x&page=2&fbclid=abc#section-2 ',
      expected: 'https://example.com/News/Article?page=2',
    },
    { name: 'invalid returned trimmed', url: '  not a url  ', expected: 'not a url' },
    { name: 'relative returned trimmed', url: ' /news/a?utm_source=x ', expected: '/news/a?utm_source=x' },
    { name: 'other scheme untouched', url: 'mailto:press@example.com', expected: 'mailto:press@example.com' },
    { name: 'empty string', url: '', expected: '' },
  ])('$name', ({ url, expected }) => {
    expect(canonicalUrl(url)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = canonicalUrl('http://www.example.com/a/?z=1&utm_source=x&a=%C3%A4#x');
    expect(canonicalUrl(once)).toBe(once);
  });

  it('takes the shortcut only where the parser would give the same URL', () => {
    const schemes = ['https://', 'http://', 'HTTP://', 'ftp://'];
    const hosts = [
      ...['example.com', 'www.example.com', 'news.example.co.uk', 'a', 'localhost', 'www.', 'EXAMPLE.com'],
      ...[
        '1.2.3.4',
        'example.123',
        '0x7f.1',
        'a.0x10',
        'a.b1',
        'xn--bcher-kva.example',
        'b.xn--p1ai',
        'xn--a.example',
        'bücher.de',
      ],
      ...['ex_ample.com', '-a.com', 'a-.com', 'a--b.com', 'a..b', 'a.b.', '.a.b', `${'a'.repeat(70)}.com`],
    ];
    const ports = ['', ':443', ':8080', '@'];
    const paths = [
      ...['', '/', '/a', '/a/', '/a//b', '//a', '/./a', '/a/.', '/a/..', '/a/.b', '/..a', '/a/b../', '/%2e/', '/A/B'],
      ...['/a b', '/a?b', '/a#b', '/ä', '/a\\b', '/a|b', '/a^b', "/a'b", '/a:b@c', '/~x', '/a;b=c,d', '/a\tb'],
      ...['/a"b', '/a<b>', '/a`b', '/a{b}', '/a[b]', '/(x)*+!$&', '/a/xn--x', '/%41'],
    ];
    const suffixes = ['', '?utm_source=x', '#f', ' '];
    let shortcuts = 0;
    for (const scheme of schemes) {
      for (const host of hosts) {
        for (const port of ports) {
          for (const path of paths) {
            for (const suffix of suffixes) {
              const url = `${scheme}${host}${port}${path}${suffix}`;
              const expected = canonicalUrlByParsing(url.trim());
              expect(canonicalUrl(url), url).toBe(expected);
              if (expected === `https://${url.trim().replace(/^https?:\/\//, '')}`) shortcuts++;
            }
          }
        }
      }
    }
    expect(shortcuts).toBeGreaterThan(100);
  });

  it('drops a tracking-only query and a fragment without the parser, as the parser would', () => {
    const bases = [
      'https://example.com/a',
      'http://news.example.co.uk/de/story-1',
      'https://example.com/',
      'https://a/b/',
    ];
    const queries = [
      ...['', '?', '?&', '?utm_source=x', '?utm_source=feed0&utm_medium=rss', '?UTM_Source=1', '?utm%5Fsource=1'],
      ...['?id=1&utm_source=x', '?utm_source=x&id=1', '?ref=a&fbclid=b&&', '?mc_cid=1&mc_eid=2', '?=x', '?utm_source'],
      ...['?utm_source=a b"<>\'`', '?utm_\tsource=x', '?utm_source=x\n', '?utm+source=x', '?ütm_source=x'],
      ...['?referrer=https://x.example/?a=1', '?utm_source=x?y=1', '?gclid=1;x=2'],
    ];
    const fragments = ['', '#top', '#a?b', '#', '#utm_source=x&id=1', '#\t', '#\u0001', '# x', '#\u00a0'];
    for (const base of bases) {
      for (const query of queries) {
        for (const fragment of fragments) {
          const url = `${base}${query}${fragment}`;
          expect(canonicalUrl(url), url).toBe(canonicalUrlByParsing(url.trim()));
        }
      }
    }
  });
});
