import pc from 'picocolors';
import { runCommand, type CommandReply, type Invocation } from '../../commands/index.ts';
import { formatAlertForConsole } from '../bots/console/console-target-notifier.ts';
import type { Config } from '../config/load-config.ts';
import type { Logger } from '../domain/logger.ts';
import { createRuntime } from '../main.ts';
import { createCommandContext } from '../runtime/command-context.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io.ts';

export const EXEC_USAGE = `Usage: clausewatch exec <command> [--option value …] [--user ID] [--channel ID] [--dm] [--admin]

Runs a slash command as a chat user would, on the console, and prints the reply. Subscriptions made here
deliver to the console while \`clausewatch start\` runs.

  --user ID        who runs it (default: cli)
  --channel ID     the channel it runs in (default: console)
  --dm             run it in a direct message instead of a channel
  --admin          with the permission to change the channel's setup
  --workspace ID   the workspace (default: console)

Examples:
  clausewatch exec subscribe --vendor anthropic --min-significance high --admin
  clausewatch exec digest --schedule daily --time 08:00 --timezone Europe/Berlin --admin
  clausewatch exec latest --vendor openai --count 5
  clausewatch exec help
`;

interface ExecArgs {
  readonly command: string;
  readonly options: Record<string, string | boolean>;
  readonly invocation: Invocation;
}

/** Splits `exec` arguments: the command name, `--name value` / `--name=value` / `--flag` options. */
export function parseExecArgs(args: readonly string[]): ExecArgs | string {
  const [command, ...rest] = args;
  if (command === undefined || command.startsWith('-')) return 'exec needs a command name';
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < rest.length; i += 1) {
    const token = rest[i] ?? '';
    if (!token.startsWith('--')) return `unexpected argument "${token}": options are written --name value`;
    const [name = '', inline] = token.slice(2).split(/=(.*)/su, 2);
    const next = rest[i + 1];
    if (inline !== undefined) options[name] = inline;
    else if (next !== undefined && !next.startsWith('--')) options[name] = ((i += 1), next);
    else options[name] = true;
  }
  // `exec`'s own options say who runs the command where; everything else goes to the command.
  const { user, channel, dm, admin, workspace, ...commandOptions } = options;
  const invocation: Invocation = {
    platform: 'console',
    workspaceId: typeof workspace === 'string' ? workspace : 'console',
    channelId: dm === true ? null : typeof channel === 'string' ? channel : 'console',
    userId: typeof user === 'string' ? user : 'cli',
    canManageChannel: admin === true,
  };
  return { command, options: commandOptions, invocation };
}

/** `clausewatch exec`: runs one command with the console as its chat. */
export async function runExecCommand(
  args: readonly string[],
  config: Readonly<Config>,
  logger: Logger,
  io: CliIo,
): Promise<number> {
  const parsed = parseExecArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`${parsed}\n\n${EXEC_USAGE}`);
    return EXIT_USAGE;
  }
  const runtime = await createRuntime(config, logger);
  try {
    const reply = await runCommand(
      parsed.command,
      parsed.options,
      createCommandContext(runtime.commands, parsed.invocation),
    );
    io.stdout(formatReply(reply, io.stdoutIsTTY));
    if (reply.status === 'ok') return EXIT_OK;
    return reply.status === 'error' ? EXIT_FAILURE : EXIT_USAGE;
  } finally {
    await runtime.close();
  }
}

export function formatReply(reply: CommandReply, color: boolean): string {
  const c = pc.createColors(color);
  const title = reply.status === 'ok' ? c.bold(reply.title) : c.bold(c.red(reply.title));
  const lines = [title, ...reply.lines.map((line) => `  ${line}`)];
  for (const field of reply.fields ?? []) lines.push(`  ${c.dim(`${field.name}:`)} ${field.value}`);
  if (reply.message !== undefined) lines.push('', formatAlertForConsole(reply.message, { color }));
  return `${lines.join('\n')}\n`;
}
