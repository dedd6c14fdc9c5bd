import type { Command } from './command.ts';
import { createHelpCommand } from './help.ts';
import { sourcesCommand } from './sources.ts';

/** Every slash command, in the order help lists them. Chat adapters register exactly these. */
export const commands: readonly Command[] = [sourcesCommand, createHelpCommand(() => commands)];

export function findCommand(name: string): Command | undefined {
  return commands.find((command) => command.name === name);
}

export type { Command, CommandContext, CommandOption, CommandReply, Permission } from './command.ts';
