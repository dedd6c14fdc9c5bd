import { isFailing } from '../src/domain/source.ts';
import type { Command, CommandContext } from './command.ts';
import { stringOption } from './options.ts';
import { workspaceOf } from './places.ts';
import { channelRef, invalidReply, okReply, plural } from './replies.ts';

/** Workspace setting naming the channel where admins hear about failing sources. */
export const ALERTS_CHANNEL_SETTING = 'alerts-channel';

/** Failing sources listed by name in a reply; the rest are counted. */
const MAX_LISTED = 10;

/**
 * `/alerts-channel set|show|off`: where admins hear that a source keeps failing. Silent failures are the most
 * common complaint about alert bots, so `show` also says which sources are failing right now.
 */
export const alertsChannelCommand: Command = {
  name: 'alerts-channel',
  description: 'Choose the channel where admins hear about failing sources',
  options: [
    {
      name: 'action',
      description: 'set: this channel; show: the current one; off: stop these reports',
      type: 'string',
      choices: ['set', 'show', 'off'],
      default: 'show',
    },
  ],
  permission: 'manage-channel',
  instead: 'Ask someone who can manage this channel; /sources shows the health of every source.',
  async run(options, context) {
    const workspace = workspaceOf(context.invocation);
    const action = stringOption(options, 'action');
    if (action === 'off') {
      await context.subscriptions.setSetting(workspace, ALERTS_CHANNEL_SETTING, null);
      return okReply('Alerts channel off', [
        'Failing sources are no longer reported in chat; /sources still shows them.',
      ]);
    }
    if (action === 'set') {
      const channelId = context.invocation.channelId;
      if (channelId === null) {
        return invalidReply('Not in a channel', [
          'Run /alerts-channel action:set in the channel that should get the reports.',
        ]);
      }
      await context.subscriptions.setSetting(workspace, ALERTS_CHANNEL_SETTING, channelId);
      return okReply(
        'Alerts channel set',
        [`Sources that keep failing are reported in ${channelRef(channelId)}.`, ...(await failingNow(context))],
        { private: false },
      );
    }
    const current = await context.subscriptions.getSetting(workspace, ALERTS_CHANNEL_SETTING);
    const where =
      current === undefined
        ? 'No alerts channel is set, so nobody hears about failing sources. /alerts-channel action:set in the channel that should.'
        : `Sources that keep failing are reported in ${channelRef(current)}.`;
    return okReply('Alerts channel', [where, ...(await failingNow(context))]);
  },
};

async function failingNow(context: CommandContext): Promise<string[]> {
  const failing = (await context.store.listHealth()).filter((health) => isFailing(health, context.failureThreshold));
  if (failing.length === 0) return ['No source is failing now.'];
  const listed = failing
    .slice(0, MAX_LISTED)
    .map((health) => `${health.sourceId}: ${health.lastError ?? 'unknown error'}`);
  const more = failing.length > MAX_LISTED ? [`…and ${failing.length - MAX_LISTED} more.`] : [];
  return [`${plural(failing.length, 'source is', 'sources are')} failing now:`, ...listed, ...more];
}
