/**
 * `npm run deploy-commands`: registers the slash commands of `commands/` with Discord, from the same
 * definitions the bot runs (`toDiscordCommands`). With `DISCORD_GUILD_ID` they go to that one guild (instant,
 * for testing); without, globally (Discord may take up to an hour to show changes). A bulk overwrite: commands
 * removed from `commands/` disappear from Discord too.
 */
import { REST, Routes } from 'discord.js';
import { commands } from '../../../commands/registry.ts';
import { isEntryPoint } from '../../cli/entry-point.ts';
import type { DiscordSettings } from '../../config/chat-settings.ts';
import { loadDotEnv, readEnvironment } from '../../config/env.ts';
import { loadConfig } from '../../config/load-config.ts';
import { describeError } from '../../domain/errors.ts';
import { restOptions } from './discord-client.ts';
import { toDiscordCommands } from './to-discord-commands.ts';

/** What was registered where. */
export interface DeployResult {
  /** `global`, or the guild id. */
  readonly scope: string;
  readonly names: readonly string[];
}

/** Overwrites the application's commands (globally, or in `settings.guildId`) with those of `commands/`. */
export async function deployCommands(
  settings: Pick<DiscordSettings, 'token' | 'applicationId' | 'guildId' | 'apiUrl'>,
  rest: REST = new REST(restOptions(settings)).setToken(settings.token),
): Promise<DeployResult> {
  const body = toDiscordCommands(commands);
  const route =
    settings.guildId === undefined
      ? Routes.applicationCommands(settings.applicationId)
      : Routes.applicationGuildCommands(settings.applicationId, settings.guildId);
  const registered = (await rest.put(route, { body })) as { name: string }[];
  return { scope: settings.guildId ?? 'global', names: registered.map((command) => command.name) };
}

/** The script: exit 0 after registering, 1 with a reason on stderr otherwise. */
export async function runDeployCommands(
  io: { readonly stdout: (text: string) => void; readonly stderr: (text: string) => void },
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Promise<number> {
  try {
    const { discord } = loadConfig({ env, cwd });
    if (discord === null) {
      io.stderr(
        'deploy-commands: DISCORD_TOKEN is not set; set DISCORD_TOKEN and DISCORD_APPLICATION_ID (e.g. in .env)\n',
      );
      return 1;
    }
    const result = await deployCommands(discord);
    const where =
      result.scope === 'global' ? 'globally (may take up to an hour to appear)' : `in guild ${result.scope}`;
    io.stdout(
      `registered ${result.names.length} commands ${where}: ${result.names.map((name) => `/${name}`).join(' ')}\n`,
    );
    return 0;
  } catch (error) {
    io.stderr(`deploy-commands: ${describeError(error).message}\n`);
    return 1;
  }
}


if (isEntryPoint(import.meta.url)) {
  const cwd = process.cwd();
  loadDotEnv(cwd);
  process.exitCode = await runDeployCommands(
    { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
    readEnvironment(),
    cwd,
  );
}
