import { describe, expect, it } from 'vitest';
import { answerWithin } from './slash-command.ts';

function recorder() {
  const calls: { what: 'ack' | 'respond'; body: object | undefined; at: number }[] = [];
  return {
    calls,
    ack: (body?: object) => {
      calls.push({ what: 'ack', body, at: Date.now() });
      return Promise.resolve();
    },
    respond: (body: object) => {
      calls.push({ what: 'respond', body, at: Date.now() });
      return Promise.resolve();
    },
  };
}

describe('answerWithin', () => {
  it('answers in the acknowledgement when the reply is ready in time', async () => {
    const { calls, ack, respond } = recorder();
    await answerWithin(1000, Promise.resolve({ text: 'done' }), ack, respond);
    expect(calls.map(({ what, body }) => ({ what, body }))).toEqual([{ what: 'ack', body: { text: 'done' } }]);
  });

  it('acknowledges a slow command within the budget and sends its reply to response_url', async () => {
    const { calls, ack, respond } = recorder();
    const started = Date.now();
    const slow = new Promise<object>((resolve) => setTimeout(resolve, 300, { text: 'late' }));
    await answerWithin(50, slow, ack, respond);
    expect(calls.map(({ what }) => what)).toEqual(['ack', 'respond']);
    expect((calls[0]?.at ?? 0) - started).toBeLessThan(250);
    expect(calls[0]?.body).toEqual({ response_type: 'ephemeral', text: ':hourglass_flowing_sand: Working on it…' });
    expect(calls[1]?.body).toEqual({ text: 'late', replace_original: true });
  });
});
