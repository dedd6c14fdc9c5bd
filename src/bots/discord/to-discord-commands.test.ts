import { describe, expect, it } from 'vitest';
import type { Command } from '../../../commands/command.ts';
import { commands } from '../../../commands/registry.ts';
import { COMMAND_NAME_PATTERN, toDiscordCommands } from './to-discord-commands.ts';

const payload = toDiscordCommands(commands);

function command(fields: Partial<Command>): Command {
  return {
    name: 'test',
    description: 'A test command',
    options: [],
    permission: 'everyone',
    run: () => Promise.reject(new Error('not run in these tests')),
    ...fields,
  };
}

describe('toDiscordCommands of the registry', () => {
  it('has one CHAT_INPUT command per registry command with valid names and descriptions', () => {
    expect(payload.map((entry) => entry.name)).toEqual(commands.map((entry) => entry.name));
    for (const entry of payload) {
      expect(entry.type).toBe(1);
      expect(entry.name).toMatch(COMMAND_NAME_PATTERN);
      expect(entry.name).toBe(entry.name.toLowerCase());
      expect(entry.description.length).toBeGreaterThan(0);
      expect(entry.description.length).toBeLessThanOrEqual(100);
      expect(entry.options.length).toBeLessThanOrEqual(25);
      expect(new Set(entry.options.map((option) => option.name)).size).toBe(entry.options.length);
    }
  });

  it('gives valid options: types, names, descriptions, choices, autocomplete', () => {
    for (const [index, entry] of payload.entries()) {
      const declared = commands[index]?.options ?? [];
      for (const option of entry.options) {
        const source = declared.find((candidate) => candidate.name === option.name);
        expect(source).toBeDefined();
        expect(option.type).toBe({ string: 3, integer: 4, boolean: 5 }[source?.type ?? 'string']);
        expect(option.name).toMatch(COMMAND_NAME_PATTERN);
        expect(option.name).toBe(option.name.toLowerCase());
        expect(option.description.length).toBeGreaterThan(0);
        expect(option.description.length).toBeLessThanOrEqual(100);
        expect(option.choices === undefined || option.autocomplete === undefined).toBe(true);
        expect(option.choices?.length ?? 0).toBeLessThanOrEqual(25);
        for (const choice of option.choices ?? []) {
          expect(choice.name.length).toBeLessThanOrEqual(100);
          expect(String(choice.value).length).toBeLessThanOrEqual(100);
        }
        if (source?.autocomplete !== undefined) expect(option.autocomplete).toBe(true);
        if (source?.choices !== undefined)
          expect(option.choices?.map((choice) => choice.value)).toEqual(source.choices);
      }
    }
  });

  it('puts required options before optional ones', () => {
    for (const entry of payload) {
      const required = entry.options.map((option) => option.required === true);
      const firstOptional = required.indexOf(false);
      if (firstOptional >= 0) expect(required.slice(firstOptional)).not.toContain(true);
    }
    const terms = payload.find((entry) => entry.name === 'diff');
    expect(terms?.options.map((option) => [option.name, option.required])).toEqual([
      ['document', true],
      ['since', false],
      ['version', false],
    ]);
  });

  it('hides manage-channel commands behind Manage Channels, in servers only', () => {
    for (const [index, entry] of payload.entries()) {
      const manage = commands[index]?.permission === 'manage-channel';
      expect(entry.default_member_permissions).toBe(manage ? '16' : null);
      expect(entry.dm_permission).toBe(!manage);
      expect(entry.contexts).toEqual(manage ? [0] : [0, 1]);
      expect(entry.integration_types).toEqual([0]);
    }
    const admin = payload.filter((entry) => entry.default_member_permissions === '16').map((entry) => entry.name);
    expect(admin).toContain('alerts-channel');
    expect(admin).not.toContain('subscribe');
  });
});

describe('toDiscordCommands edge cases', () => {
  it('orders required options first, keeping declared order, and passes integer bounds', () => {
    const [entry] = toDiscordCommands([
      command({
        options: [
          { name: 'a', description: 'A', type: 'string' },
          { name: 'b', description: 'B', type: 'integer', required: true, min: 1, max: 20 },
          { name: 'c', description: 'C', type: 'boolean' },
          { name: 'd', description: 'D', type: 'string', required: true },
        ],
      }),
    ]);
    expect(entry?.options).toEqual([
      { type: 4, name: 'b', description: 'B', required: true, min_value: 1, max_value: 20 },
      { type: 3, name: 'd', description: 'D', required: true },
      { type: 3, name: 'a', description: 'A', required: false },
      { type: 5, name: 'c', description: 'C', required: false },
    ]);
  });

  it('turns more than 25 choices into autocomplete and cuts long descriptions', () => {
    const [entry] = toDiscordCommands([
      command({
        description: 'x '.repeat(80),
        options: [
          {
            name: 'zone',
            description: 'y'.repeat(150),
            type: 'string',
            choices: Array.from({ length: 30 }, (_, index) => `c${index}`),
          },
          { name: 'size', description: 'Size', type: 'integer', choices: ['1', '2'] },
        ],
      }),
    ]);
    expect(entry?.description.length).toBeLessThanOrEqual(100);
    expect(entry?.options[0]).toMatchObject({ autocomplete: true });
    expect(entry?.options[0]?.choices).toBeUndefined();
    expect(entry?.options[0]?.description.length).toBeLessThanOrEqual(100);
    expect(entry?.options[1]?.choices).toEqual([
      { name: '1', value: 1 },
      { name: '2', value: 2 },
    ]);
  });

  it('refuses a name Discord would refuse', () => {
    expect(() => toDiscordCommands([command({ name: 'Bad Name' })])).toThrow(/command \/Bad Name/u);
    expect(() =>
      toDiscordCommands([command({ options: [{ name: 'x'.repeat(33), description: 'X', type: 'string' }] })]),
    ).toThrow(/option x+ of \/test/u);
  });
});
