import { describe, expect, it } from 'vitest';
import {
  CHANNEL,
  clauseChange,
  newsItem,
  newsPublished,
  sourceFailed,
  termsChanged,
} from '../../alerts/alerts-test-kit.ts';
import { digestMessage, newsMessage, sourceFailedMessage, termsChangeMessage } from '../../alerts/message.ts';
import { createDeliveryWorker } from '../../alerts/delivery/delivery-worker.ts';
import { fakeClock, recordingLogger } from '../../alerts/delivery/delivery-test-kit.ts';
import type { Target } from '../../domain/subscription.ts';
import { createMemoryOutbox } from '../../../test/fakes/memory-outbox.ts';
import { createConsoleTargetNotifier, formatAlertForConsole } from './console-target-notifier.ts';

const START_AT = '2025-04-02T08:15:00.000Z';
const CONSOLE: Target = { platform: 'console', workspaceId: 'console', channelId: 'stdout', userId: null };

const terms = termsChanged([
  clauseChange(),
  clauseChange({
    kind: 'added',
    label: null,
    before: null,
    after: 'Outputs may be reviewed.\nReviews are logged.',
    significance: 'low',
    topics: [],
    summary: 'Output review added',
  }),
  clauseChange({
    kind: 'moved',
    before: 'Fees are due monthly.',
    after: 'Fees are due monthly.',
    significance: 'low',
    summary: 'Moved to 9.1',
    label: '9.1',
  }),
]);

describe('formatAlertForConsole', () => {
  it('prints a terms change: mention, badge, headline, fields, clause changes as -/+ lines, link, footer', () => {
    const message = termsChangeMessage(terms, { mention: '<@&42>', subscriptionId: 3 });
    expect(formatAlertForConsole(message, { color: false })).toBe(
      [
        '<@&42>',
        '[HIGH] Anthropic Commercial Terms (effective 2025-04-02): 1 high — Training on Inputs now allowed',
        '  https://www.anthropic.com/legal/commercial-terms',
        '  Vendor: Anthropic',
        '  Document: Commercial Terms',
        '  Changes: 3 (1 high, 2 low)',
        '  Effective date: 2025-03-01 → 2025-04-02',
        '  Topics: training-data',
        '  [high] modified — Terms › 3. Your Content 3.1',
        '    Training on Inputs now allowed',
        '    - We do not train on your Inputs.',
        '    + We may train on your Inputs.',
        '  [low] added — Terms › 3. Your Content',
        '    Output review added',
        '    + Outputs may be reviewed.',
        '      Reviews are logged.',
        '  [low] moved — Terms › 3. Your Content 9.1',
        '    Moved to 9.1',
        '      Fees are due monthly.',
        '  Current version: https://www.anthropic.com/legal/commercial-terms',
        '  clausewatch · anthropic/commercial-terms · 2025-04-02 08:15 UTC',
      ].join('\n'),
    );
  });

  it('prints news stories as a list with summaries and links', () => {
    const message = newsMessage(
      newsPublished([
        newsItem(),
        newsItem({ key: 'k2', title: 'Gemini terms explained', url: 'https://t.example/2', summary: '' }),
      ]),
    );
    expect(formatAlertForConsole(message, { color: false })).toBe(
      [
        '[NEWS] 2 new stories from TechCrunch AI',
        '  https://techcrunch.com/category/artificial-intelligence/feed/',
        '  Source: TechCrunch AI',
        '  • OpenAI changes API pricing (techcrunch/ai)',
        '    OpenAI raised prices for its flagship model.',
        '    https://techcrunch.com/2025/04/02/openai-pricing',
        '  • Gemini terms explained (techcrunch/ai)',
        '    https://t.example/2',
        '  clausewatch · techcrunch/ai · 2025-04-02 08:15 UTC',
      ].join('\n'),
    );
  });

  it('prints a source error with its badge', () => {
    const text = formatAlertForConsole(sourceFailedMessage(sourceFailed()), { color: false });
    expect(text.split('\n').slice(0, 2)).toEqual([
      '[ERROR] OpenAI Terms of Use is failing: 5 checks in a row went wrong',
      '  https://openai.com/policies/terms-of-use',
    ]);
  });

  it('prints a digest with lines under their vendor headings', () => {
    const message = digestMessage(
      [
        { type: 'terms-change', event: termsChanged([clauseChange()]) },
        { type: 'news', item: newsItem() },
      ],
      {
        target: CHANNEL,
        since: null,
        until: '2025-04-03T08:00:00.000Z',
      },
    );
    expect(message).not.toBeNull();
    if (message === null) return;
    expect(formatAlertForConsole(message, { color: false })).toBe(
      [
        '[HIGH] Digest: 1 terms change and 1 news story',
        '  Period: until 2025-04-03 08:00 UTC',
        '  Terms changes: 1 (1 high)',
        '  Anthropic',
        '    • [high] Anthropic Commercial Terms (effective 2025-04-02): 1 high — Training on Inputs now allowed (anthropic/commercial-terms)',
        '      Training on Inputs now allowed',
        '      https://www.anthropic.com/legal/commercial-terms',
        '  OpenAI',
        '    • OpenAI changes API pricing (techcrunch/ai)',
        '      OpenAI raised prices for its flagship model.',
        '      https://techcrunch.com/2025/04/02/openai-pricing',
        '  clausewatch digest · 2025-04-03 08:00 UTC',
      ].join('\n'),
    );
  });

  it('cuts a long alert to the console limits with "…and N more" instead of dropping it', () => {
    const many = Array.from({ length: 40 }, (_, index) =>
      clauseChange({ label: `${index + 1}`, significance: index < 5 ? 'high' : 'low', summary: `Change ${index + 1}` }),
    );
    const text = formatAlertForConsole(termsChangeMessage(termsChanged(many)), { color: false });
    const listed = text.split('\n').filter((line) => /^ {2}\[(high|low)\] /u.test(line));
    expect(listed).toHaveLength(30);
    expect(text).toContain('\n  …and 10 more\n');
    expect(text).toContain('[high] modified — Terms › 3. Your Content 5\n');
    expect(text).not.toContain('Your Content 31\n');
  });

  it('uses colour only when asked', () => {
    const message = termsChangeMessage(terms);
    expect(formatAlertForConsole(message, { color: true })).toContain('\u001b[41m\u001b[37m HIGH \u001b[39m\u001b[49m');
    expect(formatAlertForConsole(message, { color: false })).not.toContain('\u001b[');
  });
});

