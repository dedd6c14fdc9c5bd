/**
 * The Slack convention of one `/clausewatch` command with subcommands:
 * `/clausewatch subscribe vendor:anthropic where:dm keyword:"data retention"`. Slack hands the text after
 * the command over as typed, with `&`, `<`, `>` escaped and (with `should_escape`) users, channels and
 * links as `<@U123|name>`, `<#C123|name>`, `<https://…>`.
 */
import type { Command } from '../../../commands/command.ts';
import { usage } from '../../../commands/options.ts';
import { commands as registry } from '../../../commands/registry.ts';

/** The slash command every subcommand hangs off. */
export const SLASH_COMMAND = '/clausewatch';

/** A parsed command line: the subcommand and its raw options, or what is wrong with the text. */
export type SlashParse =
  { readonly command: string; readonly options: Record<string, string | boolean> } | { readonly error: string };

/** Straight and typographic quotes: Slack clients turn `"` into `“ ”` as users type. */
const QUOTES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’', '„': '“' };

/**
 * `subscribe vendor:anthropic keyword:"data retention" dry-run` → `{ command: 'subscribe', options:
 * { vendor: 'anthropic', keyword: 'data retention', 'dry-run': true } }`. Empty text and `help` mean help;
 * `help subscribe` asks for one command's help. Option names and commands are lower-cased.
 */
export function parseSlashText(text: string): SlashParse {
  const tokens = tokenize(unescapeSlack(text));
  if (typeof tokens === 'string') return { error: tokens };
  const [first, ...rest] = tokens;
  if (first === undefined) return { command: 'help', options: {} };
  const command = first.replace(/^\//u, '').toLowerCase();
  if (command.includes(':')) return { error: `Start with a command, e.g. ${SLASH_COMMAND} subscribe ${first}.` };
  if (command === 'help' && rest.length === 1 && rest[0]?.includes(':') === false) {
    return { command, options: { command: rest[0].replace(/^\//u, '').toLowerCase() } };
  }
  const options: Record<string, string | boolean> = {};
  for (const token of rest) {
    const colon = token.indexOf(':');
    const name = (colon < 0 ? token : token.slice(0, colon)).trim().toLowerCase();
    if (name === '') return { error: `"${token}" has no option name; write name:value, e.g. vendor:anthropic.` };
    if (name in options) return { error: `Option ${name} is given twice.` };
    options[name] = colon < 0 ? true : unwrapSlackRef(token.slice(colon + 1));
  }
  return { command, options };
}

/** Splits at white space outside quotes and `<…>` references; quotes are removed. A message when a quote is open. */
function tokenize(text: string): string[] | string {
  const tokens: string[] = [];
  let current = '';
  let started = false;
  let closing: string | null = null;
  for (const character of text) {
    if (closing !== null) {
      if (character === closing) closing = null;
      else current += character;
    } else if (QUOTES[character] !== undefined) {
      closing = QUOTES[character];
      started = true;
    } else if (/\s/u.test(character)) {
      if (started) tokens.push(current);
      current = '';
      started = false;
    } else {
      current += character;
      started = true;
    }
  }
  if (closing !== null) return `A quote is not closed: add ${closing} after "${current}".`;
  if (started) tokens.push(current);
  return protectRefs(tokens);
}

/** Joins tokens back that a space split inside a `<@U123|first last>` reference. */
function protectRefs(tokens: readonly string[]): string[] {
  const joined: string[] = [];
  for (const token of tokens) {
    const last = joined.at(-1);
    if (last !== undefined && last.lastIndexOf('<') > last.lastIndexOf('>'))
      joined[joined.length - 1] = `${last} ${token}`;
    else joined.push(token);
  }
  return joined;
}

/** Slack's escaping of the command text undone for the three characters it escapes. */
function unescapeSlack(text: string): string {
  return text.replaceAll('&lt;', '\u0001').replaceAll('&gt;', '\u0002').replaceAll('&amp;', '&');
}

/**
 * A value as the commands want it: `<https://x.com|x.com>` → `https://x.com`; user and channel references
 * keep their id (`<@U123|ann>` → `<@U123>`); the `<`, `>` the user typed come back.
 */
function unwrapSlackRef(value: string): string {
  const reference = /^<([^<>|]+)(?:\|[^<>]*)?>$/u.exec(value);
  const inner = reference?.[1];
  const unwrapped = inner === undefined ? value : /^[@#!]/u.test(inner) ? `<${inner}>` : inner;
  return unwrapped.replaceAll('\u0001', '<').replaceAll('\u0002', '>');
}

/**
 * Usage text from the registry: every subcommand with its description, or one command's usage and options
 * (unknown names get the overview). Adapters show it for `help` and after a mistake.
 */
export function slackUsage(commandName?: string, commands: readonly Command[] = registry): string {
  const name = commandName?.trim().replace(/^\//u, '').toLowerCase();
  const command = name === undefined ? undefined : commands.find((candidate) => candidate.name === name);
  if (command !== undefined) return commandUsage(command);
  const lines = commands.map((candidate) => `• \`${SLASH_COMMAND} ${candidate.name}\` — ${candidate.description}`);
  const unknown = name === undefined || name === '' ? [] : [`There is no ${SLASH_COMMAND} ${name}.`];
  return [
    ...unknown,
    `Usage: \`${SLASH_COMMAND} <command> [option:value …]\` — quote values with spaces: keyword:"data retention".`,
    ...lines,
  ].join('\n');
}

function commandUsage(command: Command): string {
  const options = command.options.map((option) => {
    const notes = [
      option.required === true ? 'required' : null,
      option.choices === undefined ? null : `one of ${option.choices.join(', ')}`,
      option.default === undefined ? null : `default ${String(option.default)}`,
    ].filter((note) => note !== null);
    return `• \`${option.name}\` — ${option.description}${notes.length === 0 ? '' : ` (${notes.join('; ')})`}`;
  });
  return [command.description, `Usage: \`${toSlackCommand(usage(command))}\``, ...options].join('\n');
}

/** `/subscribe vendor:x` → `/clausewatch subscribe vendor:x`, for the commands of the registry. */
export function toSlackCommand(text: string, commands: readonly Command[] = registry): string {
  const names = new Set(commands.map((command) => command.name));
  return text.replace(/(^|[\s(“"'`])\/([a-z][a-z-]*)\b/gu, (whole, before: string, name: string) =>
    names.has(name) ? `${before}${SLASH_COMMAND} ${name}` : whole,
  );
}
