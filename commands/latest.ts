import { highestSignificance } from '../src/alerts/significance.ts';
import type { TermsChanged } from '../src/domain/events.ts';
import type { NewsItem } from '../src/domain/news.ts';
import type { EventRecord } from '../src/store/store.ts';
import type { Command, CommandContext } from './command.ts';
import { integerOption, listOption } from './options.ts';
import { recentEntries } from './recent-events.ts';
import { invalidReply, okReply } from './replies.ts';
import { resolveTopics, resolveVendors } from './vocabulary.ts';

type LatestEntry =
  | { readonly type: 'terms'; readonly at: string; readonly event: TermsChanged }
  | { readonly type: 'news'; readonly at: string; readonly item: NewsItem; readonly feed: string };

interface LatestFilter {
  readonly vendors: readonly string[];
  readonly topics: readonly string[];
}

/** `/latest [vendor] [topic] [count]`: the newest terms changes and news stories, newest first. */
export const latestCommand: Command = {
  name: 'latest',
  description: 'The latest terms changes and news, newest first',
  options: [
    { name: 'vendor', description: 'Only these vendors (comma-separated)', type: 'string', autocomplete: 'vendors' },
    { name: 'topic', description: 'Only these topics (comma-separated)', type: 'string', autocomplete: 'topics' },
    { name: 'count', description: 'How many (1–20)', type: 'integer', min: 1, max: 20, default: 5 },
  ],
  permission: 'everyone',
  async run(options, context) {
    const vendors = resolveVendors(listOption(options, 'vendor'), context);
    if (!vendors.ok) return invalidReply('Check the vendor', [vendors.message]);
    const topics = resolveTopics(listOption(options, 'topic'), context);
    if (!topics.ok) return invalidReply('Check the topic', [topics.message]);
    const filter: LatestFilter = { vendors: vendors.value, topics: topics.value };
    const count = integerOption(options, 'count') ?? 5;
    const entries = await recentEntries(context.events, context.clock.now(), count, (record) => pick(record, filter));
    if (entries.length === 0) return okReply('Latest', [nothingYet(filter)]);
    return okReply(
      `Latest (${entries.length})`,
      entries.map((entry) => describeEntry(entry, context)),
    );
  },
};

function pick(record: EventRecord, filter: LatestFilter): LatestEntry[] {
  const event = record.event;
  if (event.type === 'terms-change') {
    const topics = event.diff.changes.flatMap((change) => change.topics);
    return passes(filter.vendors, [event.vendor]) && passes(filter.topics, topics)
      ? [{ type: 'terms', at: event.at, event }]
      : [];
  }
  if (event.type !== 'news') return [];
  return event.items
    .filter((item) => passes(filter.vendors, item.vendors) && passes(filter.topics, item.topics))
    .map((item) => ({ type: 'news' as const, at: event.at, item, feed: event.title }));
}

function passes(wanted: readonly string[], values: readonly string[]): boolean {
  return wanted.length === 0 || values.some((value) => wanted.includes(value.toLowerCase()));
}

function describeEntry(entry: LatestEntry, context: CommandContext): string {
  const date = entry.at.slice(0, 10);
  if (entry.type === 'news') return `${date} · news · ${entry.item.title} (${entry.feed}) ${entry.item.url}`;
  const significance = highestSignificance(entry.event.diff.changes.map((change) => change.significance)) ?? 'low';
  const known = context.sources.some((source) => source.id === entry.event.source);
  const more = known ? ` — /diff document:${entry.event.source}` : '';
  return `${date} · terms · ${significance} · ${entry.event.diff.summary}${more}`;
}

function nothingYet(filter: LatestFilter): string {
  const about = [...filter.vendors, ...filter.topics];
  return about.length === 0
    ? 'Nothing recorded yet: no terms change or news story has been seen.'
    : `No terms change or news story about ${about.join(', ')} has been seen yet.`;
}
