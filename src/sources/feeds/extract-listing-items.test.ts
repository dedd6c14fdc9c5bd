import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../../domain/errors.ts';
import { extractListingItems } from './extract-listing-items.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/feeds');
const page = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');

describe('extractListingItems', () => {
  it('reads an English newsroom: <base>, time[datetime], dates in text, link selector, skipped items', () => {
    const parsed = extractListingItems(page('listing-en.html'), 'https://lab.example.com/newsroom', {
      item: 'article.post',
      title: '.post-title',
      date: 'time, .meta',
      summary: '.teaser',
    });
    expect(parsed).toEqual({
      format: 'page',
      title: 'Newsroom – Example Lab',
      truncated: 0,
      items: [
        {
          id: null,
          title: 'Usage policy update & FAQ',
          url: 'https://lab.example.com/newsroom/2025/policy-update',
          published: '2025-03-12T09:00:00.000Z',
          summary: 'We are updating our usage policy. Read the FAQ.',
          content: '',
        },
        {
          id: null,
          title: 'Research note without a link',
          url: 'https://lab.example.com/research/note?utm_medium=web',
          published: '2025-03-11T00:00:00.000Z',
          summary: 'A note.',
          content: '',
        },
        { id: null, title: 'Script link only', url: null, published: null, summary: '', content: '' },
      ],
    });
  });

  it('reads a German press page: first a[href] by default, "12. März 2025" and "03.02.2025"', () => {
    const parsed = extractListingItems(page('listing-de.html'), 'https://presse.example.de/aktuell/', {
      item: 'li.news-item',
      title: '.headline',
      date: '.datum',
      summary: '.lead',
    });
    expect(parsed).toEqual({
      format: 'page',
      title: 'Pressemitteilungen',
      truncated: 0,
      items: [
        {
          id: null,
          title: 'KI-Verordnung: Neue Pflichten für Anbieter',
          url: 'https://presse.example.de/presse/2025/ki-verordnung',
          published: '2025-03-12T00:00:00.000Z',
          summary: 'Ab August gelten neue Transparenzpflichten.',
          content: '',
        },
        {
          id: null,
          title: 'Rechenzentren & Energie',
          url: 'https://presse.example.de/presse/2025/rechenzentren',
          published: '2025-02-03T00:00:00.000Z',
          summary: 'Ein Überblick.',
          content: '',
        },
      ],
    });
  });

  it('takes the href of an item that is itself a link, or of the link wrapping it', () => {
    const html =
      '<a class="card" href="/a"><h3>Card A</h3></a>' + '<a href="/b"><div class="card"><h3>Card B</h3></div></a>';
    const parsed = extractListingItems(html, 'https://cards.example.com/news/', { item: '.card', title: 'h3' });
    expect(parsed.items.map(({ title, url }) => ({ title, url }))).toEqual([
      { title: 'Card A', url: 'https://cards.example.com/a' },
      { title: 'Card B', url: 'https://cards.example.com/b' },
    ]);
  });

  it('uses the link selector: its own href, else the first a[href] inside it', () => {
    const html = '<div class="i"><a href="/tag">tag</a><h3>T</h3><span class="go"><a href="/story">go</a></span></div>';
    const parsed = extractListingItems(html, 'https://s.example.com/', { item: '.i', title: 'h3', link: '.go' });
    expect(parsed.items[0]?.url).toBe('https://s.example.com/story');
  });

  it('caps items and counts the rest', () => {
    const html = Array.from({ length: 12 }, (_, index) => `<li><a href="/${index}">Story ${index}</a></li>`).join('');
    const parsed = extractListingItems(html, 'https://cap.example.com/', { item: 'li', title: 'a' }, { maxItems: 5 });
    expect(parsed.items.map((item) => item.title)).toEqual(['Story 0', 'Story 1', 'Story 2', 'Story 3', 'Story 4']);
    expect(parsed.truncated).toBe(7);
  });

  it('an item selector that matches nothing is an error naming the selector', () => {
    expect(() =>
      extractListingItems('<p>redesigned</p>', 'https://x.example.com/', { item: 'article', title: 'h2' }),
    ).toThrow(
      new ExtractError('selector_not_found', 'listing selector "article" matched nothing on https://x.example.com/'),
    );
  });

  it('an invalid selector is an error, not a crash', () => {
    let caught: unknown;
    try {
      extractListingItems('<li>x</li>', 'https://x.example.com/', { item: 'li', title: 'h2[' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExtractError);
    expect((caught as ExtractError).code).toBe('selector_invalid');
    expect((caught as ExtractError).message).toBe('invalid listing selector "h2[" for https://x.example.com/');
  });

  it('reads a page nested a few hundred deep', () => {
    const html = `<article><h2><a href="/deep">${'<span>'.repeat(300)}Deep</a></h2></article>`;
    const parsed = extractListingItems(html, 'https://deep.example.com/', { item: 'article', title: 'h2' });
    expect(parsed.items).toEqual([
      { id: null, title: 'Deep', url: 'https://deep.example.com/deep', published: null, summary: '', content: '' },
    ]);
  });

  it('refuses a page nested thousands deep before parsing it', () => {
    const html = `<article><h2>${'<div>'.repeat(200_000)}Deep</h2></article>`;
    const started = performance.now();
    expect(() => extractListingItems(html, 'https://deep.example.com/', { item: 'article', title: 'h2' })).toThrow(
      new ExtractError(
        'page_too_deep',
        'listing page nests elements more than 1000 deep, refusing to parse it: https://deep.example.com/',
      ),
    );
    expect(performance.now() - started).toBeLessThan(200);
  });
});
