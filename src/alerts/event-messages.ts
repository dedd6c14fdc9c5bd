import type { NewsPublished, SourceFailed, TermsChanged } from '../domain/events.ts';
import type { NewsItem } from '../domain/news.ts';
import type { ClauseChange } from '../domain/terms-diff.ts';
import { vendorDisplayName } from '../sources/catalog/vendors.ts';
import { alertColor, ERROR_COLOR } from './colors.ts';
import type { AlertButton, AlertClauseChange, AlertField, AlertItem, AlertMessage } from './message.ts';
import { bySignificance, countBySignificance, highestSignificance } from './significance.ts';

/** Options every event builder takes. */
export interface MessageOptions {
  /** Adds an "Unsubscribe" button (`unsubscribe:<id>`) for the subscription the alert is delivered for. */
  readonly subscriptionId?: number | undefined;
}

/** Options of {@link termsChangeMessage}. */
export interface TermsMessageOptions extends MessageOptions {
  /** Mention put before the alert when the changes shown include a high-significance one; else ignored. */
  readonly mention?: string | null | undefined;
  /**
   * The changes to show, e.g. `relevantChanges(event, subscription)`.
   * @defaultValue every change of the diff
   */
  readonly changes?: readonly ClauseChange[] | undefined;
}

/** Options of {@link newsMessage}. */
export interface NewsMessageOptions extends MessageOptions {
  /**
   * The stories to show, e.g. `matchNewsItems(event, subscription)`.
   * @defaultValue every item of the event
   */
  readonly items?: readonly NewsItem[] | undefined;
}

/**
 * The alert for a changed terms document: its clause changes most significant first, a "Full diff" button
 * (`diff:<source>:<toVersion>`) and, for high-significance changes, the subscription's mention.
 */
export function termsChangeMessage(event: TermsChanged, options: TermsMessageOptions = {}): AlertMessage {
  const shown = bySignificance(options.changes ?? event.diff.changes);
  const significance = highestSignificance(shown.map((change) => change.significance));
  const buttons: AlertButton[] = [{ id: `diff:${event.source}:${event.toVersion}`, label: 'Full diff' }];
  return {
    kind: 'terms-change',
    headline: event.diff.summary.trim() === '' ? `${documentName(event)} changed` : event.diff.summary,
    significance,
    vendor: event.vendor,
    color: alertColor(event.vendor, significance),
    url: event.url,
    fields: termsFields(event, shown),
    clauseChanges: shown.map(toAlertClauseChange),
    items: [],
    moreChanges: null,
    moreItems: null,
    links: [{ label: 'Current version', url: event.url }],
    buttons: [...buttons, ...unsubscribeButton(options)],
    mention: significance === 'high' ? (options.mention ?? null) : null,
    footer: `clausewatch · ${event.source}`,
    timestamp: event.at,
  };
}

/** The alert for new stories from one feed: one story as the headline, several as a list. */
export function newsMessage(event: NewsPublished, options: NewsMessageOptions = {}): AlertMessage {
  const items = options.items ?? event.items;
  const single = items.length === 1 ? items[0] : undefined;
  const vendors = new Set(items.flatMap((item) => item.vendors));
  const vendor = vendors.size === 1 ? ([...vendors][0] ?? null) : null;
  return {
    kind: 'news',
    headline: single === undefined ? `${storyCount(items.length)} from ${event.title}` : single.title,
    significance: null,
    vendor,
    color: alertColor(vendor, null),
    url: single === undefined ? event.url : single.url,
    fields: single === undefined ? [{ name: 'Source', value: event.title }] : storyFields(event, single),
    clauseChanges: [],
    items: items.map((item) => toAlertItem(item, null)),
    moreChanges: null,
    moreItems: null,
    links: single === undefined ? [] : [{ label: 'Read the story', url: single.url }],
    buttons: unsubscribeButton(options),
    mention: null,
    footer: `clausewatch · ${event.source}`,
    timestamp: event.at,
  };
}

