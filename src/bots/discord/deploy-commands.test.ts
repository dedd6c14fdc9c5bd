import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import { startFakeDiscord, type FakeDiscord } from '../../../test/fakes/fake-discord/fake-discord.ts';
import { runDeployCommands } from './deploy-commands.ts';

let fake: FakeDiscord;
let cwd: string;

beforeAll(async () => {
  fake = await startFakeDiscord();
  cwd = await mkdtemp(path.join(tmpdir(), 'clausewatch-deploy-'));
});

afterAll(async () => {
  await fake.close();
  await rm(cwd, { recursive: true, force: true });
});

async function deploy(env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runDeployCommands(
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
    { CLAUSEWATCH_DATA_DIR: cwd, ...env },
    cwd,
  );
  return { code, stdout, stderr };
}

const discordEnv = () => ({
  DISCORD_TOKEN: fake.token,
  DISCORD_APPLICATION_ID: fake.applicationId,
  DISCORD_API_URL: fake.apiUrl,
});

describe('deploy-commands', () => {
  it('registers every command globally, admin commands with default_member_permissions', async () => {
    const run = await deploy(discordEnv());
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/registered 12 commands globally/u);
    const [registration] = fake.state.registrations;
    expect(registration?.guildId).toBeNull();
    expect(registration?.commands.map((command) => command.name)).toEqual(commands.map((command) => command.name));
    const watch = registration?.commands.find((command) => command.name === 'watch');
    expect(watch?.default_member_permissions).toBe('16');
    const help = registration?.commands.find((command) => command.name === 'help');
    expect(help?.default_member_permissions).toBeNull();
  });

  it('registers to one guild with DISCORD_GUILD_ID', async () => {
    const run = await deploy({ ...discordEnv(), DISCORD_GUILD_ID: fake.guildId });
    expect(run.stdout).toMatch(new RegExp(`in guild ${fake.guildId}`, 'u'));
    expect(fake.state.registrations.at(-1)?.guildId).toBe(fake.guildId);
    expect(fake.state.requests.at(-1)?.path).toBe(
      `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`,
    );
  });

  it('exits 1 with a clear message without a token, or when Discord refuses it', async () => {
    const missing = await deploy({});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/DISCORD_TOKEN is not set/u);
    const refused = await deploy({ ...discordEnv(), DISCORD_TOKEN: 'wrong' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/deploy-commands: .*Unauthorized/u);
  });
});
