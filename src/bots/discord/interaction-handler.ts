import { type APIInteraction, InteractionResponseType, MessageFlags } from 'discord.js';
import {
  autocompleteOption,
  findCommand,
  type CommandReply,
  type Invocation,
  type RawOptions,
} from '../../../commands/index.ts';
import { truncateText } from '../../alerts/fit-text.ts';
import { describeError } from '../../domain/errors.ts';
import type { Logger } from '../../domain/logger.ts';
import { createCommandContext, type CommandEnvironment } from '../../runtime/command-context.ts';
import { runChatCommand } from '../../runtime/delivery-notice.ts';
import { DISCORD_HARD_LIMITS as LIMITS } from './api-types.ts';
import { buttonCommand } from './button-command.ts';
import { readInteraction } from './interaction-input.ts';
import type { InteractionResponder } from './interaction-responder.ts';
import { toDiscordReply } from './to-discord-reply.ts';

/**
 * Commands that fetch pages or read whole histories: deferred at once, since Discord drops an interaction
 * not answered within 3 s.
 */
const SLOW_COMMANDS: ReadonlySet<string> = new Set(['watch', 'diff', 'terms', 'latest', 'digest']);

/** Commands whose successful reply is for the whole channel; every other reply is private by default. */
const PUBLIC_COMMANDS: ReadonlySet<string> = new Set(['watch', 'unwatch', 'alerts-channel']);

/** Options of {@link createInteractionHandler}. */
export interface InteractionHandlerOptions {
  readonly env: CommandEnvironment;
  readonly logger: Logger;
  /**
   * Any other command not done by then is deferred too, well within Discord's 3 s.
   * @defaultValue 1500
   */
  readonly deferAfterMs?: number | undefined;
}

/** Answers interactions: slash commands, autocomplete and buttons, however they arrived. */
export interface InteractionHandler {
  /** Handles one interaction to the end; never throws (failures are logged, the user gets an error reply). */
  handle(interaction: APIInteraction, responder: InteractionResponder): Promise<void>;
}

/**
 * The one handler behind the gateway and the HTTP endpoint: a slash command runs through `runChatCommand`
 * (which adds delivery notices) and its reply is rendered by `toDiscordReply`; slow commands are deferred
 * (ephemeral when the reply is expected to be private) and the reply edited in; autocomplete answers from
 * `commands/autocomplete.ts`; buttons run `/diff` or `/unsubscribe`.
 */
export function createInteractionHandler(options: InteractionHandlerOptions): InteractionHandler {
  const { env, logger } = options;
  const deferAfterMs = options.deferAfterMs ?? 1500;

  const runCommand = async (name: string, raw: RawOptions, invocation: Invocation, responder: InteractionResponder) => {
    const running = runChatCommand(env, name, raw, invocation);
    const quick = SLOW_COMMANDS.has(name.toLowerCase()) ? undefined : await within(running, deferAfterMs);
    if (quick !== undefined) {
      await responder.respond({ type: InteractionResponseType.ChannelMessageWithSource, data: reply(quick) });
      return;
    }
    const deferPrivate = expectPrivate(name, raw, invocation);
    await responder.respond({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: deferPrivate ? { flags: MessageFlags.Ephemeral } : {},
    });
    const done = await running;
    const body = reply(done);
    if (done.private === deferPrivate) {
      const { flags: _flags, ...edit } = body;
      await responder.editOriginal(edit);
      return;
    }
    // A deferred response keeps its visibility: a reply that should be seen differently replaces it.
    await responder.deleteOriginal();
    await responder.followUp(body);
  };

  const dispatch = async (interaction: APIInteraction, responder: InteractionResponder): Promise<void> => {
    const incoming = readInteraction(interaction);
    switch (incoming.kind) {
      case 'ping':
        await responder.respond({ type: InteractionResponseType.Pong });
        return;
      case 'command':
        await runCommand(incoming.name, incoming.options, incoming.invocation, responder);
        return;
      case 'autocomplete':
        await responder.respond({
          type: InteractionResponseType.ApplicationCommandAutocompleteResult,
          data: { choices: choicesFor(env, incoming.name, incoming.option, incoming.typed, incoming.invocation) },
        });
        return;
      case 'button': {
        const command = await buttonCommand(env, incoming.customId, incoming.invocation);
        if (command.kind === 'reply') {
          await responder.respond({
            type: InteractionResponseType.ChannelMessageWithSource,
            data: reply(command.reply),
          });
        } else await runCommand(command.name, command.options, command.invocation, responder);
        return;
      }
      case 'unsupported':
        logger.debug({ type: incoming.type }, 'ignored an interaction type clausewatch does not use');
    }
  };

  return {
    async handle(interaction, responder) {
      const answered = trackResponse(responder);
      try {
        await dispatch(interaction, answered);
      } catch (error) {
        logger.error(
          { interaction: interaction.id, err: describeError(error) },
          'could not answer a Discord interaction',
        );
        await apologise(answered, logger);
      }
    },
  };
}

/** The reply as Discord JSON; flags only when ephemeral. */
function reply(commandReply: CommandReply) {
  return toDiscordReply(commandReply);
}

/** Whether a deferred reply should start out ephemeral: the command's reply is usually private. */
function expectPrivate(name: string, raw: RawOptions, invocation: Invocation): boolean {
  if (invocation.channelId === null || raw.where === 'dm') return true;
  return !PUBLIC_COMMANDS.has(name.toLowerCase());
}

function choicesFor(env: CommandEnvironment, name: string, option: string, typed: string, invocation: Invocation) {
  const context = createCommandContext(env, invocation);
  const integer = findCommand(name)?.options.find((candidate) => candidate.name === option)?.type === 'integer';
  return autocompleteOption(name, option, typed, context)
    .filter((value) => value.length <= LIMITS.choiceValue && (!integer || Number.isInteger(Number(value))))
    .map((value) => ({ name: truncateText(value, LIMITS.choiceName), value: integer ? Number(value) : value }));
}

/** The value of `promise` if it settles within `ms`, else undefined (the promise keeps running). */
async function within<TValue>(promise: Promise<TValue>, ms: number): Promise<TValue | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      resolve(undefined);
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

type TrackedResponder = InteractionResponder & { readonly responded: () => boolean };

function trackResponse(responder: InteractionResponder): TrackedResponder {
  let responded = false;
  return {
    ...responder,
    respond: async (response) => {
      responded = true;
      await responder.respond(response);
    },
    responded: () => responded,
  };
}

/** After an unexpected failure: an ephemeral apology if the user has not been answered yet. */
async function apologise(responder: TrackedResponder, logger: Logger): Promise<void> {
  if (responder.responded()) return;
  try {
    await responder.respond({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: toDiscordReply({
        status: 'error',
        title: 'Something went wrong',
        lines: ['The error was logged. Please try again in a minute.'],
        private: true,
      }),
    });
  } catch (error) {
    logger.warn({ err: describeError(error) }, 'could not tell the user an interaction failed');
  }
}
