import type { SourceDeclaration } from '../src/domain/source.ts';
import type { Command, CommandContext, OptionValues, WatchKind } from './command.ts';
import { stringOption } from './options.ts';
import { invalidReply, okReply } from './replies.ts';
import { closest } from './suggest.ts';
import { vocabularyOf } from './vocabulary.ts';
import { checkSelector, parseVendorSlug, parseWatchUrl, titleFromSlug, watchId } from './watch-input.ts';

/** Everything `/watch` needs, checked. */
interface WatchRequest {
  readonly url: URL;
  readonly kind: WatchKind;
  readonly vendor: string;
  readonly selector: string | undefined;
  readonly title: string | undefined;
}

/**
 * `/watch url kind vendor [selector]`: start watching a terms page or a news feed. The URL must pass the
 * SSRF guard and a test fetch (`context.checkUrl`) before anything is saved.
 */
export const watchCommand: Command = {
  name: 'watch',
  description: 'Watch a new terms page or news feed (checked with a test fetch first)',
  options: [
    { name: 'url', description: 'Address of the terms page or feed', type: 'string', required: true },
    {
      name: 'kind',
      description: 'A terms page or a news feed',
      type: 'string',
      choices: ['terms', 'feed'],
      required: true,
    },
    {
      name: 'vendor',
      description: 'Vendor slug, e.g. openai',
      type: 'string',
      required: true,
      autocomplete: 'vendors',
    },
    {
      name: 'selector',
      description: 'CSS selector of the terms text (default: main, article or body)',
      type: 'string',
    },
    { name: 'title', description: 'Name of the document (default: from the URL)', type: 'string' },
  ],
  permission: 'manage-channel',
  instead: 'Ask someone who can manage this channel to add it; /sources lists what is watched already.',
  async run(options, context) {
    const request = checkRequest(options);
    if (typeof request === 'string') return invalidReply('Not watched', [request, 'Nothing was saved.']);
    const href = request.url.href;
    const already = context.sources.find((source) => sameUrl(source.url, href));
    if (already !== undefined) return okReply('Already watched', [`${href} is watched as ${already.id}.`]);
    const check = await context.checkUrl(href, request.kind, request.selector);
    if (!check.ok)
      return invalidReply('Not watched', [`${href} did not pass the check: ${check.reason}`, 'Nothing was saved.']);
    const declaration = declare(request, context);
    if (!(await context.watched.add(declaration, context.invocation.userId))) {
      return invalidReply('Not watched', [
        `${declaration.id} was added a moment ago by someone else; /sources lists it.`,
      ]);
    }
    return okReply('Watching', watchedLines(declaration, context), { private: false });
  },
};

function checkRequest(options: OptionValues): WatchRequest | string {
  const url = parseWatchUrl(stringOption(options, 'url') ?? '');
  if (!url.ok) return url.message;
  const vendor = parseVendorSlug(stringOption(options, 'vendor') ?? '');
  if (!vendor.ok) return vendor.message;
  const kind: WatchKind = stringOption(options, 'kind') === 'feed' ? 'feed' : 'terms';
  const selector = stringOption(options, 'selector');
  if (selector !== undefined) {
    if (kind === 'feed') return 'A selector only applies to terms pages; a feed is read as it is. Drop the selector.';
    const checked = checkSelector(selector);
    if (!checked.ok) return checked.message;
  }
  return { url: url.value, kind, vendor: vendor.value, selector, title: stringOption(options, 'title') };
}

function declare(request: WatchRequest, context: CommandContext): SourceDeclaration {
  const id = watchId(request.vendor, request.url, new Set(context.sources.map((source) => source.id)));
  return {
    id,
    kind: request.kind,
    vendor: request.vendor,
    title: request.title ?? titleFromSlug(id.slice(id.indexOf('/') + 1)),
    url: request.url.href,
    select: request.selector === undefined ? [] : [request.selector],
    remove: [],
  };
}

function watchedLines(declaration: SourceDeclaration, context: CommandContext): string[] {
  const lines = [
    `${declaration.id} (${declaration.kind}) — ${declaration.url}`,
    'The first check runs on the next round; /sources shows how it fares.',
    `Stop with /unwatch id:${declaration.id}.`,
  ];
  const known = vocabularyOf(context).vendors;
  if (declaration.kind === 'terms' && !known.includes(declaration.vendor)) {
    const suggestion = closest(declaration.vendor, known);
    const typo = suggestion === undefined ? '' : ` Did you mean ${suggestion}? If so, /unwatch it and watch again.`;
    lines.push(`"${declaration.vendor}" is a new vendor.${typo}`);
  }
  return lines;
}

/** Whether a declared URL is the same address (declarations may spell it unnormalised: `HTTPS://Acme.ai`). */
function sameUrl(declared: string, href: string): boolean {
  try {
    const url = new URL(declared);
    url.hash = '';
    return url.href === href;
  } catch {
    return declared === href;
  }
}
