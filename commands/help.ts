import type { Command, CommandOption } from './command.ts';
import { stringOption, usage } from './options.ts';
import { invalidReply, okReply } from './replies.ts';
import { didYouMean } from './suggest.ts';

/** `/help [command]`: every command with its description, or one command's options; built from the registry so it never goes stale. */
export function createHelpCommand(commands: () => readonly Command[]): Command {
  return {
    name: 'help',
    description: 'What clausewatch can do',
    options: [{ name: 'command', description: 'Show the options of this command', type: 'string' }],
    permission: 'everyone',
    run(options) {
      const name = stringOption(options, 'command')?.replace(/^\//u, '').toLowerCase();
      if (name === undefined) {
        const lines = commands().map((command) => `/${command.name} — ${command.description}`);
        return Promise.resolve(okReply('clausewatch commands', lines));
      }
      const command = commands().find((candidate) => candidate.name === name);
      if (command === undefined) {
        const names = commands().map((candidate) => candidate.name);
        return Promise.resolve(invalidReply('Unknown command', [`There is no /${name}${didYouMean(name, names)}`]));
      }
      return Promise.resolve(okReply(`/${command.name}`, describeCommand(command)));
    },
  };
}

function describeCommand(command: Command): string[] {
  const who = command.permission === 'manage-channel' ? ['Needs the permission to manage the channel.'] : [];
  return [command.description, `Usage: ${usage(command)}`, ...command.options.map(describeOption), ...who];
}

function describeOption(option: CommandOption): string {
  const notes = [
    option.required === true ? 'required' : undefined,
    option.choices === undefined ? undefined : `one of ${option.choices.join(', ')}`,
    option.default === undefined ? undefined : `default ${String(option.default)}`,
  ].filter((note) => note !== undefined);
  return `${option.name} — ${option.description}${notes.length === 0 ? '' : ` (${notes.join('; ')})`}`;
}
