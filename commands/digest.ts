import { parseDigestSchedule } from '../src/alerts/digest.ts';
import type { DigestSchedule, Target } from '../src/domain/subscription.ts';
import type { Command, CommandContext, OptionValues } from './command.ts';
import { describeCron, describeRun, nextRun } from './next-run.ts';
import { booleanOption, stringOption } from './options.ts';
import { describeTarget, isChannel, mayChange, queryFor, targetFor, whereOption } from './places.ts';
import { capitalise, invalidReply, okReply, refusedReply } from './replies.ts';

const INSTEAD = 'For a digest of your own, run the same command with where:dm.';
const DEFAULT_TIME = '08:00';
const DEFAULT_TIMEZONE = 'UTC';

/** `/digest`: gather matches into one message on a schedule (daily, weekly, cron), `off:true` to stop; alone it shows the schedule. */
export const digestCommand: Command = {
  name: 'digest',
  description: 'Gather alerts into one digest (daily, weekly or cron); off:true stops it',
  options: [
    { name: 'schedule', description: 'daily, weekly, or a cron expression such as "0 8 * * 1-5"', type: 'string' },
    { name: 'time', description: 'Time of day for daily and weekly, HH:MM (default 08:00)', type: 'string' },
    {
      name: 'timezone',
      description: 'IANA time zone such as Europe/Berlin (default UTC)',
      type: 'string',
      autocomplete: 'timezones',
    },
    { name: 'weekday', description: 'Day of weekly digests (default monday)', type: 'string' },
    { name: 'off', description: 'Stop the digest; alerts arrive one by one again', type: 'boolean' },
    whereOption('your digest'),
  ],
  permission: 'everyone',
  async run(options, context) {
    const target = targetFor(context.invocation, stringOption(options, 'where'));
    const schedule = stringOption(options, 'schedule');
    if (booleanOption(options, 'off')) {
      if (schedule !== undefined) return invalidReply('Pick one', ['Give either a schedule or off:true, not both.']);
      return turnOff(target, context);
    }
    if (schedule === undefined) {
      if (['time', 'timezone', 'weekday'].some((name) => options[name] !== undefined)) {
        return invalidReply('Which schedule?', ['Give a schedule too: daily, weekly or a cron expression.']);
      }
      return show(target, context);
    }
    return setSchedule(schedule, options, target, context);
  },
};

async function setSchedule(schedule: string, options: OptionValues, target: Target, context: CommandContext) {
  if (!mayChange(context.invocation, target)) return refusedReply("change this channel's digest", INSTEAD);
  const kind = schedule.trim().toLowerCase();
  const time = stringOption(options, 'time');
  if (kind !== 'daily' && kind !== 'weekly' && time !== undefined) {
    return invalidReply('Check the schedule', [
      `A cron expression sets its own time; drop time:${time}, or use schedule:daily or schedule:weekly with it.`,
    ]);
  }
  const parsed = parseDigestSchedule({
    schedule,
    time: time ?? DEFAULT_TIME,
    weekday: stringOption(options, 'weekday'),
    timezone: stringOption(options, 'timezone') ?? DEFAULT_TIMEZONE,
  });
  if (!parsed.ok) return invalidReply('Check the schedule', [capitalise(parsed.message) + '.']);
  const previous = await context.subscriptions.getDigest(target);
  const now = context.clock.now();
  // A new digest starts gathering now: its first issue must not replay the whole event history.
  const digest: DigestSchedule = { target, ...parsed.value, lastSentAt: previous?.lastSentAt ?? now.toISOString() };
  await context.subscriptions.setDigest(digest);
  const lines = [
    ...describeDigest(digest, now),
    'Each digest gathers what matched since the previous one; an empty digest is not sent.',
  ];
  const subscriptions = await context.subscriptions.listSubscriptions(queryFor(target));
  if (subscriptions.length === 0) {
    lines.push(`No subscriptions for ${describeTarget(target)} yet; /subscribe decides what goes in.`);
  }
  return okReply(previous === undefined ? 'Digest on' : 'Digest changed', lines, { private: !isChannel(target) });
}

async function turnOff(target: Target, context: CommandContext) {
  if (!mayChange(context.invocation, target)) return refusedReply("change this channel's digest", INSTEAD);
  const removed = await context.subscriptions.removeDigest(target);
  const place = describeTarget(target);
  return removed
    ? okReply('Digest off', [`No more digests for ${place}; matches arrive one by one again.`], {
        private: !isChannel(target),
      })
    : okReply('No digest', [`There was no digest for ${place}; matches arrive one by one.`]);
}

async function show(target: Target, context: CommandContext) {
  const digest = await context.subscriptions.getDigest(target);
  if (digest === undefined) {
    return okReply('No digest', [
      `No digest for ${describeTarget(target)}: matches arrive one by one.`,
      'For one message a day: /digest schedule:daily time:08:00 timezone:Europe/Berlin',
    ]);
  }
  return okReply('Digest', describeDigest(digest, context.clock.now()));
}

function describeDigest(digest: DigestSchedule, now: Date): string[] {
  const next = nextRun(digest.cron, digest.timezone, now);
  return [
    `Digest for ${describeTarget(digest.target)}: ${describeCron(digest.cron)} (${digest.timezone}).`,
    next === null ? 'Next: when the cron expression next fires.' : `Next: ${describeRun(next, digest.timezone, now)}.`,
  ];
}
