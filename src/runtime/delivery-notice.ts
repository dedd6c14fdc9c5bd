import { runCommand, type CommandReply, type Invocation, type RawOptions } from '../../commands/index.ts';
import type { Platform, Target } from '../domain/subscription.ts';
import type { SubscriptionStore } from '../store/alert-store.ts';
import { createCommandContext, type CommandEnvironment } from './command-context.ts';

/** Notices are per user across workspaces: a DM target belongs to the user, wherever they subscribed. */
const USERS_WORKSPACE = '@users';

function noticeKey(userId: string): string {
  return `delivery-notice:${userId}`;
}

/** Workspaces where the user's DM subscriptions were paused, so `/subscribe where:dm` anywhere resumes them all. */
function pausedKey(userId: string): string {
  return `paused-dms:${userId}`;
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
  const users = usersOf(target.platform);
  await store.setSetting(users, noticeKey(target.userId), notice);
  const workspaces = await pausedWorkspaces(store, target.platform, target.userId);
  if (!workspaces.includes(target.workspaceId)) {
    await store.setSetting(users, pausedKey(target.userId), JSON.stringify([...workspaces, target.workspaceId]));
  }
}

async function pausedWorkspaces(store: SubscriptionStore, platform: Platform, userId: string): Promise<string[]> {
  const raw = await store.getSetting(usersOf(platform), pausedKey(userId));
  if (raw === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((value): value is string => typeof value === 'string') : [];
  } catch {
    return []; // an unreadable list only costs an automatic resume elsewhere; /subscribe there still resumes
  }
}

/**
 * After the user subscribed their DMs again, resumes their DM subscriptions paused in other workspaces too (a DM
 * made from one Discord server, a subscribe run in the bot's DMs); `/subscribe` resumed this workspace's itself.
 */
async function resumeDmsElsewhere(store: SubscriptionStore, invocation: Invocation): Promise<number> {
  const { platform, userId } = invocation;
  const workspaces = await pausedWorkspaces(store, platform, userId);
  if (workspaces.length === 0) return 0;
  let resumed = 0;
  for (const workspaceId of workspaces.filter((id) => id !== invocation.workspaceId)) {
    resumed += await store.setPaused({ platform, workspaceId, channelId: null, userId }, false);
  }
  await store.setSetting(usersOf(platform), pausedKey(userId), null);
  return resumed;
}

function subscribesDms(name: string, rawOptions: RawOptions, invocation: Invocation): boolean {
  return name === 'subscribe' && (rawOptions.where === 'dm' || invocation.channelId === null);
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
  let reply = await runCommand(name, rawOptions, createCommandContext(env, invocation));
  if (reply.status === 'ok' && subscribesDms(name, rawOptions, invocation)) {
    const resumed = await resumeDmsElsewhere(env.alerts, invocation);
    if (resumed > 0) {
      reply = { ...reply, lines: [...reply.lines, `Resumed ${resumed} paused DM subscription(s) made elsewhere.`] };
    }
  }
  const notice = await takeDeliveryNotice(env.alerts, invocation);
  if (notice === undefined) return reply;
  return { ...reply, lines: [`⚠️ ${notice}`, ...reply.lines], private: true };
}
