import type { Command } from './command.ts';
import { stringOption } from './options.ts';
import { invalidReply, okReply } from './replies.ts';
import { didYouMean } from './suggest.ts';

/** `/unwatch id`: stop watching a source added with `/watch`. Catalog and config sources stay. */
export const unwatchCommand: Command = {
  name: 'unwatch',
  description: 'Stop watching a source added with /watch',
  options: [
    { name: 'id', description: 'Source id, e.g. acme/terms', type: 'string', required: true, autocomplete: 'sources' },
  ],
  permission: 'manage-channel',
  instead: 'Ask someone who can manage this channel; to hear less, /unsubscribe or narrow your /subscribe filters.',
  async run(options, context) {
    const input = stringOption(options, 'id') ?? '';
    const source = context.sources.find((candidate) => candidate.id.toLowerCase() === input.toLowerCase());
    if (source === undefined) {
      const ids = context.sources.map((candidate) => candidate.id);
      return invalidReply('Unknown source', [
        `There is no source "${input}"${didYouMean(input, ids)} /sources lists them.`,
      ]);
    }
    if (!(await context.watched.remove(source.id))) {
      return invalidReply('Not removed', [
        `${source.id} comes from the built-in catalog or the config file; only sources added with /watch can be removed here.`,
        'To stop hearing about it, narrow your subscriptions (/subscriptions, /unsubscribe).',
      ]);
    }
    return okReply('Unwatched', [`Stopped watching ${source.id}; its history stays stored.`], { private: false });
  },
};
