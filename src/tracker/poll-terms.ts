import type { SourceDeclaration, SourceHealth } from '../domain/source.ts';
import type { TermsDiff } from '../domain/terms-diff.ts';
import { diffTerms } from '../diff/index.ts';
import { vendorDisplayName } from '../sources/catalog/vendors.ts';
import type { Fetched } from '../sources/fetcher.ts';
import type { PollRecord } from '../store/store.ts';
import { documentText, sha256 } from './document-text.ts';
import { eventBase, fetchSince, pageRequest, renderedBrowser, snapshotOf, unchangedPoll } from './poll-records.ts';
import type { TrackerDeps } from './tracker-deps.ts';

/**
 * Polls one terms document: fetch (conditional) → extract → compare with the current version → confirm a change
 * with a second fetch → diff. Returns what to record; throws operational errors for the caller to record.
 */
export async function pollTerms(
  source: SourceDeclaration,
  health: SourceHealth | undefined,
  deps: TrackerDeps,
): Promise<PollRecord> {
  const at = deps.clock.now().toISOString();
  const current = health?.currentVersionId ?? null;
  const page = await fetchSince(source, health, deps);
  if (page.kind === 'not-modified') return unchangedPoll(source.id, at, health);
  if (current !== null && (await sameBodyAsCurrent(source.id, page, deps))) {
    return unchangedPoll(source.id, at, health, page);
  }
  const text = documentText(source, page);
  const versionId = sha256(text);
  if (versionId === current) return unchangedPoll(source.id, at, health, page);
  if (current === null) return baselinePoll(source, at, page, text, versionId);
  if (!(await changeConfirmed(source, health, page, versionId, deps))) {
    deps.logger.warn({ source: source.id }, 'document changed but not on a second fetch: not recorded yet');
    return unchangedPoll(source.id, at, health);
  }
  const diff = await diffAgainst(current, text, source, deps);
  return changePoll(source, at, page, { text, versionId, fromVersion: current, diff });
}

/** The same bytes as the snapshot of the current version need no extraction: the common case of a server without validators. */
async function sameBodyAsCurrent(sourceId: string, page: Fetched, deps: TrackerDeps): Promise<boolean> {
  const [latest] = await deps.store.listVersionEntries(sourceId, 1);
  return latest !== undefined && latest.snapshotId === sha256(page.body);
}

/** A half-deployed or A/B-tested page must show the same text twice before it counts. */
async function changeConfirmed(
  source: SourceDeclaration,
  health: SourceHealth | undefined,
  first: Fetched,
  versionId: string,
  deps: TrackerDeps,
): Promise<boolean> {
  await deps.sleep(deps.options.confirmDelayMs);
  // A page the browser just had to render goes straight to it again rather than through plain HTTP's bot wall.
  const again = await deps.fetcher.fetch(pageRequest(source, health, first.renderedBy === 'browser'));
  if (again.kind === 'not-modified') return false;
  return sha256(documentText(source, again)) === versionId;
}

async function diffAgainst(
  currentVersionId: string,
  text: string,
  source: SourceDeclaration,
  deps: TrackerDeps,
): Promise<TermsDiff> {
  const previous = await deps.store.getVersion(currentVersionId);
  if (previous === undefined) throw new Error(`stored version ${currentVersionId} of ${source.id} is missing`);
  const vendor = vendorDisplayName(source.vendor);
  return diffTerms(previous.text, text, {
    // "Acme Terms" already names its vendor: no "Acme Acme Terms" in headlines.
    vendor: source.title.toLowerCase().startsWith(vendor.toLowerCase()) ? undefined : vendor,
    title: source.title,
    rules: deps.options.rules,
  });
}

function baselinePoll(
  source: SourceDeclaration,
  at: string,
  page: Fetched,
  text: string,
  versionId: string,
): PollRecord {
  const snapshotId = sha256(page.body);
  return {
    sourceId: source.id,
    at,
    result: {
      ok: true,
      etag: page.etag,
      lastModified: page.lastModified,
      changed: true,
      currentVersionId: versionId,
      ...renderedBrowser(page),
    },
    snapshot: snapshotOf(page, snapshotId),
    version: { id: versionId, text, snapshotId, kind: 'baseline' },
    events: [{ type: 'baseline', ...eventBase(source, at), kind: 'terms', versionId }],
  };
}

interface ConfirmedChange {
  readonly text: string;
  readonly versionId: string;
  readonly fromVersion: string;
  readonly diff: TermsDiff;
}

/** A new version whose diff finds no clause change (noise) is kept, marked technical, and not announced. */
function changePoll(source: SourceDeclaration, at: string, page: Fetched, change: ConfirmedChange): PollRecord {
  const snapshotId = sha256(page.body);
  const meaningful = change.diff.changes.length > 0;
  return {
    sourceId: source.id,
    at,
    result: {
      ok: true,
      etag: page.etag,
      lastModified: page.lastModified,
      changed: meaningful,
      currentVersionId: change.versionId,
      ...renderedBrowser(page),
    },
    snapshot: snapshotOf(page, snapshotId),
    version: { id: change.versionId, text: change.text, snapshotId, kind: meaningful ? 'change' : 'technical' },
    events: meaningful
      ? [
          {
            type: 'terms-change',
            ...eventBase(source, at),
            fromVersion: change.fromVersion,
            toVersion: change.versionId,
            diff: change.diff,
          },
        ]
      : [],
  };
}
