import { describe, expect, it } from 'vitest';
import { sniffFeed } from './sniff-feed.ts';

describe('sniffFeed', () => {
  it.each([
    { name: 'RSS', text: '<rss version="2.0"><channel/></rss>', mediaType: '', expected: { kind: 'rss', root: 'rss' } },
    {
      name: 'prolog, comment, stylesheet and DOCTYPE before the root',
      text: '\uFEFF <?xml version="1.0"?>\n<!-- c --><?xml-stylesheet href="s.xsl"?><!DOCTYPE rss [<!ENTITY a "b">]>\n<rss>',
      mediaType: 'text/xml',
      expected: { kind: 'rss', root: 'rss' },
    },
    {
      name: 'Atom',
      text: '<feed xmlns="http://www.w3.org/2005/Atom">',
      mediaType: '',
      expected: { kind: 'atom', root: 'feed' },
    },
    { name: 'prefixed Atom', text: '<a:feed xmlns:a="…">', mediaType: '', expected: { kind: 'atom', root: 'a:feed' } },
    { name: 'RSS 1.0', text: '<rdf:RDF xmlns:rdf="…">', mediaType: '', expected: { kind: 'rdf', root: 'rdf:RDF' } },
    { name: 'JSON by its brace', text: '  {"version": 1}', mediaType: 'text/plain', expected: { kind: 'json' } },
    { name: 'JSON by media type', text: 'oops', mediaType: 'application/feed+json', expected: { kind: 'json' } },
    {
      name: 'XML behind a JSON media type',
      text: '<rss>',
      mediaType: 'application/json',
      expected: { kind: 'rss', root: 'rss' },
    },
    { name: 'HTML DOCTYPE', text: '<!doctype html>\n<html>', mediaType: 'text/html', expected: { kind: 'html' } },
    { name: 'HTML root', text: '<HTML><body>', mediaType: '', expected: { kind: 'html' } },
    { name: 'HTML fragment', text: '<div class="x">rss</div>', mediaType: '', expected: { kind: 'html' } },
    { name: 'another XML vocabulary', text: '<urlset>', mediaType: '', expected: { kind: 'other', root: 'urlset' } },
    { name: 'text', text: 'Bad gateway', mediaType: 'text/plain', expected: { kind: 'other', root: null } },
    { name: 'unclosed comment', text: '<!-- forever', mediaType: '', expected: { kind: 'other', root: null } },
  ])('$name', ({ text, mediaType, expected }) => {
    expect(sniffFeed(text, mediaType)).toEqual(expected);
  });
});
