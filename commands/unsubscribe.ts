import type { Command, CommandContext } from './command.ts';
import { describeFilters } from './filters.ts';
import { booleanOption, integerOption, stringOption } from './options.ts';
import { describeTarget, isChannel, mayChange, targetFor, whereOption, workspaceOf } from './places.ts';
import { channelRef, invalidReply, okReply, plural, refusedReply } from './replies.ts';

const INSTEAD = 'Your own DM subscriptions you can always remove: /unsubscribe all:true where:dm.';

/** `/unsubscribe id:<id>` or `/unsubscribe all:true`: stop subscriptions of this channel or the user's DMs. */
export const unsubscribeCommand: Command = {
  name: 'unsubscribe',
  description: 'Stop a subscription by id, or all of them in this place',
  options: [
    { name: 'id', description: 'Subscription id, as /subscriptions lists it', type: 'integer', min: 1 },
    { name: 'all', description: 'Every subscription of this channel (or your DMs)', type: 'boolean' },
    whereOption('your subscriptions'),
  ],
  permission: 'everyone',
  async run(options, context) {
    const id = integerOption(options, 'id');
    const all = booleanOption(options, 'all');
    if (id !== undefined && all) {
      return invalidReply('Pick one', ['Give either id:<id> or all:true, not both.']);
    }
    if (id !== undefined) return unsubscribeOne(id, context);
    if (all) return unsubscribeAll(stringOption(options, 'where'), context);
    return invalidReply('Which subscription?', [
      'Give id:<id> (/subscriptions lists the ids) or all:true for every subscription here.',
    ]);
  },
};

async function unsubscribeOne(id: number, context: CommandContext) {
  const { invocation } = context;
  const workspace = workspaceOf(invocation);
  const subscription = (await context.subscriptions.listSubscriptions(workspace)).find((s) => s.id === id);
  // Another user's DM subscription is reported as missing: its existence is theirs to know.
  const visible =
    subscription !== undefined && (isChannel(subscription.target) || mayChange(invocation, subscription.target));
  if (subscription === undefined || !visible) {
    return invalidReply('No such subscription', [
      `There is no subscription #${id} here; /subscriptions lists the ids.`,
    ]);
  }
  const channelId = subscription.target.channelId;
  if (channelId !== null && channelId !== invocation.channelId) {
    return invalidReply('Another channel', [
      `Subscription #${id} belongs to ${channelRef(channelId)}; run /unsubscribe there.`,
    ]);
  }
  if (!mayChange(invocation, subscription.target)) return refusedReply('unsubscribe this channel', INSTEAD);
  await context.subscriptions.removeSubscription(id, workspace);
  return okReply(
    'Unsubscribed',
    [`Removed #${id} (${describeFilters(subscription.filters)}) from ${describeTarget(subscription.target)}.`],
    { private: !isChannel(subscription.target) },
  );
}

async function unsubscribeAll(where: string | undefined, context: CommandContext) {
  const target = targetFor(context.invocation, where);
  if (!mayChange(context.invocation, target)) return refusedReply('unsubscribe this channel', INSTEAD);
  const removed = await context.subscriptions.removeSubscriptionsFor(target);
  if (removed === 0)
    return okReply('Nothing to remove', [`There were no subscriptions for ${describeTarget(target)}.`]);
  const lines = [`Removed ${plural(removed, 'subscription')} from ${describeTarget(target)}.`];
  if ((await context.subscriptions.getDigest(target)) !== undefined) {
    lines.push('The digest schedule stays (it sends nothing without subscriptions); /digest off:true removes it.');
  }
  return okReply('Unsubscribed', lines, { private: !isChannel(target) });
}
