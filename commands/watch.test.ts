import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestBed, MEMBER, type TestBed } from './commands-test-kit.ts';
import { slugFromUrl, watchId } from './watch-input.ts';

let bed: TestBed;

beforeEach(async () => {
  bed = await createTestBed();
});

afterEach(async () => {
  await bed.close();
});

describe('/watch', () => {
  it('checks the URL, then saves a terms page with an id from its URL', async () => {
    const reply = await bed.run('watch', {
      url: 'https://www.acme.ai/legal/terms-of-service.html#top',
      kind: 'terms',
      vendor: 'Acme',
      selector: 'main article',
    });
    expect(reply).toMatchObject({ status: 'ok', title: 'Watching', private: false });
    expect(reply.lines).toEqual([
      'acme/terms-of-service (terms) — https://www.acme.ai/legal/terms-of-service.html',
      'The first check runs on the next round; /sources shows how it fares.',
      'Stop with /unwatch id:acme/terms-of-service.',
      '"acme" is a new vendor.',
    ]);
    expect(bed.checks).toEqual([
      { url: 'https://www.acme.ai/legal/terms-of-service.html', kind: 'terms', selector: 'main article' },
    ]);
    expect(bed.watched).toEqual([
      {
        id: 'acme/terms-of-service',
        kind: 'terms',
        vendor: 'acme',
        title: 'Terms of service',
        url: 'https://www.acme.ai/legal/terms-of-service.html',
        select: ['main article'],
        remove: [],
      },
    ]);
  });

  it('saves a feed with a given title, and keeps ids unique', async () => {
    await bed.run('watch', {
      url: 'https://openai.example/blog/rss.xml',
      kind: 'feed',
      vendor: 'openai',
      title: 'OpenAI blog',
    });
    await bed.run('watch', { url: 'https://openai.example/news/rss.xml', kind: 'feed', vendor: 'openai' });
    await bed.run('watch', { url: 'https://mirror.example/openai/blog/rss.xml', kind: 'feed', vendor: 'openai' });
    expect(bed.watched.map((source) => [source.id, source.title, source.kind])).toEqual([
      ['openai/blog-rss', 'OpenAI blog', 'feed'],
      ['openai/news-rss', 'News rss', 'feed'],
      ['openai/blog-rss-2', 'Blog rss 2', 'feed'],
    ]);
  });

  it('suggests the known vendor when the new one looks like a typo', async () => {
    const reply = await bed.run('watch', {
      url: 'https://openai.example/policies/usage',
      kind: 'terms',
      vendor: 'opnai',
    });
    expect(reply.lines.at(-1)).toBe(
      '"opnai" is a new vendor. Did you mean openai? If so, /unwatch it and watch again.',
    );
  });

  it('saves nothing when the check refuses the URL', async () => {
    bed.answer = () => ({ ok: false, reason: '10.0.0.5 is a private address.' });
    const reply = await bed.run('watch', { url: 'http://intranet.example/terms', kind: 'terms', vendor: 'acme' });
    expect(reply).toMatchObject({ status: 'invalid', title: 'Not watched' });
    expect(reply.lines).toEqual([
      'http://intranet.example/terms did not pass the check: 10.0.0.5 is a private address.',
      'Nothing was saved.',
    ]);
    expect(bed.checks).toHaveLength(1);
    expect(bed.watched).toEqual([]);
  });

  it.each([
    [{ url: 'acme terms' }, '"acme terms" is not a URL; give the full address, e.g. https://example.com/legal/terms.'],
    [{ url: 'ftp://acme.ai/terms' }, 'Only http and https URLs can be watched, not ftp.'],
    [{ url: 'file:///etc/passwd' }, 'Only http and https URLs can be watched, not file.'],
    [
      { url: 'https://user:secret@acme.ai/terms' },
      'The URL carries a user name or password; give the public address without them.',
    ],
    [
      { vendor: 'Acme Labs' },
      'Vendor "Acme Labs" is not a slug; use lower-case letters, digits and dashes, e.g. acme or acme-labs.',
    ],
    [{ selector: 'main[' }, 'Selector "main[" is not valid CSS ('],
    [
      { kind: 'feed', selector: 'main' },
      'A selector only applies to terms pages; a feed is read as it is. Drop the selector.',
    ],
  ])('refuses bad input before any fetch: %o', async (options, message) => {
    const reply = await bed.run('watch', { url: 'https://acme.ai/terms', kind: 'terms', vendor: 'acme', ...options });
    expect(reply.status).toBe('invalid');
    expect(reply.lines[0]?.startsWith(message)).toBe(true);
    expect(reply.lines[1]).toBe('Nothing was saved.');
    expect(bed.checks).toEqual([]);
    expect(bed.watched).toEqual([]);
  });

  it('does not watch a URL twice', async () => {
    const reply = await bed.run('watch', {
      url: 'https://OPENAI.example/terms-of-use',
      kind: 'terms',
      vendor: 'openai',
    });
    expect(reply).toMatchObject({ status: 'ok', title: 'Already watched' });
    expect(reply.lines).toEqual(['https://openai.example/terms-of-use is watched as openai/terms-of-use.']);
    expect(bed.checks).toEqual([]);
  });

  it('requires url, kind and vendor', async () => {
    const reply = await bed.run('watch', { url: 'https://acme.ai/terms', vendor: 'acme' });
    expect(reply.lines[0]).toBe('Missing option kind: A terms page or a news feed.');
    expect(bed.watched).toEqual([]);
  });

  it('refuses members, saving nothing', async () => {
    const reply = await bed.run('watch', { url: 'https://acme.ai/terms', kind: 'terms', vendor: 'acme' }, MEMBER);
    expect(reply.status).toBe('refused');
    expect(bed.checks).toEqual([]);
    expect(bed.watched).toEqual([]);
  });
});

