import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Invocation } from '../../commands/index.ts';
import { createTestRuntime, type TestRuntime } from '../../test/fakes/test-runtime.ts';
import { recordDeliveryNotice, runChatCommand, takeDeliveryNotice } from './delivery-notice.ts';

let bed: TestRuntime;
beforeEach(async () => {
  bed = await createTestRuntime();
});
afterEach(async () => {
  await bed.close();
});

const inGuild: Invocation = {
  platform: 'discord',
  workspaceId: 'g1',
  channelId: 'c1',
  userId: 'u1',
  canManageChannel: false,
};
const dms = { platform: 'discord', workspaceId: 'g1', channelId: null, userId: 'u1' } as const;

describe('delivery notices', () => {
  it('tells the user once, on their next command anywhere, that their DMs failed', async () => {
    const { alerts } = bed.runtime;
    await runChatCommand(bed.runtime.commands, 'subscribe', { vendor: 'openai', where: 'dm' }, inGuild);
    const paused = await alerts.setPaused(dms, true);
    await recordDeliveryNotice(alerts, dms, paused, 'Cannot send messages to this user');
    const elsewhere = { ...inGuild, workspaceId: 'g2', channelId: 'c9' };
    const reply = await runChatCommand(bed.runtime.commands, 'help', {}, elsewhere);
    expect(reply.private).toBe(true);
    expect(reply.lines[0]).toBe(
      '⚠️ I could not send you direct messages (Cannot send messages to this user), so 1 of your DM subscription(s) ' +
        'are paused. Allow direct messages from this app, then run /subscribe with where:dm to resume them.',
    );
    const next = await runChatCommand(bed.runtime.commands, 'help', {}, elsewhere);
    expect(next.lines[0]).not.toMatch(/direct messages \(/u);
  });

  it('keeps users and platforms apart and ignores channel targets', async () => {
    const { alerts } = bed.runtime;
    await recordDeliveryNotice(alerts, { ...dms, channelId: 'c1', userId: null }, 1, 'gone');
    await recordDeliveryNotice(alerts, dms, 1, 'closed');
    expect(await takeDeliveryNotice(alerts, { ...inGuild, userId: 'u2' })).toBeUndefined();
    expect(await takeDeliveryNotice(alerts, { ...inGuild, platform: 'slack' })).toBeUndefined();
    expect(await takeDeliveryNotice(alerts, inGuild)).toMatch(/closed/u);
    expect(await takeDeliveryNotice(alerts, inGuild)).toBeUndefined();
  });

  it('resumes DM subscriptions paused in another workspace when the user subscribes their DMs anywhere', async () => {
    const { alerts, commands } = bed.runtime;
    await runChatCommand(commands, 'subscribe', { vendor: 'openai', where: 'dm' }, inGuild);
    await recordDeliveryNotice(alerts, dms, await alerts.setPaused(dms, true), 'closed');
    const inDm: Invocation = { ...inGuild, workspaceId: '@dm', channelId: null };
    const reply = await runChatCommand(commands, 'subscribe', { vendor: 'anthropic' }, inDm);
    expect(reply.status).toBe('ok');
    expect(reply.lines).toContain('Resumed 1 paused DM subscription(s) made elsewhere.');
    const guildDms = await alerts.listSubscriptions({ platform: 'discord', workspaceId: 'g1', userId: 'u1' });
    expect(guildDms.map((s) => s.paused)).toEqual([false]);
    const again = await runChatCommand(commands, 'subscribe', { vendor: 'xai' }, inDm);
    expect(again.lines.some((line) => line.startsWith('Resumed'))).toBe(false);
  });

  it('does not resume anything when the subscribe was refused', async () => {
    const { alerts, commands } = bed.runtime;
    await runChatCommand(commands, 'subscribe', { vendor: 'openai', where: 'dm' }, inGuild);
    await recordDeliveryNotice(alerts, dms, await alerts.setPaused(dms, true), 'closed');
    const inDm: Invocation = { ...inGuild, workspaceId: '@dm', channelId: null };
    const refused = await runChatCommand(commands, 'subscribe', { vendor: 'nosuchvendor' }, inDm);
    expect(refused.status).toBe('invalid');
    const guildDms = await alerts.listSubscriptions({ platform: 'discord', workspaceId: 'g1', userId: 'u1' });
    expect(guildDms.map((s) => s.paused)).toEqual([true]);
  });
});
