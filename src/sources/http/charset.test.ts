import { describe, expect, it } from 'vitest';
import { decodeText, detectCharset, parseContentType } from './charset.ts';

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
const GERMAN = 'Änderungen für Bußgelder: Größe, Überprüfung, Löschung';

describe('parseContentType', () => {
  it.each([
    { header: undefined, expected: { mediaType: '', charset: null } },
    { header: 'text/html', expected: { mediaType: 'text/html', charset: null } },
    { header: 'Text/HTML; Charset=ISO-8859-1', expected: { mediaType: 'text/html', charset: 'ISO-8859-1' } },
    { header: 'application/xml;charset="utf-8"', expected: { mediaType: 'application/xml', charset: 'utf-8' } },
    { header: 'text/html; boundary=x; charset=latin1', expected: { mediaType: 'text/html', charset: 'latin1' } },
    { header: 'text/html; charset=', expected: { mediaType: 'text/html', charset: null } },
  ])('$header', ({ header, expected }) => {
    expect(parseContentType(header)).toEqual(expected);
  });
});

describe('detectCharset', () => {
  const table: readonly { name: string; body: Buffer; header: string | null; expected: string }[] = [
    { name: 'header label', body: latin1(`<p>${GERMAN}</p>`), header: 'ISO-8859-1', expected: 'windows-1252' },
    {
      name: 'meta charset',
      body: latin1(`<html><head><meta charset="iso-8859-1"></head><p>${GERMAN}</p>`),
      header: null,
      expected: 'windows-1252',
    },
    {
      name: 'meta http-equiv',
      body: latin1('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>ä</p>'),
      header: null,
      expected: 'windows-1252',
    },
    {
      name: 'XML prolog',
      body: latin1(`<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>${GERMAN}</title></rss>`),
      header: null,
      expected: 'windows-1252',
    },
    { name: 'unlabeled defaults to UTF-8', body: Buffer.from(`<p>${GERMAN}</p>`), header: null, expected: 'utf-8' },
    {
      name: 'header beats meta',
      body: latin1('<meta charset="iso-8859-1"><p>x</p>'),
      header: 'utf-8',
      expected: 'utf-8',
    },
    {
      name: 'BOM beats a contradicting header',
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GERMAN)]),
      header: 'iso-8859-1',
      expected: 'utf-8',
    },
    { name: 'unknown header label is skipped', body: Buffer.from('<p>x</p>'), header: 'x-bogus', expected: 'utf-8' },
  ];

  it.each(table)('$name', ({ body, header, expected }) => {
    expect(detectCharset(body, header)).toBe(expected);
  });
});

describe('decodeText', () => {
  it('decodes ISO-8859-1 German text correctly', () => {
    expect(decodeText(latin1(GERMAN), 'windows-1252')).toEqual({ text: GERMAN, charset: 'windows-1252' });
  });

  it('strips a UTF-8 BOM', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ä')]);
    expect(decodeText(body, 'utf-8').text).toBe('ä');
  });

  it('falls back to UTF-8 for an encoding the runtime cannot decode', () => {
    expect(decodeText(Buffer.from('ü'), 'x-not-an-encoding')).toEqual({ text: 'ü', charset: 'utf-8' });
  });
});

describe('windows-1252 on Node 20', () => {
  it('decodes „quotes“, dashes and the euro sign, not C1 control characters', () => {
    const body = Buffer.from([0x84, 0x4b, 0x49, 0x93, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0xe4]);
    expect(decodeText(body, 'windows-1252').text).toBe('„KI“ – €5 ä');
  });
});
