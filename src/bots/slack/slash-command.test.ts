import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../alerts/delivery/delivery-test-kit.ts';
import { answerWithin, createSlashCommandHandler } from './slash-command.ts';

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

describe('createSlashCommandHandler', () => {
  const payload = { text: 'latest', team_id: 'T1', channel_id: 'C1', user_id: 'U1', trigger_id: 'tr' };

  it('answers a command whose run broke with a generic reply and logs the cause', async () => {
    const logger = recordingLogger();
    const handle = createSlashCommandHandler({
      run: () => Promise.reject(new Error('database is locked')),
      canManage: () => Promise.resolve(false),
      api: { openView: () => Promise.resolve() },
      logger,
    });
    const { calls, ack, respond } = recorder();
    await handle(payload, ack, respond);
    expect(calls.map(({ what }) => what)).toEqual(['ack']);
    expect(JSON.stringify(calls[0]?.body)).toMatch(/Something went wrong/u);
    expect(JSON.stringify(calls[0]?.body)).not.toMatch(/database is locked/u);
    expect(logger.lines.map((line) => line.message)).toEqual(['Slack command failed']);
  });

  it('acks a bare subscribe at once and, when the modal cannot open, says how to type the options', async () => {
    const handle = createSlashCommandHandler({
      run: () => Promise.reject(new Error('not called')),
      canManage: () => Promise.resolve(false),
      api: { openView: () => Promise.reject(new Error('expired_trigger_id')) },
      logger: recordingLogger(),
    });
    const { calls, ack, respond } = recorder();
    await handle({ ...payload, text: 'subscribe' }, ack, respond);
    expect(calls.map(({ what, body }) => [what, body === undefined])).toEqual([
      ['ack', true],
      ['respond', false],
    ]);
    expect(JSON.stringify(calls[1]?.body)).toMatch(/type the options instead[\s\S]*\/clausewatch subscribe/u);
  });
});
