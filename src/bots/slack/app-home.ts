/**
 * The App Home tab: the member's own subscriptions (their DMs, and the channel subscriptions they created)
 * with a Remove button each. Published on `app_home_opened` and again after every removal.
 */
import { describeSubscription } from '../../../commands/filters.ts';
import type { Subscription } from '../../domain/subscription.ts';
import type { SubscriptionStore } from '../../store/alert-store.ts';
import { context, plainText, section, type Block } from './block-kit.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import type { SlackView } from './slack-api.ts';

/** `action_id` prefix of the Remove buttons; the subscription id follows (action ids are unique per view). */
export const HOME_REMOVE = 'home-remove:';

/** A Home tab holds at most 100 blocks; two per subscription, and room for headings. */
const MAX_LISTED = 40;

/** The member's subscriptions in a workspace: their DMs first, then channels they subscribed. */
export async function homeSubscriptions(
  store: SubscriptionStore,
  teamId: string,
  userId: string,
): Promise<{ readonly dm: Subscription[]; readonly channels: Subscription[] }> {
  const workspace = { platform: 'slack' as const, workspaceId: teamId };
  const all = await store.listSubscriptions(workspace);
  return {
    dm: all.filter((s) => s.target.channelId === null && s.target.userId === userId),
    channels: all.filter((s) => s.target.channelId !== null && s.createdBy === userId),
  };
}

/** The Home tab view. */
export function homeView(
  subscriptions: { readonly dm: Subscription[]; readonly channels: Subscription[] },
  notice?: string,
): SlackView {
  const blocks: Block[] = [
    { type: 'header', text: plainText('Your clausewatch subscriptions') },
    context('Alerts on AI vendors’ terms changes and AI news. Add more with `/clausewatch subscribe`.'),
  ];
  if (notice !== undefined) blocks.push(section(escapeMrkdwn(notice).slice(0, 2900)));
  blocks.push(...group('In your direct messages', subscriptions.dm, MAX_LISTED));
  const room = Math.max(MAX_LISTED - Math.min(subscriptions.dm.length, MAX_LISTED), 0);
  blocks.push(...group('In channels (subscribed by you)', subscriptions.channels, room));
  return { type: 'home', blocks };
}

function group(title: string, subscriptions: readonly Subscription[], max: number): Block[] {
  const blocks: Block[] = [{ type: 'divider' }, section(`*${escapeMrkdwn(title)}*`)];
  if (subscriptions.length === 0) return [...blocks, context('None yet.')];
  for (const subscription of subscriptions.slice(0, max)) blocks.push(row(subscription));
  const more = subscriptions.length - max;
  if (more > 0) blocks.push(context(`…and ${more} more: \`/clausewatch subscriptions\` lists them all.`));
  return blocks;
}

function row(subscription: Subscription): Block {
  const where = subscription.target.channelId === null ? '' : ` in <#${subscription.target.channelId}>`;
  const text = `${escapeMrkdwn(describeSubscription(subscription))}${where}`;
  return {
    ...section(text.slice(0, 2900)),
    accessory: {
      type: 'button',
      text: plainText('Remove'),
      action_id: `${HOME_REMOVE}${subscription.id}`,
      value: String(subscription.id),
      style: 'danger',
      confirm: {
        title: plainText('Remove this subscription?'),
        text: plainText(`#${subscription.id} stops sending alerts.`),
        confirm: plainText('Remove'),
        deny: plainText('Keep'),
      },
    },
  } as Block;
}
