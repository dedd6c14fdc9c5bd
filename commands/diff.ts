import { termsChangeMessage } from '../src/alerts/message.ts';
import { bySignificance, countBySignificance } from '../src/alerts/significance.ts';
import { diffTerms } from '../src/diff/index.ts';
import type { TermsChanged } from '../src/domain/events.ts';
import type { SourceDeclaration } from '../src/domain/source.ts';
import type { ClauseChange } from '../src/domain/terms-diff.ts';
import { vendorDisplayName } from '../src/sources/catalog/vendors.ts';
import type { VersionEntry, VersionRecord } from '../src/store/store.ts';
import type { Command, CommandContext, CommandReply } from './command.ts';
import { stringOption } from './options.ts';
import { invalidReply, okReply } from './replies.ts';
import { resolveDocument } from './vocabulary.ts';

/** Clause changes listed in the reply; the rest are counted ("…and 12 more: 3 medium, 9 low"). */
export const MAX_LISTED_CHANGES = 10;
/** History entries read: years of weekly changes. */
const HISTORY_LIMIT = 1000;

/** Two versions to compare, oldest first. */
interface VersionPair {
  readonly from: VersionEntry;
  readonly to: VersionEntry;
  /** Said before the diff, e.g. that `since` predates the first recorded version. */
  readonly note: string | null;
}

/** A version prefix shorter than this matches too much to mean one version. */
export const MIN_VERSION_PREFIX = 6;

/** `/diff document [since | version]`: the clause changes since a date, of one version, or of the latest change. */
export const diffCommand: Command = {
  name: 'diff',
  description: 'The clause changes of a terms document since a date or its previous version',
  options: [
    {
      name: 'document',
      description: 'Document id, e.g. openai/terms-of-use',
      type: 'string',
      required: true,
      autocomplete: 'documents',
    },
    {
      name: 'since',
      description: 'Date to compare with, e.g. 2026-01-31 (default: the previous version)',
      type: 'string',
    },
    {
      name: 'version',
      description: 'A version id (or its first characters): the change that produced that version',
      type: 'string',
    },
  ],
  permission: 'everyone',
  async run(options, context) {
    const document = resolveDocument(stringOption(options, 'document') ?? '', context);
    if (!document.ok) return invalidReply('Check the document', [document.message]);
    const sinceText = stringOption(options, 'since');
    const version = stringOption(options, 'version')?.trim().toLowerCase();
    if (sinceText !== undefined && version !== undefined) {
      return invalidReply('Pick one', ['Give either since (a date) or version, not both.']);
    }
    if (version !== undefined && !new RegExp(`^[0-9a-f]{${MIN_VERSION_PREFIX},}$`, 'u').test(version)) {
      return invalidReply('Check the version', [
        `version:${version} is not a version id; give at least ${MIN_VERSION_PREFIX} of its hex characters, as alerts and /terms show them.`,
      ]);
    }
    const since = sinceText === undefined ? undefined : parseSince(sinceText, context.clock.now());
    if (typeof since === 'string') return invalidReply('Check the date', [since]);
    const history = await context.store.listVersionEntries(document.value.id, HISTORY_LIMIT);
    const pair =
      version !== undefined
        ? changeTo(history, version)
        : since === undefined
          ? latestChange(history)
          : sinceDate(history, since);
    if (typeof pair === 'string') return okReply(`Diff: ${document.value.title}`, [pair]);
    return diffReply(document.value, pair, context);
  },
};

/** The date as an ISO instant; a plain date is its start in UTC. A message when it is not a past date. */
function parseSince(text: string, now: Date): Date | string {
  const plainDate = /^\d{4}-\d{2}-\d{2}$/u.test(text);
  const time = Date.parse(plainDate ? `${text}T00:00:00Z` : text);
  // Date.parse rolls 2026-02-30 over into March; a date that does not survive the round trip is not a date.
  const dayStart = Date.parse(`${text.slice(0, 10)}T00:00:00Z`);
  const rolledOver = Number.isNaN(dayStart) || new Date(dayStart).toISOString().slice(0, 10) !== text.slice(0, 10);
  if (Number.isNaN(time) || rolledOver || !/^\d{4}-\d{2}-\d{2}/u.test(text)) {
    return `since:${text} is not a date; use YYYY-MM-DD, e.g. 2026-01-31 (or an ISO time such as 2026-01-31T12:00Z).`;
  }
  if (time > now.getTime()) return `since:${text} is in the future; give a past date.`;
  return new Date(time);
}

