import type { SourceDeclaration } from '../src/domain/source.ts';
import type { Store } from '../src/store/store.ts';

/** Option types every chat platform can render (Discord option types, Slack `key:value` arguments). */
export type OptionType = 'string' | 'integer' | 'boolean';

export interface CommandOption {
  readonly name: string;
  readonly description: string;
  readonly type: OptionType;
  readonly required?: boolean;
  /** Fixed choices; chat adapters render them as a picker. */
  readonly choices?: readonly string[];
}

/** Who may run a command: anyone, or members allowed to manage the channel's setup. */
export type Permission = 'everyone' | 'manage-channel';

/** What a command gets besides its options. */
export interface CommandContext {
  readonly sources: readonly SourceDeclaration[];
  readonly store: Store;
  readonly failureThreshold: number;
}

/** A platform-neutral reply: a title, lines of text and optional fields, rendered by each adapter. */
export interface CommandReply {
  readonly title: string;
  readonly lines: readonly string[];
  /** Shown to the invoking user only (Discord ephemeral, Slack ephemeral). */
  readonly private: boolean;
}

/** One slash command, defined once for every chat adapter. */
export interface Command {
  readonly name: string;
  readonly description: string;
  readonly options: readonly CommandOption[];
  readonly permission: Permission;
  run(
    options: Readonly<Record<string, string | number | boolean | undefined>>,
    context: CommandContext,
  ): Promise<CommandReply>;
}
