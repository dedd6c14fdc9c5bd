import { describe, expect, it } from 'vitest';
import { clauseChange, termsChanged } from '../../alerts/alerts-test-kit.ts';
import { termsChangeMessage } from '../../alerts/message.ts';
import { words } from './discord-test-kit.ts';
import { threadDetails } from './thread-details.ts';

function message(count: number, length: number) {
  const changes = Array.from({ length: count }, (_, index) =>
    clauseChange({ label: `${index + 1}`, before: words(length, `b${index}x`), after: words(length, `a${index}x`) }),
  );
  return termsChangeMessage(termsChanged(changes));
}

describe('threadDetails', () => {
  it('splits long clause changes into closed diff blocks of at most 2000 characters, losing no word', () => {
    const alert = message(3, 5000);
    const parts = threadDetails(alert);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect(part.split('```').length % 2).toBe(1);
    }
    const all = parts.join('\n');
    for (const change of alert.clauseChanges)
      for (const word of [...(change.before ?? '').split(' '), ...(change.after ?? '').split(' ')])
        expect(all).toContain(word);
    expect(all).toContain(
      '**🔴 modified — Terms › 3. Your Content 1**\nTraining on Inputs now allowed\n```diff\n- b0x0 b0x1',
    );
    // Continuations keep their line's mark.
    expect(all).toMatch(/```diff\n\+ a0x\d+/u);
  });

  it('puts several short changes in one message', () => {
    const parts = threadDetails(message(3, 50));
    expect(parts).toHaveLength(1);
    expect(parts[0]?.match(/```diff/gu)).toHaveLength(3);
  });

  it('stops at maxMessages and says exactly how many changes are left', () => {
    const parts = threadDetails(message(200, 5000), { maxMessages: 10 });
    expect(parts.length).toBeLessThanOrEqual(10);
    // One change of 5,000 characters before and after takes about six messages: the next would not fit.
    expect(parts.join('\n')).toContain('b0x0');
    expect(parts.join('\n')).not.toContain('b1x0');
    expect(parts.at(-1)?.endsWith('…and 199 more clause changes: /diff shows them all.')).toBe(true);
    expect(parts.every((part) => part.length <= 2000)).toBe(true);
  });

  it('gives every change when they fit exactly, and nothing for an alert without changes', () => {
    expect(threadDetails(message(2, 50), { maxMessages: 1 })).toHaveLength(1);
    expect(threadDetails(message(0, 0))).toEqual([]);
  });
});
