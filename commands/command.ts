import type { AlertField, AlertMessage } from '../src/alerts/message.ts';
import type { Clock } from '../src/domain/clock.ts';
import type { Logger } from '../src/domain/logger.ts';
import type { SourceDeclaration } from '../src/domain/source.ts';
import type { Platform } from '../src/domain/subscription.ts';
import type { SignificanceRule } from '../src/diff/significance/rules.ts';
import type { EventLog, SubscriptionStore } from '../src/store/alert-store.ts';
import type { Store } from '../src/store/store.ts';

/** Option types every chat platform can render (Discord option types, Slack `key:value` arguments, CLI flags). */
export type OptionType = 'string' | 'integer' | 'boolean';

/** A value of a checked option. */
export type OptionValue = string | number | boolean;

/** Options as a command receives them: checked, typed, defaults filled in. */
export type OptionValues = Readonly<Record<string, OptionValue | undefined>>;

/** Options as a chat platform or the CLI hands them over, before any checking. */
export type RawOptions = Readonly<Record<string, string | number | boolean | undefined>>;

/** Where an adapter gets suggestions while the user types (Discord autocomplete, CLI completion). */
export type AutocompleteSource = 'vendors' | 'sources' | 'documents' | 'topics' | 'timezones';

export interface CommandOption {
  /** Lower-case, kebab-case: `min-significance`. */
  readonly name: string;
  /** At most 100 characters (Discord's limit). */
  readonly description: string;
  readonly type: OptionType;
  readonly required?: boolean;
  /** Fixed choices; chat adapters render them as a picker. Matched case-insensitively. */
  readonly choices?: readonly string[];
  /** Suggestions while typing; any value is still checked by the command. */
  readonly autocomplete?: AutocompleteSource;
  /** Filled in when the option is not given; shown by `/help`. */
  readonly default?: OptionValue;
  /** Smallest allowed value of an `integer` option. */
  readonly min?: number;
  /** Largest allowed value of an `integer` option. */
  readonly max?: number;
}

/** Who may run a command: anyone, or members allowed to manage the channel's setup. */
export type Permission = 'everyone' | 'manage-channel';

/** Who ran a command, and where. */
export interface Invocation {
  readonly platform: Platform;
  /** Discord guild, Slack team; `console` for the CLI. */
  readonly workspaceId: string;
  /** The channel the command was run in; null in a direct message. */
  readonly channelId: string | null;
  readonly userId: string;
  /** Whether the user may change this channel's setup (Discord Manage Channels, a Slack admin, `--admin`). */
  readonly canManageChannel: boolean;
}

/** What `/watch` saves: a terms page or a news feed. */
export type WatchKind = 'terms' | 'feed';

/** Outcome of the test fetch before a URL is watched. */
export type UrlCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Sources added from chat (not the built-in catalog or the config file). */
export interface WatchedSources {
  /**
   * Saves a new source; the tracker polls it from its next round on. False (nothing saved) when a source with
   * that id exists already, e.g. added a moment ago from another channel.
   */
  add(declaration: SourceDeclaration, addedBy: string): Promise<boolean> | boolean;
  /** Removes a source added from chat; false when `id` is not one (unknown, or from the catalog or config). */
  remove(id: string): Promise<boolean> | boolean;
}

/** The vendor and topic slugs users may filter on. */
export interface Vocabulary {
  /** Vendor slugs news is tagged with and terms documents belong to. */
  readonly vendors: readonly string[];
  /** Topic slugs of news tags and of clause changes. */
  readonly topics: readonly string[];
}

/** What a command gets besides its options. */
export interface CommandContext {
  readonly invocation: Invocation;
  /** Every watched source: catalog, config file and those added with `/watch`. */
  readonly sources: readonly SourceDeclaration[];
  readonly store: Store;
  readonly subscriptions: SubscriptionStore;
  readonly events: EventLog;
  readonly clock: Clock;
  /** Consecutive failures after which a source counts as failing. */
  readonly failureThreshold: number;
  /**
   * Checks a URL before `/watch` saves it: the SSRF guard, then a test fetch (and the selector, if given).
   * The reason is shown to the user as it is.
   */
  checkUrl(url: string, kind: WatchKind, selector?: string): Promise<UrlCheck>;
  readonly watched: WatchedSources;
  /**
   * Known vendor and topic slugs, including the config's additions.
   * @defaultValue the built-in news dictionaries and significance rules, plus the vendors of `sources`
   */
  readonly vocabulary?: Vocabulary | undefined;
  /** Significance rules for `/diff`. @defaultValue the built-in rules */
  readonly rules?: readonly SignificanceRule[] | undefined;
  /** Where unexpected errors are logged; a reply never shows them. @defaultValue no logging */
  readonly logger?: Logger | undefined;
}

/**
 * How a command went: `ok`; `invalid` input (nothing saved); `refused` for lack of permission (nothing
 * saved); `error` when something unexpected broke. Adapters may style on it; the CLI sets its exit status.
 */
export type ReplyStatus = 'ok' | 'invalid' | 'refused' | 'error';

/** A platform-neutral reply: a title, lines of text and optional fields, rendered by each adapter. */
export interface CommandReply {
  readonly status: ReplyStatus;
  readonly title: string;
  readonly lines: readonly string[];
  readonly fields?: readonly AlertField[] | undefined;
  /** Shown to the invoking user only (Discord ephemeral, Slack ephemeral). */
  readonly private: boolean;
  /** A rich reply (a diff) that adapters render like an alert, after `lines`. */
  readonly message?: AlertMessage | undefined;
}

/** One slash command, defined once for every chat adapter. */
export interface Command {
  readonly name: string;
  /** At most 100 characters (Discord's limit). */
  readonly description: string;
  readonly options: readonly CommandOption[];
  /** Checked by `runCommand` before `run`; some commands check more themselves (a channel vs. a DM). */
  readonly permission: Permission;
  /** What a refused user can do instead, e.g. "Ask someone who can manage this channel …". */
  readonly instead?: string | undefined;
  /** Runs with checked options; bad input is an `invalid` reply, never a throw. */
  run(options: OptionValues, context: CommandContext): Promise<CommandReply>;
}
