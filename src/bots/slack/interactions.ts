/**
 * Interactivity: buttons on alerts (`diff:<source>:<version>`, `unsubscribe:<id>`), the Remove buttons of the
 * App Home tab, the subscribe modal's submission, and `app_home_opened`. Every change goes through the
 * command layer, so permissions and replies are the same as typed commands'.
 */
import { findCommand, type Invocation } from '../../../commands/index.ts';
import type { SubscriptionStore } from '../../store/alert-store.ts';
import { HOME_REMOVE, homeSubscriptions, homeView } from './app-home.ts';
import type { ManagePermission } from './manage-permission.ts';
import type { SlackApi } from './slack-api.ts';
import { toSlackReply } from './slack-reply.ts';
import type { Ack, Respond, RunCommand } from './slash-command.ts';
import { optionsFromSubmission, originOf, submissionAnswer, type ViewStateValues } from './subscribe-modal.ts';

/** What the interaction handlers need. */
export interface InteractionDeps {
  readonly run: RunCommand;
  readonly canManage: ManagePermission;
  readonly api: Pick<SlackApi, 'publishHome'>;
  readonly subscriptions: SubscriptionStore;
}

/** The fields of a `block_actions` payload clausewatch reads. */
export interface BlockActionsPayload {
  readonly user: { readonly id: string; readonly team_id?: string | undefined };
  readonly team: { readonly id: string } | null;
  readonly channel?: { readonly id: string } | undefined;
  readonly actions: readonly { readonly action_id: string; readonly value?: string | undefined }[];
}

/** The fields of a `view_submission` payload clausewatch reads. */
export interface ViewSubmissionPayload {
  readonly user: { readonly id: string; readonly team_id?: string | undefined };
  readonly team: { readonly id: string } | null;
  readonly view: { readonly private_metadata: string; readonly state: { readonly values: ViewStateValues } };
}

function teamOf(payload: {
  readonly user: { readonly team_id?: string | undefined };
  readonly team: { readonly id: string } | null;
}): string {
  return payload.team?.id ?? payload.user.team_id ?? '';
}

/** Builds the invocation of a member acting in a channel (or their DMs when `channelId` is null). */
async function invocationOf(
  deps: InteractionDeps,
  teamId: string,
  userId: string,
  channelId: string | null,
): Promise<Invocation> {
  const canManageChannel = await deps.canManage(teamId, userId, channelId);
  return { platform: 'slack', workspaceId: teamId, channelId, userId, canManageChannel };
}

/** Publishes the member's Home tab, with a line about what just happened when there is one. */
export async function publishHome(
  deps: InteractionDeps,
  teamId: string,
  userId: string,
  notice?: string,
): Promise<void> {
  const subscriptions = await homeSubscriptions(deps.subscriptions, teamId, userId);
  await deps.api.publishHome(userId, homeView(subscriptions, notice));
}

/** `block_actions`: acknowledged at once, then the button's command runs and answers privately. */
export function createBlockActionsHandler(deps: InteractionDeps) {
  return async function handleBlockActions(
    payload: BlockActionsPayload,
    ack: Ack,
    respond: Respond | undefined,
  ): Promise<void> {
    await ack();
    const action = payload.actions[0];
    if (action === undefined) return;
    const teamId = teamOf(payload);
    const userId = payload.user.id;
    if (action.action_id.startsWith(HOME_REMOVE)) {
      await removeFromHome(deps, teamId, userId, Number(action.action_id.slice(HOME_REMOVE.length)));
      return;
    }
    const channelId = payload.channel?.id ?? null;
    const command = buttonCommand(action.action_id);
    if (command === undefined || respond === undefined) return;
    const invocation = await invocationOf(deps, teamId, userId, channelId?.startsWith('D') === true ? null : channelId);
    const reply = await deps.run(command.name, command.options, invocation);
    await respond({ ...toSlackReply({ ...reply, private: true }), replace_original: false });
  };
}

/** The command an alert button stands for. */
function buttonCommand(actionId: string): { name: string; options: Record<string, string | number> } | undefined {
  const unsubscribe = /^unsubscribe:(\d+)$/u.exec(actionId);
  if (unsubscribe?.[1] !== undefined) return { name: 'unsubscribe', options: { id: Number(unsubscribe[1]) } };
  if (actionId.startsWith('diff:')) {
    // diff:<source>:<version>; a source id may hold colons, the version never does.
    const source = actionId.slice('diff:'.length, actionId.lastIndexOf(':'));
    const version = actionId.slice(actionId.lastIndexOf(':') + 1);
    if (source !== '') return { name: 'diff', options: { document: source, version } };
  }
  return undefined;
}

/**
 * A Remove button of the Home tab: the member's own DM subscription, or a channel subscription they
 * created (creating it is taken as the right to remove it) or may manage.
 */
async function removeFromHome(deps: InteractionDeps, teamId: string, userId: string, id: number): Promise<void> {
  const { dm, channels } = await homeSubscriptions(deps.subscriptions, teamId, userId);
  const subscription = [...dm, ...channels].find((candidate) => candidate.id === id);
  if (subscription === undefined) {
    await publishHome(deps, teamId, userId, `Subscription #${id} was already removed.`);
    return;
  }
  const channelId = subscription.target.channelId;
  const invocation = await invocationOf(deps, teamId, userId, channelId);
  const allowed = { ...invocation, canManageChannel: invocation.canManageChannel || subscription.createdBy === userId };
  const reply = await deps.run('unsubscribe', { id }, allowed);
  await publishHome(deps, teamId, userId, [reply.title, ...reply.lines].join(': '));
}

/** `view_submission` of the subscribe modal: runs `subscribe`, then shows errors in place or the result. */
export function createViewSubmissionHandler(deps: InteractionDeps) {
  const command = findCommand('subscribe');
  return async function handleViewSubmission(payload: ViewSubmissionPayload, ack: Ack): Promise<void> {
    if (command === undefined) {
      await ack();
      return;
    }
    const origin = originOf(payload.view.private_metadata);
    const invocation = await invocationOf(deps, teamOf(payload), payload.user.id, origin.channelId);
    const options = optionsFromSubmission(payload.view.state.values);
    const reply = await deps.run(command.name, options, invocation);
    await ack(submissionAnswer(reply, command, Object.keys(payload.view.state.values)));
  };
}

/** `app_home_opened` on the Home tab: publishes the member's subscriptions. */
export function createHomeOpenedHandler(deps: InteractionDeps) {
  return async function handleHomeOpened(
    event: { readonly user: string; readonly tab?: string },
    teamId: string,
  ): Promise<void> {
    if (event.tab !== undefined && event.tab !== 'home') return;
    await publishHome(deps, teamId, event.user);
  };
}
