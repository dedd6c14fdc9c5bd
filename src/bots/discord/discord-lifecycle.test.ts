import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../../../test/fakes/fake-discord/fake-discord.ts';
import { createTestRuntime, type TestRuntime } from '../../../test/fakes/test-runtime.ts';
import type { DiscordSettings } from '../../config/chat-settings.ts';
import { createDiscordPlatform } from './discord-platform.ts';

let fake: FakeDiscord;
let bed: TestRuntime;

beforeEach(async () => {
  fake = await startFakeDiscord();
  bed = await createTestRuntime();
});

afterEach(async () => {
  await bed.close();
  await fake.close();
});

const settings = (token: string): DiscordSettings => ({
  token,
  applicationId: fake.applicationId,
  guildId: undefined,
  apiUrl: fake.apiUrl,
  publicKey: undefined,
  interactionsPort: 0,
});

describe('the Discord platform lifecycle', () => {
  it('fails to start on a token Discord refuses', async () => {
    const platform = createDiscordPlatform(settings('wrong-token'), bed.runtime);
    await expect(platform.start()).rejects.toThrow(/token/iu);
    await platform.stop();
  });

  it('stops safely before start and twice, and disconnects from the gateway', async () => {
    const idle = createDiscordPlatform(settings(fake.token), bed.runtime);
    await idle.stop();
    const platform = createDiscordPlatform(settings(fake.token), bed.runtime);
    await platform.start();
    expect(platform.client.isReady()).toBe(true);
    await platform.stop();
    await platform.stop();
    expect(platform.client.isReady()).toBe(false);
  });
});
