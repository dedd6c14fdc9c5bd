import type { Subscription, Target } from '../src/domain/subscription.ts';
import type { Command, CommandContext, OptionValues } from './command.ts';
import { describeFilters, filtersFrom, sameFilters } from './filters.ts';
import { describeCron } from './next-run.ts';
import { stringOption } from './options.ts';
import { describeTarget, isChannel, mayChange, queryFor, targetFor, whereOption } from './places.ts';
import { invalidReply, okReply, refusedReply } from './replies.ts';

/** More than this per channel or user is a mistake (or abuse), not a setup. */
export const MAX_SUBSCRIPTIONS_PER_TARGET = 50;

/** Role or user mentions as Discord and Slack write them (`<@&123>`, `<@U123>`, `<!here>`), or the @ words. */
const MENTION = /^(?:<[@!][^<>\s]{1,100}>|@here|@everyone|@channel)$/u;

/** `/subscribe`: alerts for matching terms changes and news, in this channel or the user's DMs. */
export const subscribeCommand: Command = {
  name: 'subscribe',
  description: 'Get alerts for terms changes and news, here or by DM',
  options: [
    { name: 'vendor', description: 'Only these vendors (comma-separated)', type: 'string', autocomplete: 'vendors' },
    { name: 'topic', description: 'Only these topics (comma-separated)', type: 'string', autocomplete: 'topics' },
    { name: 'keyword', description: 'Only items containing this word or phrase', type: 'string' },
    { name: 'source', description: 'Only these source ids (comma-separated)', type: 'string', autocomplete: 'sources' },
    {
      name: 'min-significance',
      description: 'Skip terms changes below this significance',
      type: 'string',
      choices: ['high', 'medium', 'low'],
      default: 'low',
    },
    {
      name: 'kind',
      description: 'Terms changes, news, or both',
      type: 'string',
      choices: ['terms', 'news', 'both'],
      default: 'both',
    },
    whereOption('alerts'),
    { name: 'mention', description: 'Role or user to ping on high-significance terms changes', type: 'string' },
  ],
  permission: 'everyone',
  async run(options, context) {
    const target = targetFor(context.invocation, stringOption(options, 'where'));
    if (!mayChange(context.invocation, target)) {
      return refusedReply(
        'subscribe this channel',
        'To get these alerts yourself, run the same command with where:dm.',
      );
    }
    const mention = checkMention(options, target);
    if (typeof mention === 'string') return invalidReply('Check the mention', [mention]);
    const filters = filtersFrom(options, context);
    if (!filters.ok) return invalidReply('Check the filters', [filters.message]);
    const existing = await context.subscriptions.listSubscriptions(queryFor(target));
    // Subscribing again is how a target whose deliveries failed (DMs closed, app removed) comes back.
    const resumed = existing.some((s) => s.paused) ? await context.subscriptions.setPaused(target, false) : 0;
    const resumedLine = resumed > 0 ? [`Resumed ${resumed} paused subscription(s) for ${describeTarget(target)}.`] : [];
    const same = existing.find((s) => sameFilters(s.filters, filters.value) && s.mention === mention.value);
    if (same !== undefined) {
      return okReply(resumed > 0 ? 'Subscription resumed' : 'Already subscribed', [
        `This subscription exists already for ${describeTarget(target)}: #${same.id} — ${describeFilters(same.filters)}.`,
        ...resumedLine,
      ]);
    }
    if (existing.length >= MAX_SUBSCRIPTIONS_PER_TARGET) {
      return invalidReply('Too many subscriptions', [
        `There are ${existing.length} subscriptions for ${describeTarget(target)}, the most allowed.`,
        'Remove some with /unsubscribe, or combine them: one subscription takes several vendors or topics.',
      ]);
    }
    const subscription = await context.subscriptions.addSubscription({
      target,
      filters: filters.value,
      mention: mention.value,
      createdBy: context.invocation.userId,
      createdAt: context.clock.now().toISOString(),
    });
    const reply = await subscribed(subscription, context);
    return { ...reply, lines: [...reply.lines, ...resumedLine] };
  },
};

/** The mention to store (null: none), or a message; mentions only make sense where others can be pinged. */
function checkMention(options: OptionValues, target: Target): { readonly value: string | null } | string {
  const mention = stringOption(options, 'mention');
  if (mention === undefined) return { value: null };
  if (!isChannel(target)) {
    return 'A mention only applies to channel subscriptions; drop the mention option for alerts by DM.';
  }
  if (!MENTION.test(mention)) {
    return `"${mention}" is not a role or user mention; pick a role or user (e.g. <@&123>, <@U123>) or @here.`;
  }
  return { value: mention };
}

async function subscribed(subscription: Subscription, context: CommandContext) {
  const target = subscription.target;
  const digest = await context.subscriptions.getDigest(target);
  const delivery =
    digest === undefined
      ? 'Matches arrive as they happen; /digest gathers them into one message on a schedule instead.'
      : `Matches arrive in the digest, ${describeCron(digest.cron)} (${digest.timezone}).`;
  return okReply(
    `Subscribed ${describeTarget(target)}`,
    [
      `#${subscription.id} — ${describeFilters(subscription.filters)}`,
      ...(subscription.mention === null ? [] : [`High-significance terms changes mention ${subscription.mention}.`]),
      delivery,
      `Undo with /unsubscribe id:${subscription.id}.`,
    ],
    // The channel sees that it was subscribed; a DM subscription concerns the user alone.
    { private: !isChannel(target) },
  );
}
