import { describe, expect, it } from 'vitest';
import type { Significance } from '../domain/terms-diff.ts';
import { clauseChange, newsItem, newsPublished, termsChanged } from './alerts-test-kit.ts';
import {
  CONSOLE_LIMITS,
  DISCORD_LIMITS,
  fitMessage,
  measureMessage,
  SLACK_LIMITS,
  type MessageLimits,
} from './fit-message.ts';
import { clauseChangeLength, itemLength } from './fit-text.ts';
import { newsMessage, termsChangeMessage, type AlertClauseChange, type AlertMessage } from './message.ts';

/** Every limit a fitted message must keep. */
function expectWithinLimits(message: AlertMessage, limits: MessageLimits): void {
  expect(message.headline.length).toBeLessThanOrEqual(limits.headline);
  expect(message.fields.length).toBeLessThanOrEqual(limits.fields);
  for (const field of message.fields) {
    expect(field.name.length).toBeLessThanOrEqual(limits.fieldName);
    expect(field.value.length).toBeLessThanOrEqual(limits.fieldValue);
  }
  expect(message.clauseChanges.length).toBeLessThanOrEqual(limits.clauseChanges);
  expect(message.items.length).toBeLessThanOrEqual(limits.items);
  for (const change of message.clauseChanges) expect(clauseChangeLength(change)).toBeLessThanOrEqual(limits.text);
  for (const item of message.items) expect(itemLength(item)).toBeLessThanOrEqual(limits.text);
  expect(message.footer?.length ?? 0).toBeLessThanOrEqual(limits.text);
  expect(measureMessage(message)).toBeLessThanOrEqual(limits.total);
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['the', 'Provider', 'may', 'Kündigungsfrist', 'terminate', '😀', 'x'.repeat(300), 'Inputs', 'train', '§'];

function words(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += `${WORDS[Math.floor(next() * WORDS.length)] ?? ''}${next() < 0.1 ? '\n' : ' '}`;
  return text.slice(0, length);
}

const LEVELS: readonly Significance[] = ['high', 'medium', 'low'];

function randomChange(next: () => number, index: number): AlertClauseChange {
  const level = LEVELS[Math.floor(next() * 3)] ?? 'low';
  return {
    kind: 'modified',
    section: words(next, Math.floor(next() * 400)),
    label: next() < 0.5 ? null : `${index}.${Math.floor(next() * 9)}`,
    significance: level,
    summary: words(next, Math.floor(next() * 600)),
    before: next() < 0.2 ? null : words(next, Math.floor(next() * 5000)),
    after: next() < 0.2 ? null : words(next, Math.floor(next() * 5000)),
  };
}

function randomMessage(next: () => number): AlertMessage {
  const items = Array.from({ length: Math.floor(next() * 300) }, (_, index) => ({
    title: words(next, 1 + Math.floor(next() * 500)),
    url: `https://example.com/${'p'.repeat(Math.floor(next() * 600))}/${index}`,
    source: 'techcrunch/ai',
    summary: words(next, Math.floor(next() * 2000)),
    vendors: ['openai', 'anthropic'].slice(0, Math.floor(next() * 3)),
    topics: ['pricing'],
    significance: next() < 0.3 ? (LEVELS[Math.floor(next() * 3)] ?? 'low') : null,
    group: next() < 0.5 ? null : 'Anthropic',
  }));
  return {
    ...termsChangeMessage(termsChanged([])),
    headline: words(next, 1 + Math.floor(next() * 1000)),
    fields: Array.from({ length: Math.floor(next() * 40) }, () => ({
      name: words(next, 1 + Math.floor(next() * 400)),
      value: words(next, 1 + Math.floor(next() * 3000)),
    })),
    clauseChanges: Array.from({ length: Math.floor(next() * 200) }, (_, index) => randomChange(next, index)),
    items,
    footer: words(next, Math.floor(next() * 3000)),
    mention: '<@&123>',
  };
}

/** How many of each significance survive when the least significant go first. */
function expectedSurvivors(levels: readonly (Significance | null)[], kept: number): Record<string, number> {
  const counts: Record<string, number> = {};
  let left = kept;
  for (const level of [...LEVELS, null]) {
    const available = levels.filter((l) => l === level).length;
    counts[String(level)] = Math.min(available, left);
    left -= counts[String(level)] ?? 0;
  }
  return counts;
}

function survivors(levels: readonly (Significance | null)[]): Record<string, number> {
  return Object.fromEntries(
    [...LEVELS, null].map((level) => [String(level), levels.filter((l) => l === level).length]),
  );
}

const CUSTOM_LIMITS: MessageLimits = {
  headline: 40,
  text: 150,
  fieldName: 20,
  fieldValue: 60,
  fields: 3,
  clauseChanges: 6,
  items: 4,
  total: 900,
};

const ALL_LIMITS = { DISCORD_LIMITS, SLACK_LIMITS, CONSOLE_LIMITS, CUSTOM_LIMITS };

/** 200 changes of 5,000-character clauses: 5 high ones at the end of the document, the rest low. */
const hugeDiff = termsChanged(
  Array.from({ length: 200 }, (_, index) =>
    clauseChange({
      significance: index >= 195 ? 'high' : 'low',
      label: String(index),
      before: 'The Provider may terminate the agreement at any time. '.repeat(93),
      after: 'The Provider may terminate the agreement with thirty days of notice. '.repeat(73),
    }),
  ),
);

describe('fitMessage', () => {
  it('leaves a message within the limits as it is', () => {
    const message = termsChangeMessage(termsChanged([clauseChange()]));
    expect(fitMessage(message, DISCORD_LIMITS)).toEqual(message);
  });

  it.each([
    { name: 'Discord', limits: DISCORD_LIMITS, kept: 10 },
    { name: 'Slack', limits: SLACK_LIMITS, kept: 15 },
    { name: 'console', limits: CONSOLE_LIMITS, kept: 30 },
  ])('cuts a 200-change diff of long clauses for $name, high changes first', ({ limits, kept }) => {
    // bySignificance puts the 5 high changes first; fitMessage must keep them whatever the order.
    const message = {
      ...termsChangeMessage(hugeDiff),
      clauseChanges: [...termsChangeMessage(hugeDiff).clauseChanges].reverse(),
    };
    const fitted = fitMessage(message, limits);
    expectWithinLimits(fitted, limits);
    expect(fitted.clauseChanges).toHaveLength(kept);
    expect(fitted.clauseChanges.filter((change) => change.significance === 'high')).toHaveLength(5);
    expect(fitted.moreChanges).toBe(`…and ${200 - kept} more`);
    expect(fitted.headline).toBe(message.headline);
    // The survivors keep the message's order: here the lows (reversed document order) come before the highs.
    expect(fitted.clauseChanges.map((change) => change.label)).toEqual([
      ...Array.from({ length: kept - 5 }, (_, index) => String(194 - index)),
      '199',
      '198',
      '197',
      '196',
      '195',
    ]);
  });

  it('drops the least significant changes when even short excerpts do not fit, and counts them exactly', () => {
    const level = (significance: Significance, index: number): AlertClauseChange => ({
      kind: 'added',
      section: '',
      label: null,
      significance,
      summary: `${index}`.padEnd(100, 'x'),
      before: null,
      after: null,
    });
    const order: Significance[] = ['low', 'high', 'low', 'medium', 'high', 'low', 'low', 'medium', 'low', 'low'];
    const message: AlertMessage = {
      ...termsChangeMessage(termsChanged([])),
      headline: 'H',
      url: null,
      fields: [],
      links: [],
      buttons: [],
      footer: null,
      clauseChanges: order.map(level),
    };
    const limits = { ...CUSTOM_LIMITS, text: 100, total: 350, clauseChanges: 10 };
    const fitted = fitMessage(message, limits);
    // Head 1 + reserve 14 ("…and 109 more") leaves 335: three 100-character changes.
    expect(fitted.clauseChanges.map((change) => [change.significance, change.summary.slice(0, 1)])).toEqual([
      ['high', '1'],
      ['medium', '3'],
      ['high', '4'],
    ]);
    expect(fitted.moreChanges).toBe('…and 7 more');
    expectWithinLimits(fitted, limits);
  });

  it('lists the first stories of 300 and says how many more there are', () => {
    const items = Array.from({ length: 300 }, (_, index) =>
      newsItem({ key: String(index), title: `Story ${index}`, summary: 'A long summary sentence. '.repeat(12) }),
    );
    const fitted = fitMessage(newsMessage(newsPublished(items)), DISCORD_LIMITS);
    expectWithinLimits(fitted, DISCORD_LIMITS);
    expect(fitted.items.map((item) => item.title)).toEqual(Array.from({ length: 10 }, (_, index) => `Story ${index}`));
    expect(fitted.moreItems).toBe('…and 290 more');
    expect(fitted.headline).toBe('300 new stories from TechCrunch AI');
  });

  it('keeps the count exact when a fitted message is fitted again for a smaller platform', () => {
    const once = fitMessage(termsChangeMessage(hugeDiff), CONSOLE_LIMITS);
    const twice = fitMessage(once, DISCORD_LIMITS);
    expect(once.moreChanges).toBe('…and 170 more');
    expect(twice.moreChanges).toBe('…and 190 more');
  });

  it('cuts the headline at a word and too many fields into "…and N more"', () => {
    const message: AlertMessage = {
      ...termsChangeMessage(termsChanged([clauseChange()])),
      headline: 'Anthropic Commercial Terms changed in many places at once',
      fields: Array.from({ length: 5 }, (_, index) => ({ name: `Field ${index}`, value: 'value' })),
    };
    const fitted = fitMessage(message, CUSTOM_LIMITS);
    expect(fitted.headline).toBe('Anthropic Commercial Terms changed in…');
    expect(fitted.fields).toEqual([
      { name: 'Field 0', value: 'value' },
      { name: 'Field 1', value: 'value' },
      { name: 'More', value: '…and 3 more' },
    ]);
  });

  it.each(Object.entries(ALL_LIMITS))('never exceeds %s on random long input', (_, limits) => {
    const next = random(limits.total);
    for (let round = 0; round < 25; round += 1) {
      const message = randomMessage(next);
      const fitted = fitMessage(message, limits);
      expectWithinLimits(fitted, limits);
      expect(fitted.headline).not.toBe('');
      const missingChanges = message.clauseChanges.length - fitted.clauseChanges.length;
      const missingItems = message.items.length - fitted.items.length;
      expect(fitted.moreChanges).toBe(missingChanges === 0 ? null : `…and ${missingChanges} more`);
      expect(fitted.moreItems).toBe(missingItems === 0 ? null : `…and ${missingItems} more`);
      const changeLevels = message.clauseChanges.map((change) => change.significance);
      const itemLevels = message.items.map((item) => item.significance);
      expect(survivors(fitted.clauseChanges.map((change) => change.significance))).toEqual(
        expectedSurvivors(changeLevels, fitted.clauseChanges.length),
      );
      expect(survivors(fitted.items.map((item) => item.significance))).toEqual(
        expectedSurvivors(itemLevels, fitted.items.length),
      );
    }
  });
});