describe('console target notifier', () => {
  it('prints each alert once with a trailing newline and returns console-<n> ids', async () => {
    const written: string[] = [];
    const notifier = createConsoleTargetNotifier({ write: (text) => written.push(text), color: false });
    const message = sourceFailedMessage(sourceFailed());

    const first = await notifier.send(CONSOLE, message, { idempotencyKey: 'e1:console' });
    const second = await notifier.send(CONSOLE, message, { idempotencyKey: 'e2:console' });

    expect([first, second]).toEqual([{ messageId: 'console-1' }, { messageId: 'console-2' }]);
    expect(written).toEqual([
      `${formatAlertForConsole(message, { color: false })}\n`,
      `${formatAlertForConsole(message, { color: false })}\n`,
    ]);
  });

  it('skips a key it has printed before and returns the first id again', async () => {
    const written: string[] = [];
    const notifier = createConsoleTargetNotifier({ write: (text) => written.push(text), color: false });
    const message = newsMessage(newsPublished([newsItem()]));

    await notifier.send(CONSOLE, message, { idempotencyKey: 'k' });
    const repeat = await notifier.send(CONSOLE, message, { idempotencyKey: 'k' });

    expect(repeat).toEqual({ messageId: 'console-1' });
    expect(written).toHaveLength(1);
  });

  it('is not printed twice when the delivery worker resends after a failed markSent', async () => {
    const written: string[] = [];
    const notifier = createConsoleTargetNotifier({ write: (text) => written.push(text), color: false });
    const outbox = createMemoryOutbox();
    const message = sourceFailedMessage(sourceFailed());
    await outbox.enqueue([{ idempotencyKey: 'e1:console', target: CONSOLE, message, createdAt: START_AT }]);
    const deps = { notifiers: { console: notifier }, clock: fakeClock(), logger: recordingLogger() };

    const crashing = { ...outbox, markSent: () => Promise.reject(new Error('disk full')) };
    await expect(createDeliveryWorker({ ...deps, outbox: crashing }).runOnce()).rejects.toThrow('disk full');
    expect(await createDeliveryWorker({ ...deps, outbox }).runOnce()).toMatchObject({ sent: 1 });

    expect(written).toHaveLength(1);
    expect(await outbox.getDelivery(1)).toMatchObject({ status: 'sent', attempts: 2, platformMessageId: 'console-1' });
  });
});
