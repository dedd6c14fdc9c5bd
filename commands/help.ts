import type { Command } from './command.ts';

/** `/help`: every command with its description; built from the registry so it never goes stale. */
export function createHelpCommand(commands: () => readonly Command[]): Command {
  return {
    name: 'help',
    description: 'What clausewatch can do',
    options: [],
    permission: 'everyone',
    run() {
      const lines = commands().map((command) => `/${command.name} — ${command.description}`);
      return Promise.resolve({ title: 'clausewatch commands', lines, private: true });
    },
  };
}
