import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { versionPoll } from '../../../commands/commands-test-kit.ts';
import { DOCUMENT, V1, V2, V3 } from '../../../commands/terms-fixtures.ts';
import { toCustomId } from './custom-id.ts';
import { seenReply, startDiscordTestBed, type DiscordTestBed } from './discord-test-bed.ts';

let t: DiscordTestBed;

const TERMS_PAGE = '<html><body><main><h1>Acme Terms</h1><p>1. You may use the service.</p></main></body></html>';

beforeAll(async () => {
  t = await startDiscordTestBed();
  const { store } = t.bed.runtime;
  await store.recordPoll(versionPoll(DOCUMENT, '2026-01-10T00:00:00.000Z', V1, 'baseline'));
  await store.recordPoll(versionPoll(DOCUMENT, '2026-02-15T00:00:00.000Z', V2, 'change'));
  await store.recordPoll(versionPoll(DOCUMENT, '2026-03-20T00:00:00.000Z', V3, 'change'));
  t.bed.fetcher.serve('https://acme.example/terms', { body: TERMS_PAGE });
});

afterAll(async () => {
  await t.close();
});

describe('the discord.js client against the fake Discord', () => {
  it('logs in with the Guilds intent only and sees the guild', () => {
    expect(t.platform.client.isReady()).toBe(true);
    expect(t.fake.gateway.identifies[0]?.intents).toBe(1);
    expect(t.platform.client.guilds.cache.has(t.fake.guildId)).toBe(true);
  });
});

interface Row {
  readonly name: string;
  readonly options: Readonly<Record<string, string | number | boolean>>;
  readonly title: RegExp;
  readonly deferred: boolean;
  readonly ephemeral: boolean;
}

// Run in this order by a manager in the guild channel: together they cover every command in commands/.
const TABLE: readonly Row[] = [
  { name: 'help', options: {}, title: /clausewatch commands/u, deferred: false, ephemeral: true },
  {
    name: 'subscribe',
    options: { vendor: 'openai' },
    title: /Subscribed this channel/u,
    deferred: false,
    ephemeral: false,
  },
  { name: 'subscriptions', options: {}, title: /ubscriptions/u, deferred: false, ephemeral: true },
  { name: 'unsubscribe', options: { all: true }, title: /Unsubscribed/u, deferred: false, ephemeral: false },
  { name: 'digest', options: { schedule: 'daily' }, title: /Digest on/u, deferred: true, ephemeral: false },
  { name: 'latest', options: { count: 3 }, title: /./u, deferred: true, ephemeral: true },
  { name: 'terms', options: { vendor: 'anthropic' }, title: /Anthropic/u, deferred: true, ephemeral: true },
  { name: 'diff', options: { document: DOCUMENT }, title: /Diff: Anthropic/u, deferred: true, ephemeral: true },
  { name: 'sources', options: { vendor: 'openai' }, title: /./u, deferred: false, ephemeral: true },
  {
    name: 'watch',
    options: { url: 'https://acme.example/terms', kind: 'terms', vendor: 'acme' },
    title: /Watching/u,
    deferred: true,
    ephemeral: false,
  },
  { name: 'alerts-channel', options: { action: 'set' }, title: /./u, deferred: false, ephemeral: false },
];

describe('every slash command end to end: interaction in, handler, reply out through REST', () => {
  it('covers the whole registry (the table plus /unwatch below)', () => {
    const covered = new Set([...TABLE.map((row) => row.name), 'unwatch']);
    expect(commands.map((command) => command.name).filter((name) => !covered.has(name))).toEqual([]);
  });

  for (const row of TABLE) {
    it(`/${row.name}`, async () => {
      const sent = await t.fake.sendCommand(t.manager, row.name, row.options);
      const reply = await seenReply(t.fake, sent);
      expect(reply.title).toMatch(row.title);
      expect(reply.title).not.toMatch(/Something went wrong|Unknown command|Check/u);
      expect(reply.deferred).toBe(row.deferred);
      expect(reply.ephemeral).toBe(row.ephemeral);
    });
  }

  it('/unwatch removes the source /watch added', async () => {
    const [watched] = await t.bed.runtime.alerts.listWatchedSources();
    expect(watched).toBeDefined();
    const sent = await t.fake.sendCommand(t.manager, 'unwatch', { id: watched?.id ?? '' });
    const reply = await seenReply(t.fake, sent);
    expect(reply.title).toBe('Unwatched');
    expect(await t.bed.runtime.alerts.listWatchedSources()).toEqual([]);
  });
});

