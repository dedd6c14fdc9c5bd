/**
 * Checking options as chat platforms and the CLI hand them over: names (`min_significance` and
 * `Min-Significance` mean `min-significance`), types (the CLI passes `--count 5` as a string), choices,
 * bounds and required options. A problem becomes an `invalid` reply naming the option and what is expected.
 */
import type { Command, CommandOption, CommandReply, OptionValue, OptionValues, RawOptions } from './command.ts';
import { invalidReply } from './replies.ts';
import { didYouMean } from './suggest.ts';

/** Checked options, or the reply explaining the first problem. */
export type OptionCheck =
  { readonly ok: true; readonly values: OptionValues } | { readonly ok: false; readonly reply: CommandReply };

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);

/** Checks raw options against a command's declared options and fills in defaults. */
export function checkOptions(command: Command, raw: RawOptions): OptionCheck {
  const values: Record<string, OptionValue> = {};
  for (const [rawName, rawValue] of Object.entries(raw)) {
    if (rawValue === undefined) continue;
    const name = normaliseName(rawName);
    const option = command.options.find((candidate) => candidate.name === name);
    if (option === undefined) return { ok: false, reply: unknownOption(command, rawName) };
    const converted = convert(option, rawValue);
    if (typeof converted === 'string') return { ok: false, reply: badOption(command, converted) };
    if (converted.value !== undefined) values[option.name] = converted.value;
  }
  for (const option of command.options) {
    if (values[option.name] !== undefined) continue;
    if (option.required === true) {
      return { ok: false, reply: badOption(command, `Missing option ${option.name}: ${option.description}.`) };
    }
    if (option.default !== undefined) values[option.name] = option.default;
  }
  return { ok: true, values };
}

/** How to call a command: `/terms vendor:<vendor> [document:<document>]`. */
export function usage(command: Command): string {
  const parts = command.options.map((option) => {
    const placeholder = option.choices === undefined ? `<${option.name}>` : option.choices.join('|');
    const part = `${option.name}:${option.type === 'boolean' ? 'true' : placeholder}`;
    return option.required === true ? part : `[${part}]`;
  });
  return [`/${command.name}`, ...parts].join(' ');
}

/** A checked string option. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A checked integer option. */
export function integerOption(values: OptionValues, name: string): number | undefined {
  const value = values[name];
  return typeof value === 'number' ? value : undefined;
}

/** A checked boolean option; absent is false. */
export function booleanOption(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

/** Several values in one option: `openai, anthropic` → `['openai', 'anthropic']`. */
export function listOption(values: OptionValues, name: string): string[] {
  const value = stringOption(values, name);
  if (value === undefined) return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    ),
  ];
}

function normaliseName(name: string): string {
  return name.trim().toLowerCase().replaceAll('_', '-');
}

/** The converted value (undefined for an empty string: "not given"), or a message saying what is wrong. */
function convert(option: CommandOption, raw: string | number | boolean): { value: OptionValue | undefined } | string {
  switch (option.type) {
    case 'string':
      return convertString(option, raw);
    case 'integer':
      return convertInteger(option, raw);
    case 'boolean':
      return convertBoolean(option, raw);
  }
}

function convertString(option: CommandOption, raw: string | number | boolean): { value: string | undefined } | string {
  if (typeof raw === 'boolean') return `Option ${option.name} needs a value, e.g. ${option.name}:${example(option)}.`;
  const text = String(raw).trim();
  if (text === '') return { value: undefined };
  if (option.choices === undefined) return { value: text };
  const choice = option.choices.find((candidate) => candidate.toLowerCase() === text.toLowerCase());
  if (choice !== undefined) return { value: choice };
  return `Option ${option.name} cannot be "${text}"${didYouMean(text, option.choices)} Choose one of ${option.choices.join(', ')}.`;
}

function convertInteger(option: CommandOption, raw: string | number | boolean): { value: number | undefined } | string {
  const text = String(raw).trim();
  if (text === '') return { value: undefined };
  const value = typeof raw === 'number' ? raw : /^[+-]?\d{1,15}$/u.test(text) ? Number(text) : Number.NaN;
  if (typeof raw === 'boolean' || !Number.isSafeInteger(value)) {
    return `Option ${option.name} must be a whole number, e.g. ${option.name}:${example(option)}; "${text}" is not.`;
  }
  if ((option.min !== undefined && value < option.min) || (option.max !== undefined && value > option.max)) {
    return `Option ${option.name} must be ${bounds(option)}; ${value} is not.`;
  }
  return { value };
}

function convertBoolean(option: CommandOption, raw: string | number | boolean): { value: boolean } | string {
  if (typeof raw === 'boolean') return { value: raw };
  const text = String(raw).trim().toLowerCase();
  if (TRUE_WORDS.has(text)) return { value: true };
  if (FALSE_WORDS.has(text)) return { value: false };
  return `Option ${option.name} is true or false; "${String(raw)}" is neither.`;
}

function example(option: CommandOption): string {
  if (option.default !== undefined) return String(option.default);
  if (option.choices?.[0] !== undefined) return option.choices[0];
  return option.type === 'integer' ? String(option.min ?? 1) : `<${option.name}>`;
}

function bounds(option: CommandOption): string {
  if (option.min !== undefined && option.max !== undefined) return `from ${option.min} to ${option.max}`;
  return option.min === undefined ? `at most ${option.max ?? 0}` : `at least ${option.min}`;
}

function unknownOption(command: Command, name: string): CommandReply {
  const names = command.options.map((option) => option.name);
  if (names.length === 0) return invalidReply('Unknown option', [`/${command.name} takes no options.`]);
  return invalidReply('Unknown option', [
    `/${command.name} has no option "${name}"${didYouMean(normaliseName(name), names)}`,
    `Its options: ${names.join(', ')}.`,
    `Usage: ${usage(command)}`,
  ]);
}

function badOption(command: Command, problem: string): CommandReply {
  return invalidReply('Check the options', [problem, `Usage: ${usage(command)}`]);
}
