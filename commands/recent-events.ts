/**
 * The newest matching entries of the event log. The log answers oldest first within a window, so the newest
 * are found by looking back over growing windows (a day, a week, a month, a year, everything) until one holds
 * enough matches; each window is read page by page.
 */
import type { EventLog } from '../src/store/alert-store.ts';
import type { EventRecord } from '../src/store/store.ts';

const DAY_MS = 86_400_000;
/** Windows looked back over, in days; null is the whole log. */
const WINDOWS: readonly (number | null)[] = [1, 7, 30, 365, null];
const PAGE_SIZE = 500;
/** Bounds the work of one command: a window needing more pages counts as incomplete. */
const MAX_PAGES = 40;

/**
 * The newest `want` entries that `pick` makes of the events up to `until`, newest first. `pick` returns the
 * entries one event stands for (none when it does not match; several for a news event's stories).
 */
export async function recentEntries<TEntry>(
  log: EventLog,
  until: Date,
  want: number,
  pick: (record: EventRecord) => readonly TEntry[],
): Promise<TEntry[]> {
  let best: TEntry[][] = [];
  for (const days of WINDOWS) {
    const since = days === null ? null : new Date(until.getTime() - days * DAY_MS).toISOString();
    const window = await readWindow(log, since, until.toISOString(), pick);
    // A window cut short holds its oldest entries, not its newest: the smaller complete window is better.
    if (!window.complete) break;
    best = window.groups;
    if (best.reduce((count, group) => count + group.length, 0) >= want) break;
  }
  // Newest event first; the entries of one event (a feed's stories) keep the feed's order.
  return best.reverse().flat().slice(0, want);
}

async function readWindow<TEntry>(
  log: EventLog,
  since: string | null,
  until: string,
  pick: (record: EventRecord) => readonly TEntry[],
): Promise<{ groups: TEntry[][]; complete: boolean }> {
  const groups: TEntry[][] = [];
  const seen = new Set<number>();
  let cursor = since;
  for (let page = 0; page < MAX_PAGES; page++) {
    const records = await log.listEventsBetween(cursor, until, PAGE_SIZE);
    let fresh = 0;
    for (const record of records) {
      if (seen.has(record.id)) continue;
      seen.add(record.id);
      fresh++;
      const entries = pick(record);
      if (entries.length > 0) groups.push([...entries]);
    }
    const last = records.at(-1);
    if (records.length < PAGE_SIZE || last === undefined || fresh === 0) return { groups, complete: true };
    // Events sharing the last one's time may continue on the next page: step back a millisecond, skip the seen.
    cursor = new Date(Date.parse(last.event.at) - 1).toISOString();
  }
  return { groups, complete: false };
}
