/**
 * Which subscriptions an event concerns. Filters combine with AND; inside one filter the listed values
 * combine with OR, and an empty list lets everything through. Baselines and source errors never match: they
 * are not news to subscribers (source errors go to the admins' alerts channel instead).
 */
import type { NewsPublished, TermsChanged, TrackerEvent } from '../domain/events.ts';
import type { NewsItem } from '../domain/news.ts';
import type { Subscription, SubscriptionFilters } from '../domain/subscription.ts';
import type { ClauseChange } from '../domain/terms-diff.ts';
import { compileKeywords, containsKeyword, foldText, type FoldedText, type KeywordPattern } from './keyword.ts';
import { atLeast } from './significance.ts';

/** Whether the subscription wants to hear about the event. */
export function matchesSubscription(event: TrackerEvent, subscription: Subscription): boolean {
  switch (event.type) {
    case 'terms-change':
      return relevantChanges(event, subscription).length > 0;
    case 'news':
      return matchNewsItems(event, subscription).length > 0;
    case 'baseline':
    case 'source-error':
      return false;
  }
}

/** The subscriptions that want to hear about the event, in the order given. */
export function matchingSubscriptions(event: TrackerEvent, subscriptions: readonly Subscription[]): Subscription[] {
  return subscriptions.filter((subscription) => matchesSubscription(event, subscription));
}

/**
 * The clause changes of a terms change that pass the subscription's filters: vendor and source (of the
 * document), significance at or above the minimum, any of the topics, any of the keywords. A keyword counts
 * in a change's summary, section or texts; when no change contains one but the headline or the document's
 * title does ("privacy" for the Privacy Policy), every change that passes the other filters is relevant.
 */
export function relevantChanges(event: TermsChanged, subscription: Subscription): ClauseChange[] {
  const filters = subscription.filters;
  if (subscription.paused || filters.kind === 'news') return [];
  if (!listed(filters.vendors, event.vendor) || !listed(filters.sources, event.source)) return [];
  const passing = event.diff.changes.filter(
    (change) => atLeast(change.significance, filters.minSignificance) && overlaps(filters.topics, change.topics),
  );
  const keywords = compileKeywords(filters.keywords);
  if (keywords.length === 0) return passing;
  const withKeyword = passing.filter((change) => containsKeyword(keywords, changeTexts(change)));
  if (withKeyword.length > 0) return withKeyword;
  return containsKeyword(
    keywords,
    foldedOnce(event, () => [event.diff.summary, event.title]),
  )
    ? passing
    : [];
}

/**
 * The stories of a news event that pass the subscription's filters: any of the vendors and any of the
 * topics the story is tagged with, any of the keywords in its title or summary, any of the sources that
 * carried it. The minimum significance does not apply: news is not rated.
 */
export function matchNewsItems(event: NewsPublished, subscription: Subscription): NewsItem[] {
  const filters = subscription.filters;
  if (subscription.paused || filters.kind === 'terms') return [];
  const keywords = compileKeywords(filters.keywords);
  return event.items.filter((item) => itemPasses(event, item, filters, keywords));
}

function itemPasses(
  event: NewsPublished,
  item: NewsItem,
  filters: SubscriptionFilters,
  keywords: readonly KeywordPattern[],
): boolean {
  return (
    overlaps(filters.sources, [item.source, event.source, ...item.alsoReportedBy]) &&
    overlaps(filters.vendors, item.vendors) &&
    overlaps(filters.topics, item.topics) &&
    (keywords.length === 0 ||
      containsKeyword(
        keywords,
        foldedOnce(item, () => [item.title, item.summary]),
      ))
  );
}

/** Slugs and ids compare case-insensitively: `OpenAI` in a command means `openai`. */
function listed(allowed: readonly string[], value: string): boolean {
  return overlaps(allowed, [value]);
}

function overlaps(allowed: readonly string[], values: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const wanted = new Set(allowed.map((entry) => entry.toLowerCase()));
  return values.some((value) => wanted.has(value.toLowerCase()));
}

function changeTexts(change: ClauseChange): readonly FoldedText[] {
  return foldedOnce(change, () => [change.summary, change.section, change.before ?? '', change.after ?? '']);
}

/**
 * Folded texts per event, change or story, kept while the object lives: one event is matched against every
 * subscription, and a 5,000-character clause should be folded once, not once per subscription.
 */
const foldedCache = new WeakMap<object, readonly FoldedText[]>();

function foldedOnce(owner: object, texts: () => readonly string[]): readonly FoldedText[] {
  let folded = foldedCache.get(owner);
  if (folded === undefined) {
    folded = texts().map(foldText);
    foldedCache.set(owner, folded);
  }
  return folded;
}