/** The alert for admins that a source could not be checked, or has failed often enough to count as failing. */
export function sourceFailedMessage(event: SourceFailed): AlertMessage {
  const name = documentName(event);
  return {
    kind: 'source-error',
    headline: event.failing
      ? `${name} is failing: ${event.consecutiveFailures} checks in a row went wrong`
      : `${name} could not be checked`,
    significance: null,
    vendor: event.vendor,
    color: ERROR_COLOR,
    url: event.url,
    fields: [
      { name: 'Source', value: event.source },
      { name: 'Error', value: event.message },
      { name: 'Code', value: event.code },
      { name: 'Failures in a row', value: String(event.consecutiveFailures) },
    ],
    clauseChanges: [],
    items: [],
    moreChanges: null,
    moreItems: null,
    links: [{ label: 'Source page', url: event.url }],
    buttons: [],
    mention: null,
    footer: 'clausewatch · source health',
    timestamp: event.at,
  };
}

/** One news story as a list line; `group` is the digest heading it goes under. */
export function toAlertItem(item: NewsItem, group: string | null): AlertItem {
  return {
    title: item.title,
    url: item.url,
    source: item.source,
    summary: item.summary,
    vendors: item.vendors,
    topics: item.topics,
    significance: null,
    group,
  };
}

/** "Anthropic Commercial Terms"; a title that already names the vendor ("OpenAI News") is kept as it is. */
export function documentName(event: { readonly vendor: string; readonly title: string }): string {
  const vendor = vendorDisplayName(event.vendor);
  return event.title.toLowerCase().startsWith(vendor.toLowerCase()) ? event.title : `${vendor} ${event.title}`;
}

/** "2025-04-02 08:00 UTC"; a string that is not a date is returned as it is. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function termsFields(event: TermsChanged, shown: readonly ClauseChange[]): AlertField[] {
  const total = event.diff.changes.length;
  const counts = countBySignificance(shown.map((change) => change.significance));
  const fields: AlertField[] = [
    { name: 'Vendor', value: vendorDisplayName(event.vendor) },
    { name: 'Document', value: event.title },
    {
      name: 'Changes',
      value: shown.length === total ? `${total} (${counts})` : `${shown.length} of ${total} (${counts})`,
    },
  ];
  const dates = event.diff.effectiveDate;
  if (dates !== null && (dates.before !== null || dates.after !== null)) {
    const value =
      dates.before === dates.after ? (dates.after ?? '') : `${dates.before ?? 'none'} → ${dates.after ?? 'none'}`;
    fields.push({ name: 'Effective date', value });
  }
  const topics = [...new Set(shown.flatMap((change) => change.topics))];
  if (topics.length > 0) fields.push({ name: 'Topics', value: topics.join(', ') });
  return fields;
}

function storyFields(event: NewsPublished, item: NewsItem): AlertField[] {
  const fields: AlertField[] = [{ name: 'Source', value: event.title }];
  if (item.published !== null) fields.push({ name: 'Published', value: formatUtc(item.published) });
  if (item.vendors.length > 0) fields.push({ name: 'Vendors', value: item.vendors.map(vendorDisplayName).join(', ') });
  if (item.topics.length > 0) fields.push({ name: 'Topics', value: item.topics.join(', ') });
  if (item.alsoReportedBy.length > 0) fields.push({ name: 'Also reported by', value: item.alsoReportedBy.join(', ') });
  return fields;
}

function toAlertClauseChange(change: ClauseChange): AlertClauseChange {
  const { kind, section, label, significance, summary, before, after } = change;
  return { kind, section, label, significance, summary, before, after };
}

function unsubscribeButton(options: MessageOptions): AlertButton[] {
  return options.subscriptionId === undefined
    ? []
    : [{ id: `unsubscribe:${options.subscriptionId}`, label: 'Unsubscribe' }];
}

function storyCount(count: number): string {
  return count === 1 ? '1 new story' : `${count} new stories`;
}