function latestChange(history: readonly VersionEntry[]): VersionPair | string {
  const index = history.findIndex((entry) => entry.kind === 'change');
  const to = history[index];
  const from = history[index + 1];
  if (to === undefined || from === undefined) return unchangedMessage(history);
  return { from, to, note: null };
}

/** The change that produced the newest entry of `prefix` (a version can come back after a revert). */
function changeTo(history: readonly VersionEntry[], prefix: string): VersionPair | string {
  const index = history.findIndex((entry) => entry.versionId.startsWith(prefix));
  const to = history[index];
  if (to === undefined)
    return `No version ${prefix} is recorded for this document; /diff without version shows the latest change.`;
  const from = history[index + 1];
  if (from === undefined)
    return `Version ${prefix} is the first one recorded (${day(to.recordedAt)}): nothing before it to compare.`;
  return { from, to, note: null };
}

function sinceDate(history: readonly VersionEntry[], since: Date): VersionPair | string {
  const to = history[0];
  const oldest = history.at(-1);
  if (to === undefined || oldest === undefined) return unchangedMessage(history);
  const atSince = history.find((entry) => Date.parse(entry.recordedAt) <= since.getTime());
  const from = atSince ?? oldest;
  if (from.versionId === to.versionId) return `No change since ${day(since.toISOString())}.`;
  const note =
    atSince === undefined
      ? `Watching began ${day(oldest.recordedAt)}, after that date; comparing with the first version.`
      : null;
  return { from, to, note };
}

function unchangedMessage(history: readonly VersionEntry[]): string {
  const first = history.at(-1);
  return first === undefined
    ? 'No version is recorded yet; the document has not been checked successfully.'
    : `Only one version so far (recorded ${day(first.recordedAt)}): nothing to compare yet.`;
}

async function diffReply(
  document: SourceDeclaration,
  pair: VersionPair,
  context: CommandContext,
): Promise<CommandReply> {
  const [before, after] = await Promise.all([loadVersion(pair.from, context), loadVersion(pair.to, context)]);
  const diff = diffTerms(before.text, after.text, {
    vendor: vendorDisplayName(document.vendor),
    title: document.title,
    rules: context.rules,
  });
  const title = `Diff: ${vendorDisplayName(document.vendor)} ${document.title}`;
  const span = `From ${describeEntry(pair.from)} to ${describeEntry(pair.to)}.`;
  const intro = pair.note === null ? [span] : [pair.note, span];
  if (diff.changes.length === 0) return okReply(title, [...intro, 'Only formatting differs; no clause changed.']);
  const top = bySignificance(diff.changes).slice(0, MAX_LISTED_CHANGES);
  const event: TermsChanged = {
    type: 'terms-change',
    source: document.id,
    vendor: document.vendor,
    title: document.title,
    url: document.url,
    at: pair.to.recordedAt,
    fromVersion: pair.from.versionId,
    toVersion: pair.to.versionId,
    diff,
  };
  const lines = [diff.summary, ...intro, ...top.map(describeChange), ...moreLine(diff.changes, top.length)];
  return okReply(title, lines, { message: termsChangeMessage(event, { changes: top }) });
}

async function loadVersion(entry: VersionEntry, context: CommandContext): Promise<VersionRecord> {
  const version = await context.store.getVersion(entry.versionId);
  // The history names it, so a missing version is a broken store, not bad input.
  if (version === undefined) throw new Error(`stored version ${entry.versionId} of ${entry.sourceId} is missing`);
  return version;
}

function describeChange(change: ClauseChange): string {
  const where = [change.label, change.section].filter((part) => part !== null && part !== '').join(' ');
  return `[${change.significance}] ${change.kind}${where === '' ? '' : ` ${where}`}: ${change.summary}`;
}

function moreLine(changes: readonly ClauseChange[], shown: number): string[] {
  if (changes.length <= shown) return [];
  const rest = bySignificance(changes).slice(shown);
  return [`…and ${rest.length} more (${countBySignificance(rest.map((change) => change.significance))}).`];
}

function describeEntry(entry: VersionEntry): string {
  return `${day(entry.recordedAt)} (version ${entry.versionId.slice(0, 12)})`;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
