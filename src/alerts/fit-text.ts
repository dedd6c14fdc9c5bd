import type { AlertClauseChange, AlertItem } from './message.ts';

const ELLIPSIS = '…';

/** A cut inside a word moves back to the previous space, unless that would lose more than this share. */
const WORD_BOUNDARY_REACH = 0.4;

/**
 * `text` cut to at most `max` characters (UTF-16 units, as JavaScript and the chat APIs count), at a word
 * boundary where one is near, ending in "…". Texts that fit are returned unchanged.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  const room = max - ELLIPSIS.length;
  let end = room;
  if (!isSpace(text.charCodeAt(room))) {
    // Walk back to the last space within reach; a 5,000-character word is cut where it must be.
    const stop = Math.max(0, Math.floor(room * (1 - WORD_BOUNDARY_REACH)));
    let at = room - 1;
    while (at > stop && !isSpace(text.charCodeAt(at))) at -= 1;
    if (at > stop) end = at;
  }
  let cut = text.slice(0, end).replace(/[\s,;:]+$/u, '');
  // Never leave half of a surrogate pair (an emoji) before the ellipsis.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}${ELLIPSIS}`;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0xa0;
}

/**
 * Shares `room` characters among texts of the given lengths fairly: texts shorter than an equal share keep
 * their whole length, the rest is split equally among the longer ones. The shares never add up to more
 * than `room`.
 */
export function shareRoom(lengths: readonly number[], room: number): number[] {
  const order = lengths.map((length, index) => ({ length, index })).sort((a, b) => a.length - b.length);
  const shares = lengths.map(() => 0);
  let left = Math.max(0, room);
  order.forEach(({ length, index }, position) => {
    const share = Math.min(length, Math.floor(left / (order.length - position)));
    shares[index] = share;
    left -= share;
  });
  return shares;
}

/** Characters a clause change shows: section, label, summary and both texts. */
export function clauseChangeLength(change: AlertClauseChange): number {
  return (
    change.section.length +
    (change.label?.length ?? 0) +
    change.summary.length +
    (change.before?.length ?? 0) +
    (change.after?.length ?? 0)
  );
}

/** Characters a list line shows: title, link, source, summary, vendor and topic names, group heading. */
export function itemLength(item: AlertItem): number {
  return (
    item.title.length +
    (item.url?.length ?? 0) +
    item.source.length +
    item.summary.length +
    joined(item.vendors).length +
    joined(item.topics).length +
    (item.group?.length ?? 0)
  );
}

/** The clause change cut to show at most `room` characters in all (see {@link clauseChangeLength}). */
export function fitClauseChange(change: AlertClauseChange, room: number): AlertClauseChange {
  if (clauseChangeLength(change) <= room) return change;
  const texts = [change.section, change.label ?? '', change.summary, change.before ?? '', change.after ?? ''];
  const [section = 0, label = 0, summary = 0, before = 0, after = 0] = shareRoom(
    texts.map((text) => text.length),
    room,
  );
  const cutLabel = change.label === null ? null : truncateText(change.label, label);
  return {
    ...change,
    section: truncateText(change.section, section),
    label: cutLabel === '' ? null : cutLabel,
    summary: truncateText(change.summary, summary),
    before: change.before === null ? null : truncateText(change.before, before),
    after: change.after === null ? null : truncateText(change.after, after),
  };
}

/**
 * The line cut to show at most `room` characters in all (see {@link itemLength}). A link that cannot be cut
 * is dropped when it would take more than half the room; vendor and topic lists lose their last names.
 */
export function fitItem(item: AlertItem, room: number): AlertItem {
  if (itemLength(item) <= room) return item;
  const url = item.url !== null && item.url.length <= room / 2 ? item.url : null;
  const texts = [item.title, item.source, item.summary, item.group ?? '', joined(item.vendors), joined(item.topics)];
  const [title = 0, source = 0, summary = 0, group = 0, vendors = 0, topics = 0] = shareRoom(
    texts.map((text) => text.length),
    room - (url?.length ?? 0),
  );
  return {
    ...item,
    title: truncateText(item.title, title),
    url,
    source: truncateText(item.source, source),
    summary: truncateText(item.summary, summary),
    group: item.group === null ? null : truncateText(item.group, group),
    vendors: keepWithin(item.vendors, vendors),
    topics: keepWithin(item.topics, topics),
  };
}

function joined(names: readonly string[]): string {
  return names.join(', ');
}

/** The longest prefix of `names` whose joined form fits in `room`. */
function keepWithin(names: readonly string[], room: number): readonly string[] {
  let count = names.length;
  while (count > 0 && joined(names.slice(0, count)).length > room) count -= 1;
  return count === names.length ? names : names.slice(0, count);
}
