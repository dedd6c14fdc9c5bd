import { type InteractionResponseType, type REST, Routes } from 'discord.js';
import type { DiscordReply } from './to-discord-reply.ts';

/** A message body of a reply, an edit or a follow-up; `flags` 64 makes it ephemeral. */
export type ReplyBody = Omit<DiscordReply, 'flags'> & { flags?: number };

/** The initial responses clausewatch gives (API v10 JSON). */
export type InteractionResponse =
  | { readonly type: InteractionResponseType.Pong }
  | { readonly type: InteractionResponseType.ChannelMessageWithSource; readonly data: ReplyBody }
  | { readonly type: InteractionResponseType.DeferredChannelMessageWithSource; readonly data: { flags?: number } }
  | {
      readonly type: InteractionResponseType.ApplicationCommandAutocompleteResult;
      readonly data: { choices: { name: string; value: string | number }[] };
    };

/** How the handler answers one interaction: the initial response once, then edits and follow-ups by token. */
export interface InteractionResponder {
  /** The initial response (reply, deferral, autocomplete choices, pong). Exactly once per interaction. */
  respond(response: InteractionResponse): Promise<void>;
  /** Replaces the deferred "thinking…" response with the reply (discord.js `editReply`). */
  editOriginal(body: ReplyBody): Promise<void>;
  deleteOriginal(): Promise<void>;
  /** A further message on the interaction (discord.js `followUp`); may be ephemeral by its flags. */
  followUp(body: ReplyBody): Promise<void>;
}

/** The interaction's identity as its responses need it. */
export interface InteractionToken {
  readonly id: string;
  readonly token: string;
  readonly applicationId: string;
}

/**
 * Edits and follow-ups through discord.js REST (`/webhooks/{application}/{token}`), authorised by the
 * interaction token rather than the bot token, as discord.js's own `editReply` does.
 */
export function tokenCalls(rest: REST, interaction: InteractionToken): Omit<InteractionResponder, 'respond'> {
  const original = Routes.webhookMessage(interaction.applicationId, interaction.token, '@original');
  return {
    async editOriginal(body) {
      await rest.patch(original, { body, auth: false });
    },
    async deleteOriginal() {
      await rest.delete(original, { auth: false });
    },
    async followUp(body) {
      await rest.post(Routes.webhook(interaction.applicationId, interaction.token), { body, auth: false });
    },
  };
}

/** The responder of a gateway interaction: the initial response goes to the interaction callback endpoint. */
export function createRestResponder(rest: REST, interaction: InteractionToken): InteractionResponder {
  return {
    async respond(response) {
      await rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: response, auth: false });
    },
    ...tokenCalls(rest, interaction),
  };
}