describe('interactions', () => {
  it('answers autocomplete from the watched documents', async () => {
    const sent = await t.fake.sendAutocomplete(t.member, 'diff', { document: 'commercial' }, 'document');
    await t.fake.waitFor(() => t.fake.callsFor(sent).length > 0);
    const [call] = t.fake.callsFor(sent);
    expect(call?.body.type).toBe(8);
    const choices = (call?.body.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.map((choice) => choice.value)).toContain(DOCUMENT);
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('refuses an admin command to a member without Manage Channels, privately', async () => {
    const sent = await t.fake.sendCommand(t.member, 'alerts-channel', { action: 'set' });
    const reply = await seenReply(t.fake, sent);
    expect(reply.title).toMatch(/Not allowed/u);
    expect(reply.ephemeral).toBe(true);
  });

  it('runs a command in the bot DMs against the user, with no channel to manage', async () => {
    const sent = await t.fake.sendCommand(t.inDm, 'subscribe', { vendor: 'anthropic' });
    const reply = await seenReply(t.fake, sent);
    expect(reply.title).toBe('Subscribed your direct messages');
    expect(reply.ephemeral).toBe(true);
    const mine = await t.bed.runtime.alerts.listSubscriptions({
      platform: 'discord',
      workspaceId: '@dm',
      userId: t.inDm.userId,
    });
    expect(mine).toHaveLength(1);
  });

  it('"Full diff" runs /diff for the alert\'s document, deferred and private', async () => {
    const history = await t.bed.runtime.store.listVersionEntries(DOCUMENT, 10);
    const sent = await t.fake.sendButton(t.member, toCustomId(`diff:${DOCUMENT}:${history[1]?.versionId ?? ''}`));
    const reply = await seenReply(t.fake, sent);
    expect(reply.deferred).toBe(true);
    expect(reply.ephemeral).toBe(true);
    expect(reply.title).toMatch(/Diff: Anthropic/u);
    // The alert was for the middle version: the diff goes from the version before it to that version.
    expect(reply.text).toContain('From 2026-01-10');
    expect(reply.text).toContain(`(version ${(history[1]?.versionId ?? '').slice(0, 12)}).`);
  });

  it('"Unsubscribe" in a DM alert removes the subscription it belongs to', async () => {
    const place = { ...t.member, userId: '1100000000000000777' };
    await seenReply(t.fake, await t.fake.sendCommand(place, 'subscribe', { vendor: 'openai', where: 'dm' }));
    const [subscription] = await t.bed.runtime.alerts.listSubscriptions({
      platform: 'discord',
      workspaceId: t.fake.guildId,
      userId: place.userId,
    });
    expect(subscription).toBeDefined();
    const pressed = await t.fake.sendButton({ ...place, guildId: null }, `unsubscribe:${subscription?.id ?? 0}`);
    const reply = await seenReply(t.fake, pressed);
    expect(reply.title).toMatch(/Unsubscribed/u);
    expect(
      await t.bed.runtime.alerts.listSubscriptions({
        platform: 'discord',
        workspaceId: t.fake.guildId,
        userId: place.userId,
      }),
    ).toEqual([]);
  });

  it('answers a button it no longer knows with a private note', async () => {
    const reply = await seenReply(t.fake, await t.fake.sendButton(t.member, 'diff:nobody/nothing:abc'));
    expect(reply.title).toMatch(/Button out of date/u);
    expect(reply.ephemeral).toBe(true);
  });
});
