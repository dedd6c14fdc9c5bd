import { isFailing, type SourceDeclaration } from '../src/domain/source.ts';
import { vendorDisplayName } from '../src/sources/catalog/vendors.ts';
import type { VersionEntry } from '../src/store/store.ts';
import type { Command, CommandContext } from './command.ts';
import { stringOption } from './options.ts';
import { capitalise, invalidReply, okReply } from './replies.ts';
import { resolveDocument, resolveVendors } from './vocabulary.ts';

/** History entries read per document: enough for the last change and a short list of recent ones. */
const HISTORY = 50;
/** Recent changes listed for one document. */
const RECENT_CHANGES = 5;

/** `/terms vendor [document]`: the terms documents watched for a vendor and their last change. */
export const termsCommand: Command = {
  name: 'terms',
  description: 'The terms documents watched for a vendor and when they last changed',
  options: [
    {
      name: 'vendor',
      description: 'Vendor slug, e.g. anthropic',
      type: 'string',
      required: true,
      autocomplete: 'vendors',
    },
    { name: 'document', description: 'One document, e.g. commercial-terms', type: 'string', autocomplete: 'documents' },
  ],
  permission: 'everyone',
  async run(options, context) {
    const vendors = resolveVendors([stringOption(options, 'vendor') ?? ''], context);
    if (!vendors.ok) return invalidReply('Check the vendor', [vendors.message]);
    const vendor = vendors.value[0] ?? '';
    const name = vendorDisplayName(vendor);
    const documentInput = stringOption(options, 'document');
    if (documentInput !== undefined) {
      const document = resolveDocument(documentInput, context, vendor);
      if (!document.ok) return invalidReply('Check the document', [document.message]);
      if (document.value.vendor !== vendor) {
        return invalidReply('Check the document', [`${document.value.id} is not a document of ${name}.`]);
      }
      return okReply(`${name} ${document.value.title}`, await documentDetails(document.value, context));
    }
    const documents = context.sources.filter((source) => source.kind === 'terms' && source.vendor === vendor);
    if (documents.length === 0) {
      return okReply(`${name} terms`, [`No terms documents of ${name} are watched. /watch adds one.`]);
    }
    const lines = await Promise.all(documents.map((document) => documentLine(document, context)));
    return okReply(`${name} terms (${documents.length})`, [
      ...lines,
      `Details: /terms vendor:${vendor} document:<document>; changes: /diff document:<id>.`,
    ]);
  },
};

async function documentLine(document: SourceDeclaration, context: CommandContext): Promise<string> {
  const [history, status] = await Promise.all([
    context.store.listVersionEntries(document.id, HISTORY),
    healthNote(document, context),
  ]);
  return `${document.title} (${document.id}) — ${lastChange(history)}${status}`;
}

async function documentDetails(document: SourceDeclaration, context: CommandContext): Promise<string[]> {
  const [history, status] = await Promise.all([
    context.store.listVersionEntries(document.id, HISTORY),
    healthNote(document, context),
  ]);
  const changes = history.filter((entry) => entry.kind === 'change').slice(0, RECENT_CHANGES);
  const lines = [`${document.id} — ${document.url}`, `${capitalise(lastChange(history))}${status}`];
  if (changes.length > 0) {
    lines.push(
      'Recent changes:',
      ...changes.map((entry) => `${entry.recordedAt.slice(0, 10)} · version ${entry.versionId.slice(0, 12)}`),
    );
    lines.push(`What changed: /diff document:${document.id}`);
  }
  return lines;
}

/** "last change 2026-01-02", "no change since 2025-12-01", or "not checked yet". */
function lastChange(history: readonly VersionEntry[]): string {
  const change = history.find((entry) => entry.kind === 'change');
  if (change !== undefined) return `last change ${change.recordedAt.slice(0, 10)}`;
  const first = history.at(-1);
  return first === undefined ? 'not recorded yet' : `no change since ${first.recordedAt.slice(0, 10)}`;
}

async function healthNote(document: SourceDeclaration, context: CommandContext): Promise<string> {
  const health = await context.store.getHealth(document.id);
  if (health === undefined || !isFailing(health, context.failureThreshold)) return '';
  return ` (failing: ${health.lastError ?? 'unknown error'})`;
}
