/** Builders of events, stories and subscriptions for the alerts tests: defaults plus the fields a test cares about. */
import type { NewsPublished, SourceFailed, TermsChanged } from '../domain/events.ts';
import type { NewsItem } from '../domain/news.ts';
import type { Subscription, SubscriptionFilters, Target } from '../domain/subscription.ts';
import type { ClauseChange, TermsDiff } from '../domain/terms-diff.ts';

export const AT = '2025-04-02T08:15:00.000Z';
export const TO_VERSION = 'b'.repeat(64);

export function clauseChange(fields: Partial<ClauseChange> = {}): ClauseChange {
  return {
    kind: 'modified',
    section: 'Terms › 3. Your Content',
    label: '3.1',
    before: 'We do not train on your Inputs.',
    after: 'We may train on your Inputs.',
    significance: 'high',
    topics: ['training-data'],
    summary: 'Training on Inputs now allowed',
    ...fields,
  };
}

export function termsChanged(changes: readonly ClauseChange[], fields: Partial<TermsChanged> = {}): TermsChanged {
  const diff: TermsDiff = {
    changes,
    effectiveDate: { before: '2025-03-01', after: '2025-04-02' },
    summary: 'Anthropic Commercial Terms (effective 2025-04-02): 1 high — Training on Inputs now allowed',
  };
  return {
    type: 'terms-change',
    source: 'anthropic/commercial-terms',
    vendor: 'anthropic',
    title: 'Commercial Terms',
    url: 'https://www.anthropic.com/legal/commercial-terms',
    at: AT,
    fromVersion: 'a'.repeat(64),
    toVersion: TO_VERSION,
    diff,
    ...fields,
  };
}

export function newsItem(fields: Partial<NewsItem> = {}): NewsItem {
  return {
    source: 'techcrunch/ai',
    key: 'https://techcrunch.com/2025/04/02/openai-pricing',
    title: 'OpenAI changes API pricing',
    url: 'https://techcrunch.com/2025/04/02/openai-pricing',
    published: '2025-04-02T07:00:00.000Z',
    summary: 'OpenAI raised prices for its flagship model.',
    vendors: ['openai'],
    topics: ['pricing'],
    language: 'en',
    alsoReportedBy: [],
    ...fields,
  };
}

export function newsPublished(items: readonly NewsItem[], fields: Partial<NewsPublished> = {}): NewsPublished {
  return {
    type: 'news',
    source: 'techcrunch/ai',
    vendor: 'techcrunch',
    title: 'TechCrunch AI',
    url: 'https://techcrunch.com/category/artificial-intelligence/feed/',
    at: AT,
    items,
    ...fields,
  };
}

export function sourceFailed(fields: Partial<SourceFailed> = {}): SourceFailed {
  return {
    type: 'source-error',
    source: 'openai/terms-of-use',
    vendor: 'openai',
    title: 'Terms of Use',
    url: 'https://openai.com/policies/terms-of-use',
    at: AT,
    code: 'http_status',
    message: 'fetch failed: HTTP 503 for openai/terms-of-use (https://openai.com/policies/terms-of-use)',
    consecutiveFailures: 5,
    failing: true,
    ...fields,
  };
}

export const CHANNEL: Target = { platform: 'discord', workspaceId: 'guild-1', channelId: 'channel-1', userId: null };
export const DM: Target = { platform: 'discord', workspaceId: 'guild-1', channelId: null, userId: 'user-1' };

export function subscription(
  filters: Partial<SubscriptionFilters> = {},
  fields: Partial<Subscription> = {},
): Subscription {
  return {
    id: 7,
    target: CHANNEL,
    filters: { vendors: [], topics: [], keywords: [], sources: [], minSignificance: 'low', kind: 'both', ...filters },
    mention: null,
    createdBy: 'user-1',
    createdAt: '2025-01-01T00:00:00.000Z',
    paused: false,
    ...fields,
  };
}
