import { describe, expect, it } from 'vitest';
import { vendorDisplayName } from './vendors.ts';

describe('vendorDisplayName', () => {
  it.each([
    ['openai', 'OpenAI'],
    ['xai', 'xAI'],
    ['acme-labs', 'Acme Labs'],
    ['globex', 'Globex'],
  ])('%s → %s', (slug, name) => {
    expect(vendorDisplayName(slug)).toBe(name);
  });
});
