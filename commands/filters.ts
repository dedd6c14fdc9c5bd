/**
 * Subscription filters from `/subscribe`'s options, each checked against what clausewatch knows, and the
 * one-line description every reply and listing uses for them.
 */
import type { ParseResult } from '../src/alerts/digest.ts';
import type { Subscription, SubscriptionFilters } from '../src/domain/subscription.ts';
import type { Significance } from '../src/domain/terms-diff.ts';
import type { CommandContext, OptionValues } from './command.ts';
import { listOption, stringOption } from './options.ts';
import { resolveSources, resolveTopics, resolveVendors } from './vocabulary.ts';

/** Longest keyword or phrase a filter takes; longer ones are pasted text, not a keyword. */
export const MAX_KEYWORD_LENGTH = 100;

const KINDS: readonly SubscriptionFilters['kind'][] = ['terms', 'news', 'both'];
const LEVELS: readonly Significance[] = ['high', 'medium', 'low'];

/** The filters the options ask for; an unknown vendor, topic or source is a message with a suggestion. */
export function filtersFrom(options: OptionValues, context: CommandContext): ParseResult<SubscriptionFilters> {
  const vendors = resolveVendors(listOption(options, 'vendor'), context);
  if (!vendors.ok) return vendors;
  const topics = resolveTopics(listOption(options, 'topic'), context);
  if (!topics.ok) return topics;
  const sources = resolveSources(listOption(options, 'source'), context);
  if (!sources.ok) return sources;
  const keywords = listOption(options, 'keyword');
  const long = keywords.find((keyword) => keyword.length > MAX_KEYWORD_LENGTH);
  if (long !== undefined) {
    return {
      ok: false,
      message: `Keyword "${long.slice(0, 30)}…" is too long; use a word or short phrase of at most ${MAX_KEYWORD_LENGTH} characters.`,
    };
  }
  const value: SubscriptionFilters = {
    vendors: vendors.value,
    topics: topics.value,
    keywords,
    sources: sources.value,
    minSignificance: pick(LEVELS, stringOption(options, 'min-significance'), 'low'),
    kind: pick(KINDS, stringOption(options, 'kind'), 'both'),
  };
  return { ok: true, value };
}

/** "terms changes (medium and up) and news · vendors openai, anthropic · keyword "training"". */
export function describeFilters(filters: SubscriptionFilters): string {
  const parts = [describeKind(filters)];
  if (filters.vendors.length > 0) parts.push(`${label('vendor', filters.vendors)} ${filters.vendors.join(', ')}`);
  if (filters.topics.length > 0) parts.push(`${label('topic', filters.topics)} ${filters.topics.join(', ')}`);
  if (filters.sources.length > 0) parts.push(`${label('source', filters.sources)} ${filters.sources.join(', ')}`);
  if (filters.keywords.length > 0) {
    parts.push(`${label('keyword', filters.keywords)} ${filters.keywords.map((word) => `"${word}"`).join(', ')}`);
  }
  return parts.join(' · ');
}

/** "#12 — terms changes and news · vendor openai", with the mention and a paused note when there are. */
export function describeSubscription(subscription: Subscription): string {
  const mention = subscription.mention === null ? '' : ` · mentions ${subscription.mention} on high significance`;
  const paused = subscription.paused ? ' · paused (delivery failed)' : '';
  return `#${subscription.id} — ${describeFilters(subscription.filters)}${mention}${paused}`;
}

/** Whether two filter sets let the same things through (lists compared as sets, case-insensitively). */
export function sameFilters(a: SubscriptionFilters, b: SubscriptionFilters): boolean {
  return (
    a.kind === b.kind &&
    a.minSignificance === b.minSignificance &&
    sameSet(a.vendors, b.vendors) &&
    sameSet(a.topics, b.topics) &&
    sameSet(a.keywords, b.keywords) &&
    sameSet(a.sources, b.sources)
  );
}

function describeKind(filters: SubscriptionFilters): string {
  const terms =
    filters.minSignificance === 'low'
      ? 'terms changes'
      : `terms changes (${filters.minSignificance}${filters.minSignificance === 'high' ? ' only' : ' and up'})`;
  if (filters.kind === 'terms') return terms;
  if (filters.kind === 'news') return 'news';
  return `${terms} and news`;
}

function label(word: string, values: readonly string[]): string {
  return values.length === 1 ? word : `${word}s`;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map((value) => value.toLowerCase()));
  const right = new Set(b.map((value) => value.toLowerCase()));
  return left.size === right.size && [...left].every((value) => right.has(value));
}

function pick<TValue extends string>(allowed: readonly TValue[], value: string | undefined, fallback: TValue): TValue {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}
