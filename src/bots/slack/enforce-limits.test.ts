import { describe, expect, it } from 'vitest';
import { BLOCK_LIMITS, blocksLength, context, section, type Block } from './block-kit.ts';
import { enforceLimits } from './enforce-limits.ts';

const header: Block = { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(400) } };
const footer = context('footer');

describe('enforceLimits', () => {
  it('cuts texts to their limits, closing an opened ``` block and never splitting an entity', () => {
    const [cutHeader, cutSection] = enforceLimits([header, section(`\`\`\`\n${'a &amp; '.repeat(1000)}\n\`\`\``)]);
    expect(cutHeader).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: `${'h'.repeat(149)}…`, emoji: true },
    });
    const text = cutSection?.type === 'section' ? (cutSection.text?.text ?? '') : '';
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.endsWith('\n```')).toBe(true);
    expect(text).not.toMatch(/&(?!amp;)/u);
  });

  it('keeps at most 50 blocks, the header and the closing context, and says how many went', () => {
    const blocks = [header, ...Array.from({ length: 70 }, (_, index) => section(`line ${index}`)), footer];
    const kept = enforceLimits(blocks);
    expect(kept).toHaveLength(50);
    expect(kept[0]?.type).toBe('header');
    expect(kept.at(-1)).toEqual(footer);
    expect(kept.at(-2)).toEqual(context('…and 23 more parts not shown'));
  });

  it('shortens, then drops, sections until the JSON fits the budget', () => {
    const blocks = [header, ...Array.from({ length: 10 }, () => section('word '.repeat(590))), footer];
    const kept = enforceLimits(blocks);
    expect(blocksLength(kept)).toBeLessThanOrEqual(BLOCK_LIMITS.blocksJson);
    expect(kept.at(-1)).toEqual(footer);
    expect(kept.length).toBeGreaterThan(2);
  });

  it('makes duplicate action ids unique and cuts button texts', () => {
    const button = {
      type: 'button' as const,
      text: { type: 'plain_text' as const, text: 'b'.repeat(100) },
      action_id: 'a'.repeat(300),
      value: 'v'.repeat(3000),
    };
    const [actions] = enforceLimits([{ type: 'actions', elements: [button, button] }]);
    const elements = actions?.type === 'actions' ? actions.elements : [];
    expect(elements.map((element) => element.action_id.length)).toEqual([255, 251]);
    expect(new Set(elements.map((element) => element.action_id)).size).toBe(2);
    expect(elements[0]?.text.text.length).toBe(75);
    expect(elements[0]?.value?.length).toBe(2000);
  });
});
