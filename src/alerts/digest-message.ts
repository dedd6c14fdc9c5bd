import type { TermsChanged } from '../domain/events.ts';
import type { NewsItem } from '../domain/news.ts';
import type { Target } from '../domain/subscription.ts';
import type { ClauseChange } from '../domain/terms-diff.ts';
import { vendorDisplayName } from '../sources/catalog/vendors.ts';
import { alertColor } from './colors.ts';
import { documentName, formatUtc, toAlertItem } from './event-messages.ts';
import type { AlertField, AlertItem, AlertMessage } from './message.ts';
import { bySignificance, countBySignificance, highestSignificance, significanceRank } from './significance.ts';

/** One matched event gathered for a digest: a terms change (with the changes that matched) or one news story. */
export type DigestEntry =
  | {
      readonly type: 'terms-change';
      readonly event: TermsChanged;
      /**
       * The changes that matched, e.g. `relevantChanges(event, subscription)`.
       * @defaultValue every change of the diff
       */
      readonly changes?: readonly ClauseChange[] | undefined;
    }
  | { readonly type: 'news'; readonly item: NewsItem };

/** What a digest covers. */
export interface DigestOptions {
  /** Where the digest goes; a user's direct messages get "Your digest". */
  readonly target: Target;
  /** ISO-8601 start of the period (when the previous digest went out), or null for the first digest. */
  readonly since: string | null;
  /** ISO-8601 end of the period; also the message's timestamp. */
  readonly until: string;
}

interface Group {
  readonly vendor: string | null;
  readonly heading: string;
  readonly terms: AlertItem[];
  readonly news: AlertItem[];
}

/** Heading of stories that name no vendor; listed last. */
const OTHER_HEADING = 'Other news';

/**
 * One message for everything a target matched in a period, or null when nothing did (an empty digest is not
 * sent). Lines are grouped by vendor (a story under the first vendor it names); in each group terms changes
 * come first, most significant first, then news in the order given. Groups with the most significant terms
 * change come first, then by name. The same terms change or story gathered twice is listed once.
 */
export function digestMessage(entries: readonly DigestEntry[], options: DigestOptions): AlertMessage | null {
  const unique = withoutDuplicates(entries);
  if (unique.length === 0) return null;
  const groups = sortGroups(groupByVendor(unique));
  const items = groups.flatMap((group) => [...bySignificance(group.terms), ...group.news]);
  const terms = items.filter((item) => item.significance !== null);
  const significance = highestSignificance(terms.map((item) => item.significance));
  const vendor = groups.length === 1 ? (groups[0]?.vendor ?? null) : null;
  return {
    kind: 'digest',
    headline: `${options.target.channelId === null ? 'Your digest' : 'Digest'}: ${contents(unique)}`,
    significance,
    vendor,
    color: alertColor(vendor, significance),
    url: null,
    fields: digestFields(options, terms),
    clauseChanges: [],
    items,
    moreChanges: null,
    moreItems: null,
    links: [],
    buttons: [],
    mention: null,
    footer: 'clausewatch digest',
    timestamp: options.until,
  };
}

function withoutDuplicates(entries: readonly DigestEntry[]): DigestEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key =
      entry.type === 'news'
        ? `news\u0000${entry.item.source}\u0000${entry.item.key}`
        : `terms\u0000${entry.event.source}\u0000${entry.event.toVersion}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function groupByVendor(entries: readonly DigestEntry[]): Group[] {
  const groups = new Map<string, Group>();
  for (const entry of entries) {
    const vendor = entry.type === 'news' ? (entry.item.vendors[0] ?? null) : entry.event.vendor;
    const heading = vendor === null ? OTHER_HEADING : vendorDisplayName(vendor);
    let group = groups.get(vendor ?? '');
    if (group === undefined) {
      group = { vendor, heading, terms: [], news: [] };
      groups.set(vendor ?? '', group);
    }
    if (entry.type === 'news') group.news.push(toAlertItem(entry.item, heading));
    else group.terms.push(termsLine(entry.event, entry.changes ?? entry.event.diff.changes, heading));
  }
  return [...groups.values()];
}

function sortGroups(groups: readonly Group[]): Group[] {
  const rank = (group: Group): number => Math.max(0, ...group.terms.map((line) => significanceRank(line.significance)));
  return [...groups].sort(
    (a, b) =>
      rank(b) - rank(a) ||
      Number(a.vendor === null) - Number(b.vendor === null) ||
      a.heading.localeCompare(b.heading, 'en'),
  );
}

/** A terms change as one digest line: its headline, and the summaries of its most significant changes. */
function termsLine(event: TermsChanged, changes: readonly ClauseChange[], group: string): AlertItem {
  const sorted = bySignificance(changes);
  return {
    title: event.diff.summary.trim() === '' ? `${documentName(event)} changed` : event.diff.summary,
    url: event.url,
    source: event.source,
    summary: sorted
      .slice(0, 3)
      .map((change) => change.summary)
      .join('; '),
    vendors: [event.vendor],
    topics: [...new Set(sorted.flatMap((change) => change.topics))],
    significance: highestSignificance(sorted.map((change) => change.significance)) ?? 'low',
    group,
  };
}

function digestFields(options: DigestOptions, terms: readonly AlertItem[]): AlertField[] {
  const until = formatUtc(options.until);
  const fields: AlertField[] = [
    { name: 'Period', value: options.since === null ? `until ${until}` : `${formatUtc(options.since)} → ${until}` },
  ];
  if (terms.length > 0) {
    const levels = terms.flatMap((item) => (item.significance === null ? [] : [item.significance]));
    fields.push({ name: 'Terms changes', value: `${terms.length} (${countBySignificance(levels)})` });
  }
  return fields;
}

/** "2 terms changes and 1 news story". */
function contents(entries: readonly DigestEntry[]): string {
  const terms = entries.filter((entry) => entry.type === 'terms-change').length;
  const news = entries.length - terms;
  const parts = [
    terms === 0 ? '' : terms === 1 ? '1 terms change' : `${terms} terms changes`,
    news === 0 ? '' : news === 1 ? '1 news story' : `${news} news stories`,
  ].filter((part) => part !== '');
  return parts.join(' and ');
}
