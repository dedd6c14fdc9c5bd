import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alert } from '../../alerts/delivery/delivery-test-kit.ts';
import type { Target } from '../../domain/subscription.ts';
import { startAlerting, type Alerting } from '../../runtime/alerting.ts';
import { seenReply, startDiscordTestBed, type DiscordTestBed } from './discord-test-bed.ts';

let t: DiscordTestBed;
let alerting: Alerting | undefined;

beforeEach(async () => {
  t = await startDiscordTestBed();
});

afterEach(async () => {
  await alerting?.stop();
  alerting = undefined;
  await t.close();
});

/** Starts the outbox worker with the Discord notifier, as runBot does; it runs once at start. */
async function deliverOutbox(): Promise<void> {
  alerting = await startAlerting(
    t.bed.runtime,
    { write: () => undefined, color: false },
    { discord: t.platform.notifier },
  );
}

describe('alerts through the outbox to Discord', () => {
  it('arrive in a channel and in a DM', async () => {
    const channel: Target = {
      platform: 'discord',
      workspaceId: t.fake.guildId,
      channelId: t.fake.channelId,
      userId: null,
    };
    const dm: Target = { platform: 'discord', workspaceId: t.fake.guildId, channelId: null, userId: t.member.userId };
    const at = new Date().toISOString();
    await t.bed.runtime.alerts.enqueue([
      { idempotencyKey: 'e1|channel', target: channel, message: alert('To the channel'), createdAt: at },
      { idempotencyKey: 'e1|dm', target: dm, message: alert('To the DMs'), createdAt: at },
    ]);
    await deliverOutbox();
    await t.fake.waitFor(() => t.fake.state.messages.length === 2, 8000, 'two alerts');
    const dmChannel = t.fake.state.dmChannels.get(t.member.userId) ?? '';
    expect(
      t.fake.state.messagesIn(t.fake.channelId).map((m) => (m.body.embeds as { title: string }[])[0]?.title),
    ).toEqual(['📰 NEWS To the channel']);
    expect(t.fake.state.messagesIn(dmChannel)).toHaveLength(1);
  });

  it('pause the DM subscriptions of a user whose DMs are closed (50007), and their next command says so', async () => {
    const user = t.member.userId;
    await seenReply(t.fake, await t.fake.sendCommand(t.member, 'subscribe', { vendor: 'openai', where: 'dm' }));
    const dm: Target = { platform: 'discord', workspaceId: t.fake.guildId, channelId: null, userId: user };
    t.fake.closeDms(user);
    await t.bed.runtime.alerts.enqueue([
      { idempotencyKey: 'e2|dm', target: dm, message: alert('Blocked'), createdAt: new Date().toISOString() },
    ]);
    await deliverOutbox();
    const subscriptions = () =>
      t.bed.runtime.alerts.listSubscriptions({ platform: 'discord', workspaceId: t.fake.guildId, userId: user });
    let paused = false;
    await t.fake.waitFor(
      () => {
        void subscriptions().then((list) => (paused = list.every((s) => s.paused)));
        return paused;
      },
      8000,
      'the DM subscription to pause',
    );
    // The user is told in their next command, wherever they run it, privately.
    const reply = await seenReply(t.fake, await t.fake.sendCommand(t.inDm, 'help'));
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toMatch(/I could not send you direct messages \(.*Cannot send messages to this user.*\)/u);
    // Subscribing again with where:dm (once DMs are open) resumes them.
    t.fake.state.closedDms.delete(user);
    const resumed = await seenReply(
      t.fake,
      await t.fake.sendCommand(t.member, 'subscribe', { vendor: 'openai', where: 'dm' }),
    );
    expect(resumed.title).toBe('Subscription resumed');
    expect((await subscriptions()).every((s) => !s.paused)).toBe(true);
  });
});
