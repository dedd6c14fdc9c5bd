import type { CommandContext, Invocation, UrlCheck, Vocabulary, WatchKind } from '../../commands/index.ts';
import type { Config } from '../config/load-config.ts';
import { systemClock } from '../domain/clock.ts';
import { describeError } from '../domain/errors.ts';
import type { Logger } from '../domain/logger.ts';
import type { SourceDeclaration } from '../domain/source.ts';
import { extractTerms } from '../sources/extract-terms.ts';
import { parseFeed } from '../sources/feeds/parse-feed.ts';
import type { Fetcher } from '../sources/fetcher.ts';
import type { SqlAlertStore } from '../store/sql-alert-store.ts';
import type { Store } from '../store/store.ts';

/** What commands need from the running application. */
export interface CommandEnvironment {
  readonly config: Readonly<Config>;
  readonly store: Store;
  readonly alerts: SqlAlertStore;
  readonly fetcher: Fetcher;
  readonly logger: Logger;
  /** Every watched source now: catalog, config file and `/watch`. */
  readonly sources: () => readonly SourceDeclaration[];
  /** Called after `/watch` or `/unwatch` changed the watch list. */
  readonly onSourcesChanged: () => Promise<void>;
}

/** The context one command invocation runs with. */
export function createCommandContext(env: CommandEnvironment, invocation: Invocation): CommandContext {
  const workspace = { platform: invocation.platform, workspaceId: invocation.workspaceId };
  return {
    invocation,
    sources: env.sources(),
    store: env.store,
    subscriptions: env.alerts,
    events: env.alerts,
    clock: systemClock,
    failureThreshold: env.config.failureThreshold,
    rules: env.config.significanceRules,
    vocabulary: vocabularyOf(env.config, env.sources()),
    logger: env.logger,
    checkUrl: (url, kind, selector) => checkUrl(env.fetcher, url, kind, selector),
    watched: {
      add: async (declaration, addedBy) => {
        if (env.sources().some((source) => source.id === declaration.id)) return false;
        const added = await env.alerts.addWatchedSource(declaration, addedBy, workspace, new Date().toISOString());
        if (added) await env.onSourcesChanged();
        return added;
      },
      remove: async (id) => {
        const removed = await env.alerts.removeWatchedSource(id);
        if (removed) await env.onSourcesChanged();
        return removed;
      },
    },
  };
}

/** Vendor and topic names users may filter on, the config's additions included. */
function vocabularyOf(config: Readonly<Config>, sources: readonly SourceDeclaration[]): Vocabulary {
  const termsVendors = sources.filter((source) => source.kind === 'terms').map((source) => source.vendor);
  const vendors = new Set([...Object.keys(config.news.dictionaries.vendors), ...termsVendors]);
  const topics = new Set([
    ...Object.keys(config.news.dictionaries.topics),
    ...config.significanceRules.map((rule) => rule.topic),
  ]);
  return { vendors: [...vendors].sort(), topics: [...topics].sort() };
}

/** The SSRF guard and a test fetch: the page must answer, and yield a document or a feed. */
async function checkUrl(fetcher: Fetcher, url: string, kind: WatchKind, selector?: string): Promise<UrlCheck> {
  try {
    const page = await fetcher.fetch({ url });
    if (page.kind === 'not-modified') return { ok: true };
    if (kind === 'feed') {
      const feed = parseFeed({ body: page.body, url: page.finalUrl, contentType: page.mediaType });
      return feed.items.length > 0 ? { ok: true } : { ok: false, reason: 'the feed has no items' };
    }
    extractTerms(page.text, { select: selector === undefined ? [] : [selector], remove: [] });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: describeError(error).message };
  }
}
