import { describeError } from '../src/domain/errors.ts';
import type { CommandContext, CommandReply, RawOptions } from './command.ts';
import { checkOptions } from './options.ts';
import { commands, findCommand } from './registry.ts';
import { errorReply, invalidReply, refusedReply } from './replies.ts';
import { didYouMean } from './suggest.ts';

/**
 * Runs a command as every adapter does: finds it, checks the permission, checks the options, runs it. Never
 * throws: bad input and refusals are replies saying what to do instead (nothing saved); anything unexpected
 * is logged to `context.logger` and answered with a generic reply.
 */
export async function runCommand(name: string, rawOptions: RawOptions, context: CommandContext): Promise<CommandReply> {
  const command = findCommand(name);
  if (command === undefined) {
    const names = commands.map((candidate) => candidate.name);
    const typed = name.trim().replace(/^\//u, '');
    return invalidReply('Unknown command', [
      `There is no /${typed}${didYouMean(typed, names)}`,
      '/help lists the commands.',
    ]);
  }
  try {
    // Permission first: a refused user should not be sent fixing options of a command they may not run.
    if (command.permission === 'manage-channel' && !context.invocation.canManageChannel) {
      return refusedReply(`use /${command.name}`, command.instead);
    }
    const checked = checkOptions(command, rawOptions);
    if (!checked.ok) return checked.reply;
    return await command.run(checked.values, context);
  } catch (error) {
    context.logger?.error(
      { command: command.name, error: describeError(error), stack: error instanceof Error ? error.stack : undefined },
      'command failed',
    );
    return errorReply(command.name);
  }
}
