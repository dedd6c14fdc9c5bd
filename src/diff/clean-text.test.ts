import { describe, expect, it } from 'vitest';
import { cleanInline, comparisonKey, looseKey, maskEmails, stripTrackingParams } from './clean-text.ts';

describe('cleanInline', () => {
  it.each([
    ['emphasis and escapes', '**1\\. Access** and _use_ of `the` Service\\.', '1. Access and use of the Service.'],
    [
      'links keep their text',
      'Read our [Privacy Policy⁠](https://x.example/privacy?utm_source=a).',
      'Read our Privacy Policy.',
    ],
    [
      'icon links vanish, mailto links keep the address',
      '[](https://x.example/legal)[](mailto:a@x.example)',
      'a@x.example',
    ],
    ['line breaks and odd spaces', 'Legal:\u00a0Agent<br>X\u2009Corp\u200b.', 'Legal: Agent X Corp.'],
    ['link hints', 'fill out [this form(opens in a new window)](https://f.example)', 'fill out this form'],
    ['snake_case survives', 'set the user_id field', 'set the user_id field'],
    [
      'bare URLs lose tracking parameters',
      'see https://x.example/p?id=1&utm_medium=mail now',
      'see https://x.example/p?id=1 now',
    ],
  ])('%s', (_name, raw, expected) => {
    expect(cleanInline(raw)).toBe(expected);
  });

  it('leaves Markdown syntax alone in plain text', () => {
    expect(cleanInline('a **b** [c](d)', 'text')).toBe('a **b** [c](d)');
  });
});

describe('stripTrackingParams', () => {
  it.each([
    ['https://x.example/a?utm_source=s&utm_campaign=c', 'https://x.example/a'],
    ['https://x.example/a?id=3&fbclid=f&gclid=g#top', 'https://x.example/a?id=3#top'],
    ['https://x.example/a?mc_cid=1&openaicom-did=abc&q=terms', 'https://x.example/a?q=terms'],
    ['https://x.example/a', 'https://x.example/a'],
  ])('%s', (url, expected) => {
    expect(stripTrackingParams(url)).toBe(expected);
  });
});

describe('comparisonKey', () => {
  it('flattens quotes, dashes, ellipsis, case and stray backslashes', () => {
    expect(comparisonKey('\\„Dienst“ – the ‘App’…')).toBe(comparisonKey('"dienst" - THE \'app\'...'));
  });

  it('keeps wording differences apart', () => {
    expect(comparisonKey('We may train on Inputs.')).not.toBe(comparisonKey('We do not train on Inputs.'));
  });
});

describe('looseKey and maskEmails', () => {
  it('masks plain and Cloudflare-obfuscated addresses alike', () => {
    expect(maskEmails('email: [email protected]')).toBe(maskEmails('email: support@x.ai'));
  });

  it('drops common punctuation but keeps currency and numbers', () => {
    expect(looseKey('a, b and c.')).toBe(looseKey('a b and c'));
    expect(looseKey('fees of $20')).not.toBe(looseKey('fees of €20'));
  });
});
