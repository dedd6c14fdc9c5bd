import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../../../test/fakes/fake-discord/fake-discord.ts';
import { createTestRuntime, type TestRuntime } from '../../../test/fakes/test-runtime.ts';
import { createDiscordPlatform, type DiscordPlatform } from './discord-platform.ts';

let fake: FakeDiscord;
let bed: TestRuntime;
let platform: DiscordPlatform;

beforeEach(async () => {
  fake = await startFakeDiscord();
  bed = await createTestRuntime();
  platform = createDiscordPlatform(
    {
      token: fake.token,
      applicationId: fake.applicationId,
      guildId: undefined,
      apiUrl: fake.apiUrl,
      publicKey: undefined,
      interactionsPort: 0,
    },
    bed.runtime,
  );
  await platform.start();
});

afterEach(async () => {
  await platform.stop();
  await bed.close();
  await fake.close();
});

describe('smoke', () => {
  it('logs in and answers /help', async () => {
    expect(platform.client.isReady()).toBe(true);
    const sent = await fake.sendCommand(
      { userId: '1100000000000000500', guildId: fake.guildId, channelId: fake.channelId },
      'help',
    );
    await fake.waitFor(() => fake.callsFor(sent).length > 0);
    console.log(JSON.stringify(fake.callsFor(sent)[0]).slice(0, 500));
  });
});
