import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clauseChange, termsChanged } from '../../alerts/alerts-test-kit.ts';
import { startAlerting, type Alerting } from '../../runtime/alerting.ts';
import { versionPoll } from '../../../commands/commands-test-kit.ts';
import { DOCUMENT, shortId, V1, V2, V3 } from '../../../commands/terms-fixtures.ts';
import { ADMIN_USER, startSlackBed, textOf, type SlackBed } from './slack-test-kit.ts';

let slack: SlackBed;
let alerting: Alerting;
let printed = '';
beforeAll(async () => {
  slack = await startSlackBed();
  alerting = await startAlerting(
    slack.bed.runtime,
    { write: (text) => (printed += text), color: false },
    { slack: slack.platform.notifier },
  );
});
afterAll(async () => {
  await alerting.stop();
  await slack.close();
});

const admin = (channel: string) => ({ user: ADMIN_USER, channel });

async function until(condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The admin presses a button of an alert in C1; resolves with the HTTP status and what went to its response_url. */
async function pressAlertButton(actionId: string, messageTs: string) {
  const responseUrl = slack.fake.responseUrl();
  const answer = await slack.interact({
    type: 'block_actions',
    team: { id: 'T1', domain: 'acme' },
    user: { id: ADMIN_USER, team_id: 'T1' },
    channel: { id: 'C1', name: 'general' },
    container: { type: 'message', channel_id: 'C1', message_ts: messageTs },
    trigger_id: `trigger-${messageTs}`,
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: 'x', action_ts: '1' }],
  });
  await until(() => slack.fake.responses.some((response) => response.url === responseUrl));
  const response = slack.fake.responses.find((candidate) => candidate.url === responseUrl);
  return { status: answer.status, response };
}

describe('alerts from tracker events to Slack', () => {
  it('delivers to a channel, a thread and a DM; a channel the app is not in is disabled with what to do', async () => {
    expect((await slack.command('alerts-channel action:set', admin('CALERTS'))).text).toMatch(/^Alerts channel/u);
    await slack.command('subscribe vendor:anthropic', admin('C1'));
    await slack.command('subscribe vendor:anthropic', admin('C9'));
    await slack.command('subscribe vendor:anthropic where:dm', { user: 'U5', channel: 'C1' });
    slack.fake.failChannel('C9', 'not_in_channel');
    const changes = Array.from({ length: 40 }, (_, index) =>
      clauseChange({ label: `3.${index}`, after: `We may train on your Inputs ${index}. `.repeat(30) }),
    );
    await slack.bed.runtime.bus.publish([termsChanged(changes)]);

    const posts = () => slack.fake.callsTo('chat.postMessage');
    await until(() => posts().some((call) => call.params.channel === 'CALERTS'));
    const to = (channel: string) => posts().filter((call) => call.params.channel === channel);
    await until(() => to('C1').length > 1 && to('DU5').length === to('C1').length);
    const toC1 = to('C1');
    const [main, ...thread] = toC1;
    expect(main?.params.text).toMatch(/Anthropic/u);
    expect(thread.length).toBeGreaterThan(0);
    expect(thread.every((call) => typeof call.params.thread_ts === 'string')).toBe(true);
    expect(textOf(thread.map((call) => call.params.blocks))).toMatch(/Part 1 of/u);
    expect(slack.fake.callsTo('conversations.open').map((call) => call.params.users)).toEqual(['U5']);

    const notice = posts().find((call) => call.params.channel === 'CALERTS');
    expect(textOf(notice?.params.blocks)).toMatch(
      /not_in_channel — invite @clausewatch to the channel: \/invite @clausewatch/u,
    );
    const paused = await slack.bed.runtime.alerts.listSubscriptions({
      platform: 'slack',
      workspaceId: 'T1',
      channelId: 'C9',
    });
    expect(paused.map((subscription) => subscription.paused)).toEqual([true]);
  });

  it('answers an alert’s Unsubscribe button privately through the command layer', async () => {
    const [subscription] = await slack.bed.runtime.alerts.listSubscriptions({
      platform: 'slack',
      workspaceId: 'T1',
      channelId: 'C1',
    });
    const { status, response } = await pressAlertButton(`unsubscribe:${subscription?.id}`, '1.1');
    expect(status).toBe(200);
    expect(response?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(textOf(response?.body)).toMatch(new RegExp(`^Unsubscribed\\nRemoved #${subscription?.id} `, 'u'));
  });

  it('answers an alert’s Full diff button with the change that alert was about, even after a later one', async () => {
    const { store } = slack.bed.runtime;
    await store.recordPoll(versionPoll(DOCUMENT, '2026-01-10T00:00:00.000Z', V1, 'baseline'));
    await store.recordPoll(versionPoll(DOCUMENT, '2026-02-15T00:00:00.000Z', V2, 'change'));
    await store.recordPoll(versionPoll(DOCUMENT, '2026-03-20T00:00:00.000Z', V3, 'change'));
    const [, middle] = await store.listVersionEntries(DOCUMENT, 10);
    const { response } = await pressAlertButton(`diff:${DOCUMENT}:${middle?.versionId ?? ''}`, '1.2');
    expect(response?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(response?.body)).toContain(
      `From 2026-01-10 (version ${shortId(V1)}) to 2026-02-15 (version ${shortId(V2)}).`,
    );
  });
});
