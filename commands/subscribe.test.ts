import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createTestBed, MEMBER, MEMBER_DM, NOW, type TestBed } from './commands-test-kit.ts';
import { runCommand } from './run-command.ts';

let bed: TestBed;

beforeEach(async () => {
  bed = await createTestBed();
});

afterEach(async () => {
  await bed.close();
});

const CHANNEL = { platform: 'discord', workspaceId: 'guild-1', channelId: 'chan-1', userId: null } as const;
const MEMBER_DMS = { platform: 'discord', workspaceId: 'guild-1', channelId: null, userId: 'user-member' } as const;

describe('/subscribe', () => {
  it('subscribes the channel for an admin, with the filters asked for', async () => {
    const reply = await bed.run('subscribe', {
      vendor: 'OpenAI, anthropic',
      topic: 'pricing',
      keyword: 'training',
      'min-significance': 'medium',
      kind: 'terms',
      mention: '<@&42>',
    });
    expect(reply).toMatchObject({ status: 'ok', title: 'Subscribed this channel', private: false });
    expect(reply.lines).toEqual([
      '#1 — terms changes (medium and up) · vendors openai, anthropic · topic pricing · keyword "training"',
      'High-significance terms changes mention <@&42>.',
      'Matches arrive as they happen; /digest gathers them into one message on a schedule instead.',
      'Undo with /unsubscribe id:1.',
    ]);
    expect(bed.subscriptions.allSubscriptions()).toEqual([
      {
        id: 1,
        target: CHANNEL,
        filters: {
          vendors: ['openai', 'anthropic'],
          topics: ['pricing'],
          keywords: ['training'],
          sources: [],
          minSignificance: 'medium',
          kind: 'terms',
        },
        mention: '<@&42>',
        createdBy: 'user-admin',
        createdAt: NOW,
        paused: false,
      },
    ]);
  });

  it('subscribes to everything by default', async () => {
    const reply = await bed.run('subscribe');
    expect(reply.lines[0]).toBe('#1 — terms changes and news');
    expect(bed.subscriptions.allSubscriptions()[0]?.filters).toEqual({
      vendors: [],
      topics: [],
      keywords: [],
      sources: [],
      minSignificance: 'low',
      kind: 'both',
    });
  });

  it('refuses a member subscribing the channel, saving nothing, and points to the DM', async () => {
    const reply = await bed.run('subscribe', { vendor: 'openai' }, MEMBER);
    expect(reply).toEqual({
      status: 'refused',
      title: 'Not allowed',
      lines: [
        'Only members who can manage this channel may subscribe this channel. Nothing was changed.',
        'To get these alerts yourself, run the same command with where:dm.',
      ],
      private: true,
    });
    expect(bed.subscriptions.allSubscriptions()).toEqual([]);
  });

  it('lets a member subscribe themselves by DM, from a channel or from the DM', async () => {
    const fromChannel = await bed.run('subscribe', { vendor: 'openai', where: 'dm' }, MEMBER);
    expect(fromChannel).toMatchObject({ status: 'ok', title: 'Subscribed your direct messages', private: true });
    const fromDm = await bed.run('subscribe', { vendor: 'anthropic' }, MEMBER_DM);
    expect(fromDm.status).toBe('ok');
    expect(bed.subscriptions.allSubscriptions().map((s) => s.target)).toEqual([MEMBER_DMS, MEMBER_DMS]);
  });

  it.each([
    [{ vendor: 'opneai' }, 'Unknown vendor "opneai" — did you mean openai? /sources lists the watched vendors.'],
    [{ vendor: 'initech' }, 'Unknown vendor "initech". /sources lists the watched vendors.'],
    [
      { vendor: 'techcrunch' },
      '"techcrunch" is a news outlet, not a vendor; to hear from it use source:techcrunch/ai.',
    ],
    [{ topic: 'pricng' }, 'Unknown topic "pricng" — did you mean pricing? Topics: '],
    [
      { source: 'openai/terms-of-us' },
      'Unknown source "openai/terms-of-us" — did you mean openai/terms-of-use? /sources lists the watched sources.',
    ],
    [
      { source: 'anthropic' },
      '"anthropic" is not a source id; its sources: anthropic/commercial-terms, anthropic/usage-policy.',
    ],
    [
      { keyword: 'x'.repeat(101) },
      `Keyword "${'x'.repeat(30)}…" is too long; use a word or short phrase of at most 100 characters.`,
    ],
  ])('refuses unknown or bad filters with a suggestion: %o', async (options, message) => {
    const reply = await bed.run('subscribe', options);
    expect(reply.status).toBe('invalid');
    expect(reply.lines[0]?.startsWith(message)).toBe(true);
    expect(bed.subscriptions.allSubscriptions()).toEqual([]);
  });

  it('knows topics of clause changes as well as news topics', async () => {
    const reply = await bed.run('subscribe', { topic: 'training-data, model-release' });
    expect(reply.status).toBe('ok');
    expect(bed.subscriptions.allSubscriptions()[0]?.filters.topics).toEqual(['training-data', 'model-release']);
  });

  it('takes a mention only for channels, and only as a mention', async () => {
    const inDm = await bed.run('subscribe', { mention: '<@&42>' }, MEMBER_DM);
    expect(inDm.lines).toEqual([
      'A mention only applies to channel subscriptions; drop the mention option for alerts by DM.',
    ]);
    const notMention = await bed.run('subscribe', { mention: 'legal team' });
    expect(notMention.status).toBe('invalid');
    expect(notMention.lines[0]).toContain('"legal team" is not a role or user mention');
    const here = await bed.run('subscribe', { mention: '@here' });
    expect(here.status).toBe('ok');
    expect(bed.subscriptions.allSubscriptions().map((s) => s.mention)).toEqual(['@here']);
  });

  it('does not add the same subscription twice', async () => {
    await bed.run('subscribe', { vendor: 'openai, anthropic' });
    const again = await bed.run('subscribe', { vendor: 'Anthropic,openai' });
    expect(again).toMatchObject({ status: 'ok', title: 'Already subscribed' });
    expect(again.lines).toEqual([
      'This subscription exists already for this channel: #1 — terms changes and news · vendors openai, anthropic.',
    ]);
    expect(bed.subscriptions.allSubscriptions()).toHaveLength(1);
  });

  it('resumes paused subscriptions of the place when the user subscribes there again', async () => {
    await bed.run('subscribe', { vendor: 'openai', where: 'dm' }, MEMBER);
    await bed.run('subscribe', { vendor: 'anthropic', where: 'dm' }, MEMBER);
    await bed.subscriptions.setPaused(MEMBER_DMS, true);
    const again = await bed.run('subscribe', { vendor: 'openai', where: 'dm' }, MEMBER);
    expect(again).toMatchObject({ status: 'ok', title: 'Subscription resumed' });
    expect(again.lines.at(-1)).toBe('Resumed 2 paused subscription(s) for your direct messages.');
    expect(bed.subscriptions.allSubscriptions().map((s) => s.paused)).toEqual([false, false]);
    await bed.subscriptions.setPaused(MEMBER_DMS, true);
    const other = await bed.run('subscribe', { vendor: 'xai', where: 'dm' }, MEMBER);
    expect(other.title).toBe('Subscribed your direct messages');
    expect(other.lines.at(-1)).toBe('Resumed 2 paused subscription(s) for your direct messages.');
  });

  it('says when matches go to the digest', async () => {
    await bed.run('digest', { schedule: 'daily', time: '09:30', timezone: 'Europe/Berlin' });
    const reply = await bed.run('subscribe', { vendor: 'openai' });
    expect(reply.lines).toContain('Matches arrive in the digest, daily at 09:30 (Europe/Berlin).');
  });

  it('caps the subscriptions of one place', async () => {
    for (let i = 0; i < 50; i++) await bed.run('subscribe', { keyword: `word${i}` });
    const reply = await bed.run('subscribe', { keyword: 'one more' });
    expect(reply.status).toBe('invalid');
    expect(reply.lines[0]).toBe('There are 50 subscriptions for this channel, the most allowed.');
    expect(bed.subscriptions.allSubscriptions()).toHaveLength(50);
  });

  it('keeps workspaces apart', async () => {
    await bed.run('subscribe', {}, { ...ADMIN, workspaceId: 'guild-2' });
    const listed = await bed.run('subscriptions');
    expect(listed.lines[0]).toBe('No subscriptions for this channel yet; /subscribe adds one.');
  });
});

describe('/subscribe with the config’s vocabulary', () => {
  it('knows the vendors and topics the config adds', async () => {
    const context = { ...bed.context(), vocabulary: { vendors: ['acme'], topics: ['export-control'] } };
    const ok = await runCommand('subscribe', { vendor: 'acme', topic: 'export-control' }, context);
    expect(ok.status).toBe('ok');
    const unknown = await runCommand('subscribe', { vendor: 'acne' }, context);
    expect(unknown.lines).toEqual(['Unknown vendor "acne" — did you mean acme? /sources lists the watched vendors.']);
  });
});
