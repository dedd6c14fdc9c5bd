// The slash commands, defined once for every chat adapter: the registry, the runner adapters call, and suggestions.
export { commands, findCommand } from './registry.ts';
export { runCommand } from './run-command.ts';
export { autocompleteOption, suggest, valuesOf, MAX_SUGGESTIONS } from './autocomplete.ts';
export { ALERTS_CHANNEL_SETTING } from './alerts-channel.ts';
export { usage } from './options.ts';
export type {
  AutocompleteSource,
  Command,
  CommandContext,
  CommandOption,
  CommandReply,
  Invocation,
  OptionType,
  OptionValue,
  OptionValues,
  Permission,
  RawOptions,
  ReplyStatus,
  UrlCheck,
  Vocabulary,
  WatchedSources,
  WatchKind,
} from './command.ts';
