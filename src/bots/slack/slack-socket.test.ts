import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../../test/fakes/fake-slack/fake-slack-api.ts';
import { createTestRuntime, type TestRuntime } from '../../../test/fakes/test-runtime.ts';
import { createSlackPlatform, type SlackPlatform } from './slack-platform.ts';
import { slackSettings, textOf } from './slack-test-kit.ts';

let fake: FakeSlack;
let bed: TestRuntime;
let platform: SlackPlatform;
beforeAll(async () => {
  fake = await startFakeSlack();
  bed = await createTestRuntime();
  const settings = slackSettings(fake.apiUrl, { mode: 'socket', appToken: 'xapp-1-test', signingSecret: undefined });
  platform = createSlackPlatform(settings, bed.runtime);
  await platform.start();
});
afterAll(async () => {
  await platform.stop();
  await bed.close();
  await fake.close();
});

describe('Socket Mode', () => {
  it('opens the connection through SLACK_API_URL with the app token and listens on no port', async () => {
    const [open] = fake.callsTo('apps.connections.open');
    expect(open?.authorization).toBe('Bearer xapp-1-test');
    expect(fake.callsTo('auth.test')[0]?.authorization).toBe('Bearer xoxb-test-token');
    expect(platform.receiverUrl()).toBeUndefined();
    await fake.socket.connected();
  });

  it('answers /clausewatch commands in the envelope’s ack', async () => {
    const ack = await fake.socket.push('slash_commands', {
      command: '/clausewatch',
      text: 'subscribe vendor:openai where:dm',
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U1',
      trigger_id: 'trigger-socket-1',
      response_url: fake.responseUrl(),
    });
    expect(textOf(ack)).toMatch(/^Subscribed your direct messages\n#1 — /u);
    expect(ack.response_type).toBe('ephemeral');
  });

  it('runs an event once even when Slack redelivers it', async () => {
    const event = {
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'EvSocket',
      event_time: 1,
      event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' },
    };
    await fake.socket.push('events_api', event);
    await fake.socket.push('events_api', event, 1);
    const [published] = await fake.waitFor('views.publish');
    expect(textOf(published?.params.view)).toMatch(/vendor openai/u);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.callsTo('views.publish')).toHaveLength(1);
  });
});
