import { describeError } from '../../domain/errors.ts';
import type { Logger } from '../../domain/logger.ts';
import { createRecentKeys } from './recent-keys.ts';
import type { SlackApi } from './slack-api.ts';

/** Options of {@link createManagePermission}. */
export interface ManagePermissionOptions {
  readonly api: Pick<SlackApi, 'isAdmin' | 'channelCreator'>;
  readonly logger: Logger;
  /** How long an answer is reused. @defaultValue 60000 */
  readonly ttlMs?: number;
  /** @defaultValue `Date.now` */
  readonly now?: () => number;
}

/** Decides `Invocation.canManageChannel` on Slack. */
export type ManagePermission = (teamId: string, userId: string, channelId: string | null) => Promise<boolean>;

/**
 * Slack has no per-channel "manage" right an app can read, so clausewatch lets a member change a channel's
 * setup (subscribe it, set its digest or alerts channel) when they are a workspace admin or owner
 * (`users.info`) or created the channel (`conversations.info`). Answers are cached for a minute: a slash
 * command must be answered within 3 seconds, and rights rarely change mid-conversation. A failed lookup
 * means no: the user can still subscribe their DMs.
 */
export function createManagePermission(options: ManagePermissionOptions): ManagePermission {
  const ttlMs = options.ttlMs ?? 60_000;
  const admins = createRecentKeys<boolean>({ ttlMs, max: 5000, ...(options.now ? { now: options.now } : {}) });
  const creators = createRecentKeys<string>({ ttlMs, max: 5000, ...(options.now ? { now: options.now } : {}) });
  const lookup = async <TValue>(what: string, run: () => Promise<TValue>): Promise<TValue | undefined> => {
    try {
      return await run();
    } catch (error) {
      options.logger.warn({ err: describeError(error) }, `could not look up ${what}; treating as not allowed`);
      return undefined;
    }
  };
  return async (teamId, userId, channelId) => {
    const userKey = `${teamId}|${userId}`;
    let admin = admins.get(userKey);
    if (admin === undefined) {
      admin = (await lookup('the member', () => options.api.isAdmin(userId))) ?? false;
      admins.set(userKey, admin);
    }
    if (admin || channelId === null) return admin;
    const channelKey = `${teamId}|${channelId}`;
    let creator = creators.get(channelKey);
    if (creator === undefined) {
      creator = (await lookup('the channel', () => options.api.channelCreator(channelId))) ?? '';
      creators.set(channelKey, creator);
    }
    return creator === userId;
  };
}
