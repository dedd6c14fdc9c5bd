import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createTestBed, MEMBER, type TestBed } from './commands-test-kit.ts';
import { ALERTS_CHANNEL_SETTING } from './alerts-channel.ts';

let bed: TestBed;

beforeEach(async () => {
  bed = await createTestBed();
});

afterEach(async () => {
  await bed.close();
});

const WORKSPACE = { platform: 'discord', workspaceId: 'guild-1' } as const;

async function failTwice(sourceId: string) {
  const failure = { ok: false as const, code: 'http_status', message: 'HTTP 503' };
  await bed.store.recordPoll({ sourceId, at: '2026-03-31T00:00:00Z', result: failure, events: [] });
  await bed.store.recordPoll({ sourceId, at: '2026-03-31T00:15:00Z', result: failure, events: [] });
}

describe('/alerts-channel', () => {
  it('sets this channel and lists what is failing now', async () => {
    await failTwice('openai/terms-of-use');
    const reply = await bed.run('alerts-channel', { action: 'set' });
    expect(reply).toMatchObject({ status: 'ok', title: 'Alerts channel set', private: false });
    expect(reply.lines).toEqual([
      'Sources that keep failing are reported in <#chan-1>.',
      '1 source is failing now:',
      'openai/terms-of-use: HTTP 503',
    ]);
    expect(await bed.subscriptions.getSetting(WORKSPACE, ALERTS_CHANNEL_SETTING)).toBe('chan-1');
  });

  it('shows the channel by default, and that none is set', async () => {
    const none = await bed.run('alerts-channel');
    expect(none.lines).toEqual([
      'No alerts channel is set, so nobody hears about failing sources. /alerts-channel action:set in the channel that should.',
      'No source is failing now.',
    ]);
    await bed.run('alerts-channel', { action: 'set' }, { ...ADMIN, channelId: 'ops' });
    const shown = await bed.run('alerts-channel', { action: 'show' });
    expect(shown.lines[0]).toBe('Sources that keep failing are reported in <#ops>.');
  });

  it('turns the reports off', async () => {
    await bed.run('alerts-channel', { action: 'set' });
    const reply = await bed.run('alerts-channel', { action: 'off' });
    expect(reply.lines).toEqual(['Failing sources are no longer reported in chat; /sources still shows them.']);
    expect(bed.subscriptions.allSettings()).toEqual(new Map());
  });

  it('cannot be set from a DM', async () => {
    const reply = await bed.run('alerts-channel', { action: 'set' }, { ...ADMIN, channelId: null });
    expect(reply.status).toBe('invalid');
    expect(reply.lines).toEqual(['Run /alerts-channel action:set in the channel that should get the reports.']);
    expect(bed.subscriptions.allSettings()).toEqual(new Map());
  });

  it('refuses members, saving nothing', async () => {
    const reply = await bed.run('alerts-channel', { action: 'set' }, MEMBER);
    expect(reply.status).toBe('refused');
    expect(reply.lines[0]).toBe(
      'Only members who can manage this channel may use /alerts-channel. Nothing was changed.',
    );
    expect(bed.subscriptions.allSettings()).toEqual(new Map());
  });

  it('refuses an unknown action', async () => {
    const reply = await bed.run('alerts-channel', { action: 'enable' });
    expect(reply.lines[0]).toBe('Option action cannot be "enable". Choose one of set, show, off.');
  });

  it('counts failing sources past ten', async () => {
    const many = Array.from({ length: 12 }, (_, i) => `acme/doc-${String(i).padStart(2, '0')}`);
    for (const id of many) await failTwice(id);
    const reply = await bed.run('alerts-channel');
    expect(reply.lines[1]).toBe('12 sources are failing now:');
    expect(reply.lines).toHaveLength(13);
    expect(reply.lines.at(-1)).toBe('…and 2 more.');
  });
});
