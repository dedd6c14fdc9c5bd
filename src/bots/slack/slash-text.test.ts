import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/registry.ts';
import { parseSlashText, slackUsage, toSlackCommand, type SlashParse } from './slash-text.ts';

const table: readonly { name: string; text: string; expected: SlashParse }[] = [
  { name: 'empty text is help', text: '   ', expected: { command: 'help', options: {} } },
  { name: 'help', text: 'help', expected: { command: 'help', options: {} } },
  {
    name: 'help for one command',
    text: 'help /Subscribe',
    expected: { command: 'help', options: { command: 'subscribe' } },
  },
  {
    name: 'key:value options and a quoted value',
    text: 'subscribe vendor:anthropic where:dm keyword:"data retention"',
    expected: { command: 'subscribe', options: { vendor: 'anthropic', where: 'dm', keyword: 'data retention' } },
  },
  {
    name: 'typographic quotes as Slack clients type them',
    text: 'subscribe keyword:“data retention” topic:‘training data’',
    expected: { command: 'subscribe', options: { keyword: 'data retention', topic: 'training data' } },
  },
  {
    name: 'bare flags are true',
    text: 'watch url:x dry-run',
    expected: { command: 'watch', options: { url: 'x', 'dry-run': true } },
  },
  {
    name: 'names lower-cased',
    text: 'Latest Vendor:OpenAI',
    expected: { command: 'latest', options: { vendor: 'OpenAI' } },
  },
  {
    name: 'a value keeps its colons',
    text: 'watch url:https://x.com/a:b',
    expected: { command: 'watch', options: { url: 'https://x.com/a:b' } },
  },
  { name: 'an empty value', text: 'latest vendor:', expected: { command: 'latest', options: { vendor: '' } } },
  {
    name: 'Slack links, users and channels unwrapped',
    text: 'watch url:<https://x.com/terms|x.com/terms> mention:<@U123|ann lee> where:<#C999|general>',
    expected: { command: 'watch', options: { url: 'https://x.com/terms', mention: '<@U123>', where: '<#C999>' } },
  },
  {
    name: "Slack's entities decoded",
    text: 'subscribe keyword:"R&amp;D &lt;beta&gt;"',
    expected: { command: 'subscribe', options: { keyword: 'R&D <beta>' } },
  },
  {
    name: 'an open quote',
    text: 'subscribe keyword:"data',
    expected: { error: 'A quote is not closed: add " after "keyword:data".' },
  },
  {
    name: 'an option given twice',
    text: 'latest vendor:a vendor:b',
    expected: { error: 'Option vendor is given twice.' },
  },
  {
    name: 'no option name',
    text: 'latest :x',
    expected: { error: '":x" has no option name; write name:value, e.g. vendor:anthropic.' },
  },
  {
    name: 'an option instead of a command',
    text: 'vendor:anthropic',
    expected: { error: 'Start with a command, e.g. /clausewatch subscribe vendor:anthropic.' },
  },
];

describe('parseSlashText', () => {
  it.each(table)('$name', ({ text, expected }) => {
    expect(parseSlashText(text)).toEqual(expected);
  });
});

describe('slackUsage', () => {
  it('lists every command of the registry as a subcommand', () => {
    const text = slackUsage();
    for (const command of commands) expect(text).toContain(`\`/clausewatch ${command.name}\` — ${command.description}`);
    expect(text.split('\n')[0]).toMatch(/^Usage: `\/clausewatch <command>/u);
  });

  it("shows one command's usage and options", () => {
    const text = slackUsage('subscribe');
    expect(text).toContain('Usage: `/clausewatch subscribe [vendor:<vendor>]');
    expect(text).toContain(
      '• `min-significance` — Skip terms changes below this significance (one of high, medium, low; default low)',
    );
  });

  it('names an unknown command and shows the overview', () => {
    const text = slackUsage('subscrbe');
    expect(text.split('\n')[0]).toBe('There is no /clausewatch subscrbe.');
    expect(text).toContain('`/clausewatch subscribe`');
  });
});

describe('toSlackCommand', () => {
  it('rewrites commands of the registry, not paths in URLs or unknown words', () => {
    expect(toSlackCommand('Remove some with /unsubscribe, see https://x.com/latest or /nope.')).toBe(
      'Remove some with /clausewatch unsubscribe, see https://x.com/latest or /nope.',
    );
  });
});
