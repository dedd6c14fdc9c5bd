import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectCharset } from '../http/charset.ts';
import { decodeFeedBody, sniffFeedCharset } from './decode-feed-body.ts';
import { parseFeed } from './parse-feed.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/feeds');
const fixture = (name: string): Buffer => readFileSync(path.join(fixtures, name));

const GERMAN = 'Größere Änderungen: „Nutzungsbedingungen“ für Büros – Straße … €';
/** Windows-1252 bytes of text (Buffer's 'latin1' cannot write „ “ … – €). */
const cp1252 = (text: string): Buffer => {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
  return Buffer.from(
    Array.from(text, (char) => (high.includes(char) ? 0x80 + high.indexOf(char) : char.charCodeAt(0))),
  );
};
const rss = (prolog: string, title: string): string =>
  `<?xml version="1.0"${prolog}?><rss version="2.0"><channel><title>Feed</title>` +
  `<item><title>${title}</title><link>https://de.example.com/a</link></item></channel></rss>`;
const titleOf = (body: Buffer, contentType?: string): string | undefined =>
  parseFeed({ body, url: 'https://de.example.com/rss', contentType }).items[0]?.title;

describe('parseFeed encodings', () => {
  it('the Latin-1 fixtures are real single-byte files', () => {
    expect(isUtf8(fixture('latin1-de.xml'))).toBe(false);
    expect(isUtf8(fixture('windows-1252-de.atom'))).toBe(false);
  });

  it('ISO-8859-1 prolog, no header: umlauts, ß, „…“ and German RFC 822 date', () => {
    expect(parseFeed({ body: fixture('latin1-de.xml'), url: 'https://nachrichten.example.de/rss' })).toEqual({
      format: 'rss',
      title: 'KI-Nachrichten für Übersicht',
      truncated: 0,
      items: [
        {
          id: 'de-1',
          title: 'Größere Änderungen: „Nutzungsbedingungen“ für Büros',
          url: 'https://nachrichten.example.de/artikel/groesse',
          published: '2025-03-12T09:00:00.000Z',
          summary: 'Straße, Füße und Öl … alles neu.',
          content: '',
        },
      ],
    });
  });

  it('windows-1252 prolog in Atom', () => {
    const feed = parseFeed({ body: fixture('windows-1252-de.atom'), url: 'https://ml.example.at/atom' });
    expect(feed.title).toBe('Maschinelles Lernen – Übersicht');
    expect(feed.items[0]).toMatchObject({
      title: 'Schlüsselwörter: „Datenschutz“ & Löschfristen',
      summary: 'Gemäß § 5 gelten künftig strengere Regeln…',
    });
  });

  it.each([
    { name: 'header charset only', body: cp1252(rss('', GERMAN)), header: 'application/rss+xml; charset=ISO-8859-1' },
    { name: 'prolog only', body: cp1252(rss(' encoding="ISO-8859-1"', GERMAN)), header: undefined },
    { name: 'windows-1252 label', body: cp1252(rss(' encoding="windows-1252"', GERMAN)), header: 'text/xml' },
    { name: 'UTF-8, no label', body: Buffer.from(rss('', GERMAN)), header: undefined },
    {
      name: 'UTF-8 header wins over a wrong ISO-8859-1 prolog',
      body: Buffer.from(rss(' encoding="ISO-8859-1"', GERMAN)),
      header: 'application/xml; charset=utf-8',
    },
    {
      name: 'UTF-8 bytes behind a wrong ISO-8859-1 prolog, no header',
      body: Buffer.from(rss(' encoding="ISO-8859-1"', GERMAN)),
      header: undefined,
    },
    {
      name: 'UTF-8 bytes behind a wrong ISO-8859-1 header',
      body: Buffer.from(rss('', GERMAN)),
      header: 'text/xml; charset=iso-8859-1',
    },
    {
      name: 'Latin-1 bytes behind a wrong UTF-8 header, prolog right',
      body: cp1252(rss(' encoding="ISO-8859-1"', GERMAN)),
      header: 'text/xml; charset=utf-8',
    },
    {
      name: 'Latin-1 bytes behind a wrong UTF-8 header, no prolog',
      body: cp1252(rss('', GERMAN)),
      header: 'text/xml; charset=UTF-8',
    },
    {
      name: 'UTF-8 with BOM',
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss('', GERMAN))]),
      header: undefined,
    },
    {
      name: 'UTF-16LE with BOM',
      body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rss(' encoding="UTF-16"', GERMAN), 'utf16le')]),
      header: undefined,
    },
  ])('$name', ({ body, header }) => {
    expect(titleOf(body, header)).toBe(GERMAN);
  });

  it('an unknown declared encoding falls back to UTF-8 and stays readable', () => {
    expect(titleOf(Buffer.from(rss(' encoding="x-klingon"', GERMAN)))).toBe(GERMAN);
  });

  it('one stray Latin-1 byte in a feed labelled UTF-8 reads as windows-1252, not U+FFFD', () => {
    const body = Buffer.from(rss('', 'Titel XX').replace('XX', '\u0000'));
    body[body.indexOf(0)] = 0xe4;
    expect(titleOf(body, 'text/xml; charset=utf-8')).toBe('Titel ä');
  });
});

describe('decodeFeedBody', () => {
  it('maps windows-1252 0x80–0x9F to their characters, not C1 controls', () => {
    expect(decodeFeedBody(Buffer.from([0x80, 0x84, 0x85, 0x93, 0x96, 0x99, 0xe4]), 'windows-1252')).toEqual({
      text: '€„…“–™ä',
      charset: 'windows-1252',
    });
  });

  it('keeps a clean header charset and a pure-ASCII body as labelled', () => {
    expect(decodeFeedBody(Buffer.from('<rss/>'), 'iso-8859-1')).toEqual({ text: '<rss/>', charset: 'windows-1252' });
    expect(decodeFeedBody(Buffer.from('<rss/>'), null)).toEqual({ text: '<rss/>', charset: 'utf-8' });
  });
});

describe('sniffFeedCharset', () => {
  it('answers as detectCharset does, shortcut or not', () => {
    const prologs = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      "<?xml version='1.0' encoding='utf-8'?>",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
      '<?XML VERSION="1.0" ENCODING="UTF-8"?>',
      '<?xml version="1.0" encoding="ISO-8859-1"?>',
      '<?xml version="1.0" encoding="windows-1252"?>',
      '<?xml version="1.0" encoding="UTF-16"?>',
      '<?xml version="1.0" encoding="utf-8 "?>',
      '<?xml version="1.1" encoding="UTF-8"?>',
      '<?xml version="1.0"?>',
      '',
    ];
    const starts = ['', '\ufeff', ' '];
    const metas = [
      '',
      '<meta charset="iso-8859-2">',
      '<META http-equiv="Content-Type" content="text/html; charset=koi8-r">',
    ];
    const padding = ['', 'x'.repeat(2_000)];
    const headers = [null, 'iso-8859-1', 'utf-8', 'bogus'];
    for (const start of starts) {
      for (const prolog of prologs) {
        for (const pad of padding) {
          for (const meta of metas) {
            const body = Buffer.from(
              `${start}${prolog}<rss version="2.0"><channel>${pad}${meta}<title>T</title></channel></rss>`,
            );
            for (const header of headers) {
              expect(sniffFeedCharset(body, header), `${start}${prolog}${pad.length}${meta} ${String(header)}`).toBe(
                detectCharset(body, header),
              );
            }
          }
        }
      }
    }
    expect(sniffFeedCharset(Buffer.from('<?xml version="1.0" encoding="UTF-8"?><rss/>'), null)).toBe('utf-8');
  });
});
