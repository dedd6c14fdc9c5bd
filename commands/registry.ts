import { alertsChannelCommand } from './alerts-channel.ts';
import type { Command } from './command.ts';
import { diffCommand } from './diff.ts';
import { digestCommand } from './digest.ts';
import { createHelpCommand } from './help.ts';
import { latestCommand } from './latest.ts';
import { sourcesCommand } from './sources.ts';
import { subscribeCommand } from './subscribe.ts';
import { subscriptionsCommand } from './subscriptions.ts';
import { termsCommand } from './terms.ts';
import { unsubscribeCommand } from './unsubscribe.ts';
import { unwatchCommand } from './unwatch.ts';
import { watchCommand } from './watch.ts';

/** Every slash command, in the order help lists them. Chat adapters register exactly these. */
export const commands: readonly Command[] = [
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
  digestCommand,
  latestCommand,
  termsCommand,
  diffCommand,
  sourcesCommand,
  watchCommand,
  unwatchCommand,
  alertsChannelCommand,
  createHelpCommand(() => commands),
];

/** The command of that name (case-insensitive, a leading `/` allowed), or undefined. */
export function findCommand(name: string): Command | undefined {
  const wanted = name.trim().replace(/^\//u, '').toLowerCase();
  return commands.find((command) => command.name === wanted);
}
