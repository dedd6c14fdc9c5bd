import { fetchedWithBrowser, isFailing } from '../src/domain/source.ts';
import type { Command } from './command.ts';
import { stringOption } from './options.ts';
import { okReply } from './replies.ts';
import { didYouMean } from './suggest.ts';

/** `/sources [vendor]`: the watched sources and their health. */
export const sourcesCommand: Command = {
  name: 'sources',
  description: 'List the watched sources and their health',
  options: [{ name: 'vendor', description: 'Only this vendor’s sources', type: 'string', autocomplete: 'vendors' }],
  permission: 'everyone',
  async run(options, context) {
    const vendor = stringOption(options, 'vendor')?.toLowerCase();
    const sources = context.sources.filter((source) => vendor === undefined || source.vendor === vendor);
    if (sources.length === 0) {
      const vendors = new Set(context.sources.map((source) => source.vendor));
      return okReply('Sources', [`No sources for vendor "${vendor ?? ''}"${didYouMean(vendor ?? '', vendors)}`]);
    }
    const health = new Map((await context.store.listHealth()).map((entry) => [entry.sourceId, entry]));
    const lines = sources.map((source) => {
      const entry = health.get(source.id);
      const kind = fetchedWithBrowser(source, entry) ? `${source.kind}, browser` : source.kind;
      if (entry === undefined) return `${source.id} (${kind}) — not checked yet`;
      if (isFailing(entry, context.failureThreshold)) {
        return `${source.id} (${kind}) — failing: ${entry.lastError ?? 'unknown error'}`;
      }
      const changed = entry.lastChangeAt === null ? 'no change seen' : `last change ${entry.lastChangeAt.slice(0, 10)}`;
      return `${source.id} (${kind}) — ok, ${changed}`;
    });
    return okReply(`Sources (${sources.length})`, lines);
  },
};
