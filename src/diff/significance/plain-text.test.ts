import { describe, expect, it } from 'vitest';
import { toPlainText } from './plain-text.ts';

describe('toPlainText', () => {
  it.each([
    ['You may [cancel](https://example.com/a) at any time.', 'You may cancel at any time.'],
    ['**3.2** Fees are __final__.', '3.2 Fees are final.'],
    ['\\Welcome to Acme\\!', 'Welcome to Acme!'],
    ['## Governing law', 'Governing law'],
    ['* We may suspend access.', 'We may suspend access.'],
    ['1. Who we are.\n-------------------', '1. Who we are.'],
    ['Plain text stays.', 'Plain text stays.'],
  ])('%j → %j', (text, expected) => {
    expect(toPlainText(text)).toBe(expected);
  });
});
