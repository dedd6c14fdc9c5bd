import { runCommand, type CommandReply, type Invocation, type RawOptions } from '../../commands/index.ts';
import type { Platform, Target } from '../domain/subscription.ts';
import type { SubscriptionStore } from '../store/alert-store.ts';
import { createCommandContext, type CommandEnvironment } from './command-context.ts';

/** Notices are per user across workspaces: a DM target belongs to the user, wherever they subscribed. */
const USERS_WORKSPACE = '@users';

function noticeKey(userId: string): string {
  return `delivery-notice:${userId}`;
}

function usersOf(platform: Platform): { readonly platform: Platform; readonly workspaceId: string } {
  return { platform, workspaceId: USERS_WORKSPACE };
}

/**
 * Remembers why deliveries to a user's DMs stopped, so the next command they run says so (they cannot be
 * told by DM: that is what failed).
 */
export async function recordDeliveryNotice(
  store: SubscriptionStore,
  target: Target,
  paused: number,
  reason: string,
): Promise<void> {
  if (target.userId === null) return;
  const notice =
    `I could not send you direct messages (${reason}), so ${paused} of your DM subscription(s) are paused. ` +
    'Allow direct messages from this app, then run /subscribe with where:dm to resume them.';
  await store.setSetting(usersOf(target.platform), noticeKey(target.userId), notice);
}

/** The user's pending delivery notice, cleared once read; undefined when there is none. */
export async function takeDeliveryNotice(
  store: SubscriptionStore,
  invocation: Invocation,
): Promise<string | undefined> {
  const workspace = usersOf(invocation.platform);
  const key = noticeKey(invocation.userId);
  const notice = await store.getSetting(workspace, key);
  if (notice !== undefined) await store.setSetting(workspace, key, null);
  return notice;
}

/**
 * Runs a command for a chat user, as the Discord and Slack adapters do: the reply carries a pending delivery
 * notice first, and turns private when it does (the notice concerns the user alone).
 */
export async function runChatCommand(
  env: CommandEnvironment,
  name: string,
  rawOptions: RawOptions,
  invocation: Invocation,
): Promise<CommandReply> {
  const reply = await runCommand(name, rawOptions, createCommandContext(env, invocation));
  const notice = await takeDeliveryNotice(env.alerts, invocation);
  if (notice === undefined) return reply;
  return { ...reply, lines: [`⚠️ ${notice}`, ...reply.lines], private: true };
}
