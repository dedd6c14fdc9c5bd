import { describe, expect, it } from 'vitest';
import { cutAround, cutEnd, excerptAround, sentenceBounds } from './excerpt.ts';

const spanOf = (text: string, part: string): { start: number; end: number } => {
  const start = text.indexOf(part);
  return { start, end: start + part.length };
};

describe('sentenceBounds', () => {
  const text = 'First sentence costs $1.50 today. Second one; third part! Last';
  it.each([
    ['costs', 'First sentence costs $1.50 today.'],
    ['Second', ' Second one;'],
    ['third', ' third part!'],
    ['Last', ' Last'],
  ])('around %j', (part, expected) => {
    const bounds = sentenceBounds(text, spanOf(text, part));
    expect(text.slice(bounds.start, bounds.end)).toBe(expected);
  });
});

describe('excerptAround', () => {
  const text =
    'Preamble here. You agree that we may use your content to train our models and improve the services we offer to all of our customers worldwide. Tail.';

  it('quotes the whole sentence when it fits', () => {
    expect(excerptAround(text, spanOf(text, 'train'), 200)).toBe(
      'You agree that we may use your content to train our models and improve the services we offer to all of our customers worldwide',
    );
  });

  it('cuts at word boundaries around the focus, marking cuts', () => {
    const excerpt = excerptAround(text, spanOf(text, 'train'), 50);
    expect(excerpt).toBe('…use your content to train our models and…');
    expect(excerpt.length).toBeLessThanOrEqual(50);
  });
});

describe('cutAround and cutEnd', () => {
  it('keeps a focus longer than the limit from its start', () => {
    const text = 'one two three four five six seven eight nine ten';
    expect(cutAround(text, { start: 0, end: text.length }, 20)).toBe('one two three four…');
  });

  it('cuts the end at a word boundary', () => {
    expect(cutEnd('Liability cap shortened: 12 months → 6 months', 30)).toBe('Liability cap shortened: 12');
    expect(cutEnd('short', 30)).toBe('short');
  });
});
