import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, type Receiver, type ViewResponseAction, webApi } from '@slack/bolt';
import type { SlackSettings } from '../../config/chat-settings.ts';
import { ConfigError, describeError } from '../../domain/errors.ts';
import type { Logger } from '../../domain/logger.ts';
import type { SubscriptionStore } from '../../store/alert-store.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { createBlockActionsHandler, createHomeOpenedHandler, createViewSubmissionHandler } from './interactions.ts';
import { createManagePermission } from './manage-permission.ts';
import { createRequestDedupe } from './request-dedupe.ts';
import { createSlackApi } from './slack-api.ts';
import { createSlashCommandHandler, type RunCommand } from './slash-command.ts';
import { SLASH_COMMAND } from './slash-text.ts';
import { SUBSCRIBE_MODAL } from './subscribe-modal.ts';

/** Where the HTTP receiver takes requests (the manifest's request URL path). */
export const EVENTS_PATH = '/slack/events';

/** Options of {@link createSlackApp}. */
export interface SlackAppOptions {
  readonly settings: SlackSettings;
  readonly logger: Logger;
  readonly run: RunCommand;
  readonly subscriptions: SubscriptionStore;
  /** Interface the HTTP receiver listens on. @defaultValue all interfaces */
  readonly host?: string | undefined;
  /** @defaultValue 2000 (see `SlashCommandDeps.ackBudgetMs`) */
  readonly ackBudgetMs?: number | undefined;
}

/** The running Bolt app. */
export interface SlackApp {
  /** Checks the bot token (`auth.test`), then listens (HTTP) or connects (Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The bot's user name from `auth.test` (`clausewatch` until started). */
  botName(): string;
  /** `http://host:port/slack/events` once the HTTP receiver listens; undefined in Socket Mode. */
  receiverUrl(): string | undefined;
}

/** Web API options shared by every client: the fake's URL in tests, few retries (answers are due in 3 s). */
export function clientOptions(settings: SlackSettings, logger: Logger): webApi.WebClientOptions {
  return {
    ...(settings.apiUrl === undefined ? {} : { slackApiUrl: settings.apiUrl }),
    logger: toBoltLogger(logger, secretsOf(settings)),
    retryConfig: { retries: 1, minTimeout: 200, maxTimeout: 1000 },
    timeout: 10_000,
  };
}

function secretsOf(settings: SlackSettings): string[] {
  return [settings.botToken, settings.signingSecret ?? '', settings.appToken ?? ''];
}

/** A Bolt app over HTTP (signed requests, 5-minute timestamp window) or Socket Mode, with every handler. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { settings, logger } = options;
  const boltLogger = toBoltLogger(logger, secretsOf(settings));
  const receiver = createReceiver(settings, boltLogger);
  const app = new App({
    token: settings.botToken,
    receiver,
    logger: boltLogger,
    clientOptions: clientOptions(settings, logger),
    deferInitialization: true,
  });
  let botName = 'clausewatch';
  let server: Server | undefined;
  register(app, options);
  return {
    async start() {
      try {
        await app.init();
        const identity = await app.client.auth.test();
        if (typeof identity.user === 'string') botName = identity.user;
      } catch (error) {
        throw new ConfigError(`SLACK_BOT_TOKEN was refused by Slack: ${describeError(error).message}`, {
          cause: error,
        });
      }
      const started: unknown = await (settings.mode === 'http'
        ? app.start({ port: settings.port, ...(options.host === undefined ? {} : { host: options.host }) })
        : app.start());
      if (settings.mode === 'http') server = started as Server;
      logger.info({ mode: settings.mode, bot: botName }, 'Slack app started');
    },
    async stop() {
      await app.stop().catch((error: unknown) => {
        logger.debug({ err: describeError(error) }, 'Slack app was not running');
      });
      server = undefined;
    },
    botName: () => botName,
    receiverUrl() {
      const address = server?.address() as AddressInfo | null | undefined;
      if (address === undefined || address === null) return undefined;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${host === '::' || host === '[::]' || host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}${EVENTS_PATH}`;
    },
  };
}

function createReceiver(settings: SlackSettings, logger: ReturnType<typeof toBoltLogger>): Receiver {
  if (settings.mode === 'socket') {
    if (settings.appToken === undefined) throw new ConfigError('SLACK_APP_TOKEN is needed for Socket Mode');
    const apiUrl = settings.apiUrl;
    return new SocketModeReceiver({
      appToken: settings.appToken,
      logger,
      // apps.connections.open goes through this client, so a fake Web API can hand out a local ws:// URL.
      installerOptions: { clientOptions: apiUrl === undefined ? {} : { slackApiUrl: apiUrl } },
    });
  }
  if (settings.signingSecret === undefined) {
    throw new ConfigError('SLACK_SIGNING_SECRET is needed for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  // Bolt verifies the v0 signature and refuses timestamps older than five minutes with a 401.
  return new HTTPReceiver({ signingSecret: settings.signingSecret, endpoints: EVENTS_PATH, logger });
}

/** Wires the handlers; each declares the payload fields it reads, which Bolt's payload types satisfy. */
function register(app: App, options: SlackAppOptions): void {
  const api = createSlackApi(app.client);
  const canManage = createManagePermission({ api, logger: options.logger });
  const deps = { run: options.run, canManage, api, subscriptions: options.subscriptions };
  const slash = createSlashCommandHandler({ ...deps, logger: options.logger, ackBudgetMs: options.ackBudgetMs });
  const blockActions = createBlockActionsHandler(deps);
  const submitted = createViewSubmissionHandler(deps);
  const homeOpened = createHomeOpenedHandler(deps);
  const dedupe = createRequestDedupe(options.logger);
  app.use(async (args) => {
    await dedupe(args);
  });
  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    await slash(
      command,
      (body) => ack(body),
      (body) => respond(body),
    );
  });
  app.action({ type: 'block_actions' }, async ({ body, ack, respond }) => {
    await blockActions(body, () => ack(), respond);
  });
  app.view(SUBSCRIBE_MODAL, async ({ body, ack }) => {
    await submitted(body, (answer) => ack(answer as ViewResponseAction));
  });
  app.event('app_home_opened', async ({ event, body }) => {
    await homeOpened(event, body.team_id);
  });
  app.error(async (error) => {
    options.logger.error({ err: describeError(error.original ?? error) }, 'Slack handler failed');
    await Promise.resolve();
  });
}
