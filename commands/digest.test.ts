import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createTestBed, MEMBER, MEMBER_DM, NOW, type TestBed } from './commands-test-kit.ts';

let bed: TestBed;

beforeEach(async () => {
  bed = await createTestBed();
});

afterEach(async () => {
  await bed.close();
});

const CHANNEL = { platform: 'discord', workspaceId: 'guild-1', channelId: 'chan-1', userId: null } as const;
const MEMBER_DMS = { platform: 'discord', workspaceId: 'guild-1', channelId: null, userId: 'user-member' } as const;

describe('/digest', () => {
  it('sets a daily digest in a time zone and says when it runs next', async () => {
    await bed.run('subscribe', { vendor: 'openai' });
    const reply = await bed.run('digest', { schedule: 'daily', time: '8:00', timezone: 'europe/berlin' });
    expect(reply).toMatchObject({ status: 'ok', title: 'Digest on', private: false });
    expect(reply.lines).toEqual([
      'Digest for this channel: daily at 08:00 (Europe/Berlin).',
      'Next: Thursday 2 April 2026 at 08:00 (Europe/Berlin), in 20 hours.',
      'Each digest gathers what matched since the previous one; an empty digest is not sent.',
    ]);
    expect(await bed.subscriptions.listDigests()).toEqual([
      { target: CHANNEL, cron: '0 8 * * *', timezone: 'Europe/Berlin', lastSentAt: NOW },
    ]);
  });

  it('sets weekly digests on Monday unless a weekday is given, at 08:00 UTC unless told', async () => {
    const monday = await bed.run('digest', { schedule: 'weekly' });
    expect(monday.lines[0]).toBe('Digest for this channel: every Monday at 08:00 (UTC).');
    expect(monday.lines[1]).toBe('Next: Monday 6 April 2026 at 08:00 (UTC), in 5 days.');
    const friday = await bed.run('digest', { schedule: 'weekly', weekday: 'fri', time: '5pm' });
    expect(friday).toMatchObject({ title: 'Digest changed' });
    expect(friday.lines[0]).toBe('Digest for this channel: every Friday at 17:00 (UTC).');
    expect((await bed.subscriptions.listDigests()).map((digest) => digest.cron)).toEqual(['0 17 * * 5']);
  });

  it('takes a cron expression as it is', async () => {
    const reply = await bed.run('digest', { schedule: '30 7 * * 1-5', timezone: 'America/New_York' });
    expect(reply.lines.slice(0, 2)).toEqual([
      'Digest for this channel: cron "30 7 * * 1-5" (America/New_York).',
      'Next: Wednesday 1 April 2026 at 07:30 (America/New_York), in 2 hours.',
    ]);
  });

  it('keeps when the previous digest went out when the schedule changes', async () => {
    await bed.subscriptions.setDigest({
      target: CHANNEL,
      cron: '0 8 * * *',
      timezone: 'UTC',
      lastSentAt: '2026-03-31T08:00:00.000Z',
    });
    await bed.run('digest', { schedule: 'weekly' });
    expect((await bed.subscriptions.getDigest(CHANNEL))?.lastSentAt).toBe('2026-03-31T08:00:00.000Z');
  });

  it.each([
    [{ schedule: 'hourly' }, 'Schedule "hourly" is not valid ('],
    [
      { schedule: '*/5 8 * * *' },
      'Schedule "*/5 8 * * *" runs more than once an hour; a digest needs one fixed minute',
    ],
    [{ schedule: '0 8 * *' }, 'Schedule "0 8 * *" is not valid (4 fields instead of 5)'],
    [
      { schedule: 'daily', timezone: 'Mars/Olympus' },
      'Time zone "Mars/Olympus" is unknown; expected an IANA time zone',
    ],
    [{ schedule: 'daily', time: '25:00' }, 'Time "25:00" is not a time of day; expected HH:MM'],
    [{ schedule: 'daily', weekday: 'monday' }, 'A weekday only applies to weekly digests'],
    [{ schedule: 'weekly', weekday: 'someday' }, 'Weekday "someday" is not a day of the week'],
    [{ schedule: '0 8 * * *', time: '09:00' }, 'A cron expression sets its own time; drop time:09:00'],
    [{ time: '09:00' }, 'Give a schedule too: daily, weekly or a cron expression.'],
    [{ schedule: 'daily', off: true }, 'Give either a schedule or off:true, not both.'],
  ])('refuses bad schedules, saving nothing: %o', async (options, message) => {
    const reply = await bed.run('digest', options);
    expect(reply.status).toBe('invalid');
    expect(reply.lines[0]?.startsWith(message)).toBe(true);
    expect(await bed.subscriptions.listDigests()).toEqual([]);
  });

  it("refuses a member changing the channel's digest, and lets them have their own", async () => {
    const refused = await bed.run('digest', { schedule: 'daily' }, MEMBER);
    expect(refused.status).toBe('refused');
    expect(refused.lines).toEqual([
      "Only members who can manage this channel may change this channel's digest. Nothing was changed.",
      'For a digest of your own, run the same command with where:dm.',
    ]);
    expect(await bed.subscriptions.listDigests()).toEqual([]);
    const own = await bed.run('digest', { schedule: 'daily', where: 'dm' }, MEMBER);
    expect(own).toMatchObject({ status: 'ok', private: true });
    expect(own.lines).toContain('No subscriptions for your direct messages yet; /subscribe decides what goes in.');
    expect((await bed.subscriptions.listDigests()).map((digest) => digest.target)).toEqual([MEMBER_DMS]);
  });

  it('turns the digest off, for admins only', async () => {
    await bed.run('digest', { schedule: 'daily' });
    const refused = await bed.run('digest', { off: true }, MEMBER);
    expect(refused.status).toBe('refused');
    expect(await bed.subscriptions.listDigests()).toHaveLength(1);
    const off = await bed.run('digest', { off: 'true' });
    expect(off.lines).toEqual(['No more digests for this channel; matches arrive one by one again.']);
    expect(await bed.subscriptions.listDigests()).toEqual([]);
    const again = await bed.run('digest', { off: true });
    expect(again.lines).toEqual(['There was no digest for this channel; matches arrive one by one.']);
  });

  it('shows the current digest to anyone when given no schedule', async () => {
    const none = await bed.run('digest', {}, MEMBER_DM);
    expect(none.lines[0]).toBe('No digest for your direct messages: matches arrive one by one.');
    await bed.run('digest', { schedule: 'daily', time: '19:15', timezone: 'Asia/Tokyo' }, ADMIN);
    const shown = await bed.run('digest', {}, MEMBER);
    expect(shown.lines).toEqual([
      'Digest for this channel: daily at 19:15 (Asia/Tokyo).',
      'Next: Wednesday 1 April 2026 at 19:15 (Asia/Tokyo), in 15 minutes.',
    ]);
  });
});
