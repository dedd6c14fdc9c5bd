/**
 * Suggestions while the user types an option (Discord autocomplete, shell completion): the known values of
 * the option's autocomplete source, those starting with the typed text first, then those containing it.
 */
import type { AutocompleteSource, CommandContext } from './command.ts';
import { findCommand } from './registry.ts';
import { vocabularyOf } from './vocabulary.ts';

/** Discord shows at most 25 suggestions. */
export const MAX_SUGGESTIONS = 25;

/** Every IANA zone Intl knows, plus UTC (which `supportedValuesOf` leaves out). */
const TIMEZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone')];

type VocabularyContext = Pick<CommandContext, 'sources' | 'vocabulary'>;

/** Suggestions for an option of a command; none when the option has no autocomplete source. */
export function autocompleteOption(
  commandName: string,
  optionName: string,
  typed: string,
  context: VocabularyContext,
): string[] {
  const option = findCommand(commandName)?.options.find((candidate) => candidate.name === optionName);
  if (option === undefined) return [];
  if (option.autocomplete !== undefined) return suggest(valuesOf(option.autocomplete, context), typed);
  return option.choices === undefined ? [] : suggest(option.choices, typed);
}

/** The values of one autocomplete source. */
export function valuesOf(source: AutocompleteSource, context: VocabularyContext): readonly string[] {
  switch (source) {
    case 'vendors':
      return vocabularyOf(context).vendors;
    case 'topics':
      return vocabularyOf(context).topics;
    case 'sources':
      return context.sources.map((declaration) => declaration.id);
    case 'documents':
      return context.sources.filter((declaration) => declaration.kind === 'terms').map((declaration) => declaration.id);
    case 'timezones':
      return TIMEZONES;
  }
}

/**
 * The values matching the typed text: starting with it (or a word of them starting with it: `berl` finds
 * Europe/Berlin, `commercial` finds anthropic/commercial-terms), then containing it; at most 25.
 */
export function suggest(values: readonly string[], typed: string): string[] {
  const wanted = typed.trim().toLowerCase();
  if (wanted === '') return values.slice(0, MAX_SUGGESTIONS);
  const starts: string[] = [];
  const contains: string[] = [];
  for (const value of values) {
    const lower = value.toLowerCase();
    if (lower.startsWith(wanted) || lower.split(/[/_-]/u).some((word) => word.startsWith(wanted))) starts.push(value);
    else if (lower.includes(wanted)) contains.push(value);
  }
  return [...starts, ...contains].slice(0, MAX_SUGGESTIONS);
}
