import { describeError } from '../domain/errors.ts';
import type { SourceDeclaration } from '../domain/source.ts';
import { decodeText, detectCharset, parseContentType } from '../sources/http/charset.ts';
import { documentText, sha256 } from './document-text.ts';
import type { TrackerDeps } from './tracker-deps.ts';

/**
 * Re-extracts each terms document's current version from its stored snapshot. When extraction has improved and
 * yields different text, the new text becomes the current version as a `technical` entry: recorded, never
 * announced, so the next poll compares like with like. Returns how many documents were re-derived.
 */
export async function rederiveVersions(sources: readonly SourceDeclaration[], deps: TrackerDeps): Promise<number> {
  let rederived = 0;
  for (const source of sources) {
    if (source.kind !== 'terms') continue;
    try {
      if (await rederiveOne(source, deps)) rederived += 1;
    } catch (error) {
      deps.logger.warn({ source: source.id, err: describeError(error) }, 'could not re-derive the stored version');
    }
  }
  return rederived;
}

async function rederiveOne(source: SourceDeclaration, deps: TrackerDeps): Promise<boolean> {
  const [latest] = await deps.store.listVersionEntries(source.id, 1);
  const health = await deps.store.getHealth(source.id);
  if (latest === undefined || health === undefined) return false;
  const snapshot = await deps.store.getSnapshot(latest.snapshotId);
  if (snapshot === undefined) return false;
  const { mediaType, charset } = parseContentType(snapshot.mediaType);
  const { text: body } = decodeText(snapshot.body, detectCharset(snapshot.body, charset));
  const text = documentText(source, { mediaType, text: body });
  const versionId = sha256(text);
  if (versionId === latest.versionId) return false;
  await deps.store.recordPoll({
    sourceId: source.id,
    at: deps.clock.now().toISOString(),
    result: {
      ok: true,
      etag: health.etag,
      lastModified: health.lastModified,
      changed: false,
      currentVersionId: versionId,
    },
    version: { id: versionId, text, snapshotId: latest.snapshotId, kind: 'technical' },
    events: [],
  });
  return true;
}
