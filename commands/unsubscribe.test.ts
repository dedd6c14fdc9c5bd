import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createTestBed, MEMBER, MEMBER_DM, type TestBed } from './commands-test-kit.ts';

let bed: TestBed;

beforeEach(async () => {
  bed = await createTestBed();
  await bed.run('subscribe', { vendor: 'openai' }); // #1, channel chan-1
  await bed.run('subscribe', { topic: 'pricing', kind: 'news' }); // #2, channel chan-1
  await bed.run('subscribe', { vendor: 'anthropic' }, { ...ADMIN, channelId: 'chan-2' }); // #3, channel chan-2
  await bed.run('subscribe', { keyword: 'privacy' }, MEMBER_DM); // #4, member's DMs
  await bed.run('subscribe', {}, { ...MEMBER_DM, userId: 'user-other' }); // #5, another user's DMs
});

afterEach(async () => {
  await bed.close();
});

const ids = () => bed.subscriptions.allSubscriptions().map((subscription) => subscription.id);

describe('/unsubscribe', () => {
  it('removes a channel subscription by id for an admin', async () => {
    const reply = await bed.run('unsubscribe', { id: 1 });
    expect(reply).toMatchObject({ status: 'ok', private: false });
    expect(reply.lines).toEqual(['Removed #1 (terms changes and news · vendor openai) from this channel.']);
    expect(ids()).toEqual([2, 3, 4, 5]);
  });

  it('refuses a member removing a channel subscription, keeping it', async () => {
    const reply = await bed.run('unsubscribe', { id: 1 }, MEMBER);
    expect(reply.status).toBe('refused');
    expect(reply.lines[1]).toBe('Your own DM subscriptions you can always remove: /unsubscribe all:true where:dm.');
    expect(ids()).toEqual([1, 2, 3, 4, 5]);
  });

  it('lets a member remove their own DM subscription from anywhere', async () => {
    const reply = await bed.run('unsubscribe', { id: 4 }, MEMBER);
    expect(reply.lines).toEqual(['Removed #4 (terms changes and news · keyword "privacy") from your direct messages.']);
    expect(ids()).toEqual([1, 2, 3, 5]);
  });

  it("reports another user's DM subscription as missing", async () => {
    const reply = await bed.run('unsubscribe', { id: 5 }, MEMBER_DM);
    expect(reply.status).toBe('invalid');
    expect(reply.lines).toEqual(['There is no subscription #5 here; /subscriptions lists the ids.']);
    expect(ids()).toContain(5);
  });

  it('sends a subscription of another channel to that channel', async () => {
    const reply = await bed.run('unsubscribe', { id: 3 });
    expect(reply.lines).toEqual(['Subscription #3 belongs to <#chan-2>; run /unsubscribe there.']);
    expect(ids()).toContain(3);
  });

  it('reports an unknown id and an id of another workspace as missing', async () => {
    expect((await bed.run('unsubscribe', { id: 99 })).status).toBe('invalid');
    const elsewhere = await bed.run('unsubscribe', { id: 1 }, { ...ADMIN, workspaceId: 'guild-2' });
    expect(elsewhere.lines).toEqual(['There is no subscription #1 here; /subscriptions lists the ids.']);
    expect(ids()).toContain(1);
  });

  it('removes all of this channel for an admin, and all of the DMs for anyone', async () => {
    const channel = await bed.run('unsubscribe', { all: true });
    expect(channel.lines).toEqual(['Removed 2 subscriptions from this channel.']);
    expect(ids()).toEqual([3, 4, 5]);
    const dms = await bed.run('unsubscribe', { all: true }, MEMBER_DM);
    expect(dms.lines).toEqual(['Removed 1 subscription from your direct messages.']);
    expect(ids()).toEqual([3, 5]);
    const nothing = await bed.run('unsubscribe', { all: true }, MEMBER_DM);
    expect(nothing.lines).toEqual(['There were no subscriptions for your direct messages.']);
  });

  it('refuses a member removing all of a channel', async () => {
    expect((await bed.run('unsubscribe', { all: true }, MEMBER)).status).toBe('refused');
    expect(ids()).toEqual([1, 2, 3, 4, 5]);
  });

  it('mentions a digest left without subscriptions', async () => {
    await bed.run('digest', { schedule: 'daily' });
    const reply = await bed.run('unsubscribe', { all: true });
    expect(reply.lines[1]).toBe(
      'The digest schedule stays (it sends nothing without subscriptions); /digest off:true removes it.',
    );
  });

  it('asks which subscription when given neither or both', async () => {
    const neither = await bed.run('unsubscribe');
    expect(neither.lines).toEqual([
      'Give id:<id> (/subscriptions lists the ids) or all:true for every subscription here.',
    ]);
    const both = await bed.run('unsubscribe', { id: 1, all: true });
    expect(both.lines).toEqual(['Give either id:<id> or all:true, not both.']);
    expect(ids()).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses an id that is not a positive whole number', async () => {
    const reply = await bed.run('unsubscribe', { id: '#1' });
    expect(reply.lines[0]).toBe('Option id must be a whole number, e.g. id:1; "#1" is not.');
    expect((await bed.run('unsubscribe', { id: 0 })).lines[0]).toBe('Option id must be at least 1; 0 is not.');
  });
});

describe('/subscriptions', () => {
  it("lists this channel's subscriptions with ids, filters and delivery", async () => {
    const reply = await bed.run('subscriptions', {}, MEMBER);
    expect(reply).toMatchObject({ status: 'ok', title: 'Subscriptions of this channel (2)', private: true });
    expect(reply.lines).toEqual([
      '#1 — terms changes and news · vendor openai',
      '#2 — news · topic pricing',
      'Delivery: as matches happen.',
      'Your own DM subscriptions: /subscriptions where:dm.',
    ]);
  });

  it("lists the user's DM subscriptions, with the digest", async () => {
    await bed.run('digest', { schedule: 'weekly', weekday: 'friday', time: '17:00' }, MEMBER_DM);
    const reply = await bed.run('subscriptions', { where: 'dm' }, MEMBER);
    expect(reply.lines).toEqual([
      '#4 — terms changes and news · keyword "privacy"',
      'Delivery: one digest, every Friday at 17:00 (UTC).',
    ]);
  });

  it('shows paused subscriptions and mentions', async () => {
    await bed.run(
      'subscribe',
      { 'min-significance': 'high', kind: 'terms', mention: '<@&7>' },
      { ...ADMIN, channelId: 'chan-3' },
    );
    await bed.subscriptions.setPaused(
      { platform: 'discord', workspaceId: 'guild-1', channelId: 'chan-3', userId: null },
      true,
    );
    const reply = await bed.run('subscriptions', {}, { ...MEMBER, channelId: 'chan-3' });
    expect(reply.lines[0]).toBe(
      '#6 — terms changes (high only) · mentions <@&7> on high significance · paused (delivery failed)',
    );
  });
});
