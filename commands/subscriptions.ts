import type { Command } from './command.ts';
import { describeSubscription } from './filters.ts';
import { describeCron } from './next-run.ts';
import { stringOption } from './options.ts';
import { describeTarget, isChannel, queryFor, targetFor, whereOption } from './places.ts';
import { okReply } from './replies.ts';

/** `/subscriptions`: what this channel (or the user's DMs) is subscribed to, with ids and filters. */
export const subscriptionsCommand: Command = {
  name: 'subscriptions',
  description: 'List the subscriptions of this channel or your DMs, with ids',
  options: [whereOption('your subscriptions')],
  permission: 'everyone',
  async run(options, context) {
    const target = targetFor(context.invocation, stringOption(options, 'where'));
    const place = describeTarget(target);
    const [subscriptions, digest] = await Promise.all([
      context.subscriptions.listSubscriptions(queryFor(target)),
      context.subscriptions.getDigest(target),
    ]);
    const lines =
      subscriptions.length === 0
        ? [`No subscriptions for ${place} yet; /subscribe adds one.`]
        : subscriptions.map(describeSubscription);
    lines.push(
      digest === undefined
        ? 'Delivery: as matches happen.'
        : `Delivery: one digest, ${describeCron(digest.cron)} (${digest.timezone}).`,
    );
    if (isChannel(target)) lines.push('Your own DM subscriptions: /subscriptions where:dm.');
    return okReply(`Subscriptions of ${place} (${subscriptions.length})`, lines);
  },
};
