import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../domain/errors.ts';
import { startFakeSlack } from '../../../test/fakes/fake-slack/fake-slack-api.ts';
import { createTestRuntime } from '../../../test/fakes/test-runtime.ts';
import { createSlackPlatform } from './slack-platform.ts';
import { slackSettings } from './slack-test-kit.ts';

describe('createSlackPlatform', () => {
  it('refuses to start with a bot token Slack rejects, and stops safely before and after', async () => {
    const fake = await startFakeSlack();
    const bed = await createTestRuntime();
    try {
      fake.script('auth.test', { error: 'invalid_auth' });
      const platform = createSlackPlatform(slackSettings(fake.apiUrl), bed.runtime, { host: '127.0.0.1' });
      await platform.stop();
      const failure = await platform.start().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ConfigError);
      expect((failure as Error).message).toMatch(/^SLACK_BOT_TOKEN was refused by Slack: .*invalid_auth/u);
      expect((failure as Error).message).not.toContain('xoxb-test-token');
      expect(platform.receiverUrl()).toBeUndefined();
      await platform.stop();
    } finally {
      await bed.close();
      await fake.close();
    }
  });
});
