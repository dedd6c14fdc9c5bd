import { describe, expect, it } from 'vitest';
import { ExtractError } from '../domain/errors.ts';
import { extractTerms } from './extract-terms.ts';

const page = (body: string, head = '<title>Terms</title>'): string =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

function extractError(run: () => unknown): ExtractError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExtractError) return error;
    throw error;
  }
  throw new Error('expected an ExtractError');
}

describe('extractTerms', () => {
  it('keeps headings, numbered paragraphs, nested lists, definitions and tables', () => {
    const html = page(`
      <header><nav><a href="/">Home</a></nav></header>
      <main>
        <h1>Commercial Terms</h1>
        <section><h2>3. Fees</h2>
          <p>3.1 Customer will pay the fees.</p>
          <ol><li>First duty<ol><li>sub-point a</li><li>sub-point b</li></ol></li><li>Second duty</li></ol>
        </section>
        <dl><dt>API</dt><dd>The programmatic interface.</dd></dl>
        <table><thead><tr><th>Plan</th><th>Price</th></tr></thead><tbody><tr><td>Pro</td><td>$20 / month</td></tr></tbody></table>
      </main>
      <footer>© 2026</footer>`);
    expect(extractTerms(html, { select: [], remove: [] })).toBe(
      [
        '# Commercial Terms',
        '',
        '## 3. Fees',
        '',
        '3.1 Customer will pay the fees.',
        '',
        '1.  First duty',
        '    1.  sub-point a',
        '    2.  sub-point b',
        '2.  Second duty',
        '',
        '**API**: The programmatic interface.',
        '',
        '| Plan | Price |',
        '| Pro | $20 / month |',
      ].join('\n'),
    );
  });

  it('drops cookie banners, scripts and the declaration’s removals', () => {
    const html = page(`<main><div id="cookie-banner">We use cookies. Accept all</div><script>track()</script>
      <p>You may not use the Services to develop competing models.</p><aside class="promo">Try Pro now</aside></main>`);
    const text = extractTerms(html, { select: [], remove: ['.promo'] });
    expect(text).toBe('You may not use the Services to develop competing models.');
  });

  it('joins several selected bodies in document order without duplicating nested matches', () => {
    const html =
      page(`<div id="a"><p>Part one of the terms applies to everyone.</p><div class="inner"><p>Nested.</p></div></div>
      <div id="b"><p>Part two of the terms applies to business users.</p></div>`);
    const text = extractTerms(html, { select: ['#b', '#a', '.inner'], remove: [] });
    expect(text).toBe(
      'Part one of the terms applies to everyone.\n\nNested.\n\nPart two of the terms applies to business users.',
    );
  });

  it('is an error when the selector matches nothing', () => {
    const error = extractError(() =>
      extractTerms(page('<main><p>Some long enough text here for a page.</p></main>'), {
        select: ['#terms'],
        remove: [],
      }),
    );
    expect(error.code).toBe('selector_not_found');
    expect(error.message).toContain('#terms');
  });

  it('is an error on a challenge page', () => {
    const html = page(
      '<div id="challenge-running">Checking your browser before accessing the site.</div>',
      '<title>Just a moment...</title>',
    );
    expect(extractError(() => extractTerms(html, { select: [], remove: [] })).code).toBe('challenge_page');
  });

  it('is an error when nothing meaningful is left', () => {
    expect(
      extractError(() => extractTerms(page('<main><p>Loading…</p></main>'), { select: [], remove: [] })).code,
    ).toBe('empty_document');
  });
});
