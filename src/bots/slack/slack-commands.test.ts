import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_USER, startSlackBed, type SlackBed } from './slack-test-kit.ts';

let slack: SlackBed;
beforeAll(async () => {
  slack = await startSlackBed();
  slack.bed.fetcher.serve('https://acme.example/terms', {
    body: '<html><body><main><h1>Acme Terms</h1><p>1. Be nice.</p><p>2. Pay on time.</p></main></body></html>',
  });
});
afterAll(async () => {
  await slack.close();
});

const admin = { user: ADMIN_USER, channel: 'C1' };

describe('/clausewatch over signed HTTP requests', () => {
  // Every command of commands/, in an order where later rows build on earlier ones.
  const table: { name: string; text: string; from?: { user?: string; channel?: string }; expected: RegExp }[] = [
    { name: 'help', text: 'help', expected: /^clausewatch commands\n\/clausewatch subscribe — /u },
    {
      name: 'subscribe',
      text: 'subscribe vendor:openai where:dm',
      expected: /^Subscribed your direct messages\n#1 — terms changes and news · vendor openai/u,
    },
    {
      name: 'subscriptions',
      text: 'subscriptions where:dm',
      expected: /^Subscriptions of your direct messages \(1\)\n#1 — /u,
    },
    { name: 'unsubscribe', text: 'unsubscribe id:1', expected: /^Unsubscribed\nRemoved #1 /u },
    {
      name: 'digest',
      text: 'digest schedule:daily time:09:00 timezone:Europe/Berlin',
      from: admin,
      expected: /^Digest on\nDigest for this channel: daily at 09:00 \(Europe\/Berlin\)/u,
    },
    { name: 'latest', text: 'latest vendor:openai', expected: /^Latest\nNo terms change or news story about openai/u },
    {
      name: 'terms',
      text: 'terms vendor:openai',
      expected: /^OpenAI terms \(5\)\nTerms of Use \(openai\/terms-of-use\)/u,
    },
    {
      name: 'diff',
      text: 'diff document:openai/terms-of-use',
      expected: /^Diff: Terms of Use\nNo version is recorded yet/u,
    },
    { name: 'sources', text: 'sources vendor:anthropic', expected: /^Sources \(4\)\nanthropic\/consumer-terms/u },
    {
      name: 'watch',
      text: 'watch url:https://acme.example/terms kind:terms vendor:acme',
      from: admin,
      expected: /^Watching\nacme\/terms \(terms\)[\s\S]*\/clausewatch unwatch id:acme\/terms/u,
    },
    {
      name: 'unwatch',
      text: 'unwatch id:acme/terms',
      from: admin,
      expected: /^Unwatched\nStopped watching acme\/terms/u,
    },
    {
      name: 'alerts-channel',
      text: 'alerts-channel action:show',
      from: admin,
      expected: /^Alerts channel\nNo alerts channel is set/u,
    },
  ];

  it.each(table)('$name answers in the acknowledgement', async ({ text, from, expected }) => {
    const answer = await slack.command(text, from);
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(expected);
    expect(answer.body.response_type).toMatch(/^(ephemeral|in_channel)$/u);
  });
});

describe('mistakes get usage text', () => {
  it('answers an unknown subcommand with the overview', async () => {
    const answer = await slack.command('subscirbe vendor:openai');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(answer.text).toMatch(/There is no \/clausewatch subscirbe\.\nUsage: `\/clausewatch &lt;command&gt; /u);
  });

  it('answers an open quote and an option before the command with what to do', async () => {
    expect((await slack.command('subscribe keyword:"data')).text).toMatch(/^:warning: A quote is not closed/u);
    expect((await slack.command('vendor:openai')).text).toMatch(
      /Start with a command, e\.g\. \/clausewatch subscribe/u,
    );
  });

  it('adds the command’s usage to an invalid reply', async () => {
    const answer = await slack.command('subscribe colour:red where:dm');
    expect(answer.text).toMatch(/colour/u);
    expect(answer.text).toContain('Usage: `/clausewatch subscribe [vendor:&lt;vendor&gt;]');
  });
});

describe('who may change a channel', () => {
  it('refuses a plain member, suggesting where:dm, and lets the channel creator', async () => {
    slack.fake.setChannelCreator('C7', 'U7');
    const refused = await slack.command('subscribe vendor:google', { user: 'U8', channel: 'C7' });
    expect(refused.text).toMatch(/^Not allowed\n[\s\S]*where:dm/u);
    const creator = await slack.command('subscribe vendor:google', { user: 'U7', channel: 'C8' });
    expect(creator.text).toMatch(/^Not allowed/u);
    const own = await slack.command('subscribe vendor:google', { user: 'U7', channel: 'C7' });
    expect(own.text).toMatch(/^Subscribed this channel/u);
    expect(own.body.response_type).toBe('in_channel');
  });
});

describe('the subscribe modal', () => {
  it('opens on a bare /clausewatch subscribe and subscribes on submission', async () => {
    const opened = slack.fake.callsTo('views.open').length;
    const answer = await slack.command('subscribe', { user: 'U2', channel: 'C2' });
    expect(answer).toMatchObject({ status: 200, text: '' });
    const [call] = (await slack.fake.waitFor('views.open', opened + 1)).slice(-1);
    const view = call?.params.view as { callback_id: string; private_metadata: string; blocks: { block_id: string }[] };
    expect(view.callback_id).toBe('clausewatch-subscribe');
    expect(view.blocks.map((block) => block.block_id)).toEqual([
      'vendor',
      'topic',
      'keyword',
      'source',
      'min-significance',
      'kind',
      'where',
      'mention',
    ]);
    const values = {
      vendor: { value: { type: 'plain_text_input', value: 'mistral' } },
      keyword: { value: { type: 'plain_text_input', value: null } },
      kind: { value: { type: 'static_select', selected_option: { value: 'terms' } } },
      where: { value: { type: 'radio_buttons', selected_option: { value: 'dm' } } },
    };
    const submitted = await slack.interact(submission('U2', view.private_metadata, values));
    expect(submitted.body.response_action).toBe('update');
    expect(submitted.text).toMatch(/Subscribed your direct messages[\s\S]*terms changes · vendor mistral/u);
    const stored = await slack.bed.runtime.alerts.listSubscriptions({
      platform: 'slack',
      workspaceId: 'T1',
      userId: 'U2',
    });
    expect(stored.map((s) => s.filters.vendors)).toEqual([['mistral']]);
  });

  it('keeps the modal open with the error under the input it concerns', async () => {
    const values = {
      vendor: { value: { type: 'plain_text_input', value: 'nosuchvendor' } },
      where: { value: { type: 'radio_buttons', selected_option: { value: 'dm' } } },
    };
    const submitted = await slack.interact(submission('U2', '{"channelId":"C2"}', values));
    expect(submitted.body.response_action).toBe('errors');
    expect(Object.keys(submitted.body.errors as object)).toEqual(['vendor']);
  });
});

function submission(user: string, privateMetadata: string, values: object): object {
  return {
    type: 'view_submission',
    team: { id: 'T1', domain: 'acme' },
    user: { id: user, team_id: 'T1' },
    api_app_id: 'A1',
    trigger_id: `trigger-${Math.random()}`,
    view: {
      id: 'V1',
      type: 'modal',
      callback_id: 'clausewatch-subscribe',
      private_metadata: privateMetadata,
      state: { values },
    },
  };
}

describe('request verification', () => {
  it('refuses a bad signature and a timestamp older than five minutes with 401, and runs neither', async () => {
    const before = await slack.bed.runtime.alerts.listSubscriptions({ platform: 'slack', workspaceId: 'T1' });
    const forged = await slack.command('subscribe vendor:xai where:dm', {}, { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const stale = await slack.command(
      'subscribe vendor:xai where:dm',
      {},
      { timestamp: Math.floor(Date.now() / 1000) - 301 },
    );
    expect(stale.status).toBe(401);
    const fresh = await slack.command('help', {}, { timestamp: Math.floor(Date.now() / 1000) - 240 });
    expect(fresh.status).toBe(200);
    const after = await slack.bed.runtime.alerts.listSubscriptions({ platform: 'slack', workspaceId: 'T1' });
    expect(after).toHaveLength(before.length);
  });
});

describe('App Home', () => {
  it('publishes the member’s subscriptions on app_home_opened and removes one with its button', async () => {
    await slack.command('subscribe vendor:meta where:dm', { user: 'U3', channel: 'C3' });
    await slack.command('subscribe vendor:cursor', { user: ADMIN_USER, channel: 'C3' });
    await slack.command('subscribe vendor:github where:dm', { user: ADMIN_USER, channel: 'C3' });
    const published = slack.fake.callsTo('views.publish').length;
    const opened = await slack.event({ type: 'app_home_opened', user: ADMIN_USER, channel: 'D1', tab: 'home' }, 'Ev1');
    expect(opened.status).toBe(200);
    const [call] = (await slack.fake.waitFor('views.publish', published + 1)).slice(-1);
    expect(call?.params.user_id).toBe(ADMIN_USER);
    const home = textOfView(call?.params.view);
    expect(home).toMatch(/In your direct messages[\s\S]*vendor github[\s\S]*In channels[\s\S]*vendor cursor in <#C3>/u);
    expect(home).not.toMatch(/vendor meta/u);
    const removeId = buttonOf(call?.params.view, /vendor github/u);
    await slack.interact(homeAction(ADMIN_USER, removeId));
    const [republished] = (await slack.fake.waitFor('views.publish', published + 2)).slice(-1);
    expect(textOfView(republished?.params.view)).toMatch(
      /^Your clausewatch subscriptions[\s\S]*Unsubscribed: Removed #\d+ /u,
    );
    expect(buttonOf(republished?.params.view, /vendor github/u)).toBe('');
    expect(buttonOf(republished?.params.view, /vendor cursor/u)).toMatch(/^home-remove:\d+$/u);
  });

  it('runs a retried event once: retries of a handled event_id are acknowledged and dropped', async () => {
    const published = slack.fake.callsTo('views.publish').length;
    const event = { type: 'app_home_opened', user: 'U3', channel: 'D3', tab: 'home' };
    expect((await slack.event(event, 'Ev2')).status).toBe(200);
    expect((await slack.event(event, 'Ev2', 1)).status).toBe(200);
    expect((await slack.event(event, 'Ev2', 2)).status).toBe(200);
    await slack.fake.waitFor('views.publish', published + 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.fake.callsTo('views.publish')).toHaveLength(published + 1);
    expect((await slack.event(event, 'Ev3', 1)).status).toBe(200);
    await slack.fake.waitFor('views.publish', published + 2);
  });
});

function textOfView(view: unknown): string {
  const blocks = (view as { blocks: { text?: { text: string }; elements?: { text: string }[] }[] }).blocks;
  return blocks
    .map((block) => block.text?.text ?? block.elements?.map((element) => element.text).join(' ') ?? '')
    .join('\n');
}

function buttonOf(view: unknown, row: RegExp): string {
  const blocks = (view as { blocks: { text?: { text: string }; accessory?: { action_id: string } }[] }).blocks;
  const block = blocks.find((candidate) => row.test(candidate.text?.text ?? ''));
  return block?.accessory?.action_id ?? '';
}

function homeAction(user: string, actionId: string): object {
  return {
    type: 'block_actions',
    team: { id: 'T1', domain: 'acme' },
    user: { id: user, team_id: 'T1' },
    api_app_id: 'A1',
    trigger_id: `trigger-${Math.random()}`,
    container: { type: 'view', view_id: 'V1' },
    view: { id: 'V1', type: 'home' },
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: actionId.split(':')[1], action_ts: '1' }],
  };
}
