/** The mention put before an alert, and exactly the pings it may cause. */
import type { APIAllowedMentions } from './api-types.ts';

/** Message content and the `allowed_mentions` that let only that content ping. */
export interface DiscordMention {
  /** Undefined when there is nothing to mention. */
  readonly content: string | undefined;
  readonly allowedMentions: APIAllowedMentions;
}

/** Pings nobody: sent with every message that has no mention, so no text can ping by accident. */
export const NO_MENTIONS: APIAllowedMentions = { parse: [] };

/**
 * The mention as Discord content with `allowed_mentions` limited to it: role mentions (`<@&id>`) ping that
 * role, user mentions (`<@id>`) that user, and `@everyone`/`@here` (also Slack's `<!everyone>`, `<!here>`,
 * `<!channel>`) ping everyone only because the subscription asked for exactly that. Other text is shown
 * but pings nobody.
 */
export function toDiscordMention(mention: string | null): DiscordMention {
  const tokens =
    mention
      ?.trim()
      .split(/\s+/u)
      .filter((token) => token !== '') ?? [];
  if (tokens.length === 0) return { content: undefined, allowedMentions: NO_MENTIONS };
  const roles = new Set<string>();
  const users = new Set<string>();
  const broadcasts = new Set<string>();
  const content = tokens.map((token) => {
    const role = /^<@&(\d{1,20})>$/u.exec(token)?.[1];
    const user = /^<@!?(\d{1,20})>$/u.exec(token)?.[1];
    const match = /^(?:@(everyone|here)|<!(everyone|here|channel)>)$/u.exec(token);
    const broadcast = match?.[1] ?? match?.[2];
    if (role !== undefined) roles.add(role);
    else if (user !== undefined) users.add(user);
    else if (broadcast !== undefined) {
      const text = broadcast === 'everyone' ? '@everyone' : '@here';
      broadcasts.add(text);
      return text;
    }
    return token;
  });
  const allowedMentions: APIAllowedMentions = {
    // `everyone` in `parse` covers both @everyone and @here.
    parse: broadcasts.size > 0 ? ['everyone'] : [],
    ...(roles.size > 0 ? { roles: [...roles] } : {}),
    ...(users.size > 0 ? { users: [...users] } : {}),
  };
  return { content: content.join(' '), allowedMentions };
}