describe('/unwatch', () => {
  it('removes a source added with /watch', async () => {
    await bed.run('watch', { url: 'https://acme.ai/terms', kind: 'terms', vendor: 'acme' });
    const reply = await bed.run('unwatch', { id: 'ACME/terms' });
    expect(reply.lines).toEqual(['Stopped watching acme/terms; its history stays stored.']);
    expect(bed.watched).toEqual([]);
  });

  it('keeps catalog sources, saying why', async () => {
    const reply = await bed.run('unwatch', { id: 'openai/terms-of-use' });
    expect(reply.status).toBe('invalid');
    expect(reply.lines[0]).toBe(
      'openai/terms-of-use comes from the built-in catalog or the config file; only sources added with /watch can be removed here.',
    );
  });

  it('suggests the closest id for an unknown one', async () => {
    const reply = await bed.run('unwatch', { id: 'openai/terms-of-usage' });
    expect(reply.lines).toEqual([
      'There is no source "openai/terms-of-usage" — did you mean openai/terms-of-use? /sources lists them.',
    ]);
  });

  it('refuses members, removing nothing', async () => {
    await bed.run('watch', { url: 'https://acme.ai/terms', kind: 'terms', vendor: 'acme' });
    expect((await bed.run('unwatch', { id: 'acme/terms' }, MEMBER)).status).toBe('refused');
    expect(bed.watched.map((source) => source.id)).toEqual(['acme/terms']);
  });
});

describe('ids of watched sources', () => {
  it.each([
    ['https://acme.ai/legal/terms-of-service', 'terms-of-service'],
    ['https://acme.ai/Legal/Nutzungsbedingungen.html', 'nutzungsbedingungen'],
    ['https://acme.ai/legal/cond%C3%A9itions', 'condeitions'],
    ['https://www.acme.ai/', 'acme'],
    ['https://docs.acme.ai/legal', 'docs-acme-legal'],
    ['https://acme.ai/blog/feed/', 'blog-feed'],
    ['https://acme.ai/feed.xml', 'acme-feed'],
    ['https://acme.ai/%E2%9C%93', 'acme'],
  ])('%s → %s', (url, slug) => {
    expect(slugFromUrl(new URL(url))).toBe(slug);
  });

  it('numbers an id that is taken', () => {
    const url = new URL('https://acme.ai/terms');
    expect(watchId('acme', url, new Set())).toBe('acme/terms');
    expect(watchId('acme', url, new Set(['acme/terms', 'acme/terms-2']))).toBe('acme/terms-3');
  });
});
