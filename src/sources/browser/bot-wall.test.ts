import { describe, expect, it } from 'vitest';
import { botWallReason } from './bot-wall.ts';

const html = (text: string) => ({ mediaType: 'text/html', text });
const TERMS =
  '<html><head><title>Terms</title></head><body><main><h1>Terms</h1><p>1. You may use the Services for lawful purposes only.</p></main></body></html>';

describe('botWallReason', () => {
  it.each([
    {
      name: 'Cloudflare title',
      page: '<html><head><title>Just a moment...</title></head><body><p>Wait</p></body></html>',
      expected: /^challenge page \(title/,
    },
    {
      name: 'challenge platform script',
      page: '<html><body><p>One more step before you go on to the site.</p><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script></body></html>',
      expected: /marker script\[src\*="\/cdn-cgi\/challenge-platform\/"\]/,
    },
    {
      name: 'inline challenge options',
      page: '<html><body><p>Please stand by while we look at your request.</p><script>window._cf_chl_opt = {};</script></body></html>',
      expected: /challenge script/,
    },
    {
      name: '"Checking your browser" text',
      page: '<html><body><h1>Checking your browser before accessing example.com</h1><p>This process is automatic.</p></body></html>',
      expected: /challenge page \(text/,
    },
    {
      name: 'noscript-only shell',
      page: '<html><body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript><script src="/app.js"></script></body></html>',
      expected: /^script-only shell \(<noscript>/,
    },
    {
      name: 'empty app shell',
      page: '<html><body><div id="__next"></div><script src="/_next/app.js"></script></body></html>',
      expected: /^script-only shell \(no text\)/,
    },
  ])('flags a $name', ({ page, expected }) => {
    expect(botWallReason(html(page))).toMatch(expected);
  });

  it('flags body selectors that match nothing, and passes a page where they match', () => {
    expect(botWallReason(html(TERMS), ['article'])).toBe('selector article matches nothing');
    expect(botWallReason(html(TERMS), ['main', '.terms'])).toBeNull();
    expect(botWallReason(html(TERMS))).toBeNull();
  });

  it('passes long documents that merely mention a challenge phrase, and anything that is not HTML', () => {
    const long = `<html><body><main><p>Verify you are human: ${'we explain CAPTCHAs at length. '.repeat(80)}</p></main></body></html>`;
    expect(botWallReason(html(long))).toBeNull();
    expect(
      botWallReason({ mediaType: 'application/rss+xml', text: '<rss><channel></channel></rss>' }, ['main']),
    ).toBeNull();
  });
});
