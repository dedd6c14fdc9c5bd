import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../domain/logger.ts';
import { createManagePermission } from './manage-permission.ts';

function api(admins: readonly string[], creators: Record<string, string>, fail = false) {
  const calls: string[] = [];
  return {
    calls,
    isAdmin: (user: string) => {
      calls.push(`users.info ${user}`);
      return fail ? Promise.reject(new Error('down')) : Promise.resolve(admins.includes(user));
    },
    channelCreator: (channel: string) => {
      calls.push(`conversations.info ${channel}`);
      return fail ? Promise.reject(new Error('down')) : Promise.resolve(creators[channel]);
    },
  };
}

describe('createManagePermission', () => {
  it('allows workspace admins anywhere and a channel’s creator in that channel', async () => {
    const fake = api(['UA'], { C1: 'UC' });
    const canManage = createManagePermission({ api: fake, logger: silentLogger });
    expect(await canManage('T1', 'UA', 'C1')).toBe(true);
    expect(await canManage('T1', 'UC', 'C1')).toBe(true);
    expect(await canManage('T1', 'UC', 'C2')).toBe(false);
    expect(await canManage('T1', 'UM', 'C1')).toBe(false);
  });

  it('caches answers for the time to live', async () => {
    let now = 0;
    const fake = api([], { C1: 'UC' });
    const canManage = createManagePermission({ api: fake, logger: silentLogger, ttlMs: 1000, now: () => now });
    await canManage('T1', 'UC', 'C1');
    await canManage('T1', 'UC', 'C1');
    expect(fake.calls).toEqual(['users.info UC', 'conversations.info C1']);
    now = 1000;
    await canManage('T1', 'UC', 'C1');
    expect(fake.calls).toHaveLength(4);
  });

  it('says no when Slack cannot be asked', async () => {
    const canManage = createManagePermission({ api: api(['UA'], {}, true), logger: silentLogger });
    expect(await canManage('T1', 'UA', 'C1')).toBe(false);
  });
});
