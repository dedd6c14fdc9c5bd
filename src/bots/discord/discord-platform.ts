import { type APIInteraction, type Client, GatewayDispatchEvents, Events } from 'discord.js';
import type { DiscordSettings } from '../../config/chat-settings.ts';
import { describeError } from '../../domain/errors.ts';
import type { Runtime } from '../../main.ts';
import type { ChatPlatform } from '../../runtime/chat-platform.ts';
import { createDiscordClient } from './discord-client.ts';
import { createDiscordNotifier } from './discord-notifier.ts';
import { createInteractionHandler } from './interaction-handler.ts';
import { createRestResponder } from './interaction-responder.ts';
import { startInteractionsEndpoint, type InteractionsEndpoint } from './interactions-endpoint.ts';

/** Test and deployment knobs of the Discord platform beyond its settings. */
export interface DiscordPlatformOptions {
  /** @defaultValue 1500: a command not done by then is deferred */
  readonly deferAfterMs?: number | undefined;
  /** Interface the HTTP interactions endpoint binds. @defaultValue '0.0.0.0' */
  readonly interactionsHost?: string | undefined;
}

/** The Discord platform, with what tests and logs need to see of it. */
export interface DiscordPlatform extends ChatPlatform {
  readonly platform: 'discord';
  readonly client: Client;
  /** The HTTP interactions endpoint once started (with `DISCORD_PUBLIC_KEY`), else undefined. */
  interactionsUrl(): string | undefined;
}

/**
 * The Discord platform: a discord.js client logged in to the gateway (Guilds intent), interactions from the
 * gateway (and from the HTTP endpoint when `publicKey` is set) answered by one handler, and the notifier the
 * delivery worker sends alerts through. Nothing here hard-codes Discord's hosts: `settings.apiUrl` moves REST
 * and, through `GET /gateway/bot`, the gateway.
 */
export function createDiscordPlatform(
  settings: DiscordSettings,
  runtime: Runtime,
  options: DiscordPlatformOptions = {},
): DiscordPlatform {
  const { logger } = runtime;
  const client = createDiscordClient(settings);
  client.rest.setToken(settings.token);
  const handler = createInteractionHandler({ env: runtime.commands, logger, deferAfterMs: options.deferAfterMs });
  const notifier = createDiscordNotifier({ rest: client.rest, logger });
  let endpoint: InteractionsEndpoint | undefined;
  let started = false;

  const onInteraction = (data: unknown): void => {
    if (!isInteraction(data)) return;
    const responder = createRestResponder(client.rest, {
      id: data.id,
      token: data.token,
      applicationId: settings.applicationId,
    });
    // handle() never rejects; the catch is for the linter's sake and future changes.
    handler.handle(data, responder).catch((error: unknown) => {
      logger.error({ err: describeError(error) }, 'Discord interaction handler failed');
    });
  };

  return {
    platform: 'discord',
    notifier,
    client,
    interactionsUrl: () => endpoint?.url,
    async start() {
      if (started) return;
      started = true;
      client.ws.on(GatewayDispatchEvents.InteractionCreate, onInteraction);
      client.on(Events.Error, (error) => {
        logger.error({ err: describeError(error) }, 'Discord client error');
      });
      const ready = new Promise<void>((resolve) =>
        client.once(Events.ClientReady, () => {
          resolve();
        }),
      );
      await client.login(settings.token);
      await ready;
      logger.info(
        { user: client.user?.tag, guilds: client.guilds.cache.size, application: settings.applicationId },
        'logged in to Discord',
      );
      if (settings.publicKey !== undefined) {
        endpoint = await startInteractionsEndpoint({
          port: settings.interactionsPort,
          host: options.interactionsHost,
          publicKey: settings.publicKey,
          applicationId: settings.applicationId,
          handler,
          rest: client.rest,
          logger,
        });
        logger.info({ url: endpoint.url }, 'Discord interactions endpoint listening');
      }
    },
    async stop() {
      await endpoint?.close();
      endpoint = undefined;
      client.ws.off(GatewayDispatchEvents.InteractionCreate, onInteraction);
      await client.destroy();
    },
  };
}

function isInteraction(data: unknown): data is APIInteraction {
  if (typeof data !== 'object' || data === null) return false;
  const { id, token, type } = data as Record<string, unknown>;
  return typeof id === 'string' && typeof token === 'string' && typeof type === 'number';
}
