/**
 * Slack Web API failures as delivery outcomes. Slack answers HTTP 200 with `{ ok: false, error }` for most
 * refusals; web-api throws those as platform errors, 429s as rate-limit errors (with
 * `rejectRateLimitedCalls`), other statuses as HTTP errors and network trouble as request errors.
 *
 * | Slack says                                                        | kind                | why                       |
 * |-------------------------------------------------------------------|---------------------|---------------------------|
 * | not_in_channel, channel_not_found, is_archived, account_inactive, | permanent-target    | nothing reaches it until  |
 * | user_not_found, user_disabled, cannot_dm_bot, messages_tab_disabled,|                   | someone acts in Slack     |
 * | restricted_action, team_access_not_granted                        |                     |                           |
 * | invalid_blocks, invalid_blocks_format, msg_too_long, no_text,     | permanent-message   | this message never fits   |
 * | invalid_arguments, too_many_attachments                           |                     |                           |
 * | ratelimited, HTTP 429 (Retry-After), HTTP 5xx, network, other     | retryable           | Slack or the network      |
 */
import { DeliveryFailure, type DeliveryFailureKind } from '../../alerts/delivery/delivery-failure.ts';

const TARGET_ERRORS = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'account_inactive',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'messages_tab_disabled',
  'restricted_action',
  'team_access_not_granted',
]);

const MESSAGE_ERRORS = new Set([
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'no_text',
  'invalid_arguments',
  'too_many_attachments',
]);

/** Where a failed call was going, for a reason a workspace admin can act on. */
export interface FailedCall {
  /** `chat.postMessage`, `conversations.open`. */
  readonly method: string;
  /** The channel id, or the user id of a DM. */
  readonly where: string;
  /** The bot's name as members type it, e.g. `clausewatch`. */
  readonly botName: string;
}

/** What web-api threw, reduced to the fields we read (duck-typed: its classes are not part of our API). */
interface SlackErrorShape {
  readonly code?: unknown;
  readonly data?: { readonly error?: unknown };
  readonly retryAfter?: unknown;
  readonly statusCode?: unknown;
  readonly message?: unknown;
}

/** Anything a Web API call threw as a {@link DeliveryFailure}. */
export function toDeliveryFailure(error: unknown, call: FailedCall): DeliveryFailure {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as SlackErrorShape;
  if (shape.code === 'slack_webapi_platform_error' && typeof shape.data?.error === 'string') {
    const slackError = shape.data.error;
    const kind = platformKind(slackError);
    return new DeliveryFailure(kind, `${call.method} to ${call.where}: ${whatToDo(slackError, call)}`, {
      code: `slack_${slackError}`,
      cause: error,
    });
  }
  if (shape.code === 'slack_webapi_rate_limited_error' && typeof shape.retryAfter === 'number') {
    return new DeliveryFailure('retryable', `${call.method} to ${call.where}: rate limited by Slack`, {
      code: 'slack_ratelimited',
      retryAfterMs: shape.retryAfter * 1000,
      status: 429,
      cause: error,
    });
  }
  const status = typeof shape.statusCode === 'number' ? shape.statusCode : undefined;
  const detail = typeof shape.message === 'string' ? shape.message : String(error);
  return new DeliveryFailure('retryable', `${call.method} to ${call.where} failed: ${detail}`, {
    code: status === undefined ? 'slack_unreachable' : 'slack_http_error',
    status,
    cause: error,
  });
}

/** The delivery kind of a Slack `error` string. */
export function platformKind(slackError: string): DeliveryFailureKind {
  if (TARGET_ERRORS.has(slackError)) return 'permanent-target';
  if (MESSAGE_ERRORS.has(slackError)) return 'permanent-message';
  return 'retryable';
}

/** The reason stored with a disabled target and shown on the alerts channel: what happened and what to do. */
function whatToDo(slackError: string, call: FailedCall): string {
  const invite = `invite @${call.botName} to the channel: /invite @${call.botName}`;
  const resume = `then run /clausewatch subscribe there to resume its subscriptions`;
  switch (slackError) {
    case 'not_in_channel':
      return `not_in_channel — ${invite}, ${resume}`;
    case 'channel_not_found':
      return `channel_not_found — the channel was deleted, or it is private and @${call.botName} is not in it: ${invite}, ${resume}`;
    case 'is_archived':
      return `is_archived — the channel is archived: unarchive it, ${resume}`;
    case 'account_inactive':
      return 'account_inactive — the app or the user was deactivated: reinstall the app or remove the subscription';
    case 'user_not_found':
    case 'user_disabled':
      return `${slackError} — the user left or was deactivated; their DM subscriptions stay paused`;
    case 'messages_tab_disabled':
      return `messages_tab_disabled — enable the Messages tab of @${call.botName} so it can send direct messages`;
    default:
      return slackError;
  }
}
