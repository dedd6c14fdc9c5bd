/**
 * Where a command's setting applies: the channel it was run in, or the user's direct messages. In a DM there
 * is no channel, so `where:here` means the DMs too.
 */
import type { Target } from '../src/domain/subscription.ts';
import type { SubscriptionQuery, Workspace } from '../src/store/alert-store.ts';
import type { CommandOption, Invocation } from './command.ts';

/** Choices of the `where` option. */
export const WHERE_CHOICES = ['here', 'dm'] as const;

/** The `where` option, shared by the commands that set something up for a channel or a user. */
export function whereOption(what: string): CommandOption {
  return {
    name: 'where',
    description: `here: this channel; dm: ${what} in your direct messages`,
    type: 'string',
    choices: WHERE_CHOICES,
    default: 'here',
  };
}

/** The target a command sets up: this channel, or the user's DMs (`where:dm`, or any command run in a DM). */
export function targetFor(invocation: Invocation, where: string | undefined): Target {
  const { platform, workspaceId, channelId, userId } = invocation;
  if (where === 'dm' || channelId === null) return { platform, workspaceId, channelId: null, userId };
  return { platform, workspaceId, channelId, userId: null };
}

/** Whether a target is a channel (changing it needs the manage-channel permission). */
export function isChannel(target: Target): boolean {
  return target.channelId !== null;
}

/** Whether the invoking user may change the target: their own DMs always, a channel when they manage it. */
export function mayChange(invocation: Invocation, target: Target): boolean {
  return isChannel(target) ? invocation.canManageChannel : target.userId === invocation.userId;
}

/** The workspace a command runs in. */
export function workspaceOf(invocation: Invocation): Workspace {
  return { platform: invocation.platform, workspaceId: invocation.workspaceId };
}

/** The store query for a target's own subscriptions. */
export function queryFor(target: Target): SubscriptionQuery {
  const workspace = { platform: target.platform, workspaceId: target.workspaceId };
  return target.channelId === null
    ? { ...workspace, userId: target.userId ?? undefined }
    : { ...workspace, channelId: target.channelId };
}

/** "this channel" or "your direct messages", for replies. */
export function describeTarget(target: Target): string {
  return isChannel(target) ? 'this channel' : 'your direct messages';
}
