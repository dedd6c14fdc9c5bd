import type { AlertField, AlertMessage } from '../src/alerts/message.ts';
import type { CommandReply } from './command.ts';

/** Extras of a successful reply. */
export interface ReplyExtras {
  readonly fields?: readonly AlertField[] | undefined;
  readonly message?: AlertMessage | undefined;
  /** @defaultValue true: replies about one user's setup are theirs alone */
  readonly private?: boolean | undefined;
}

/** A successful reply. */
export function okReply(title: string, lines: readonly string[], extras: ReplyExtras = {}): CommandReply {
  return {
    status: 'ok',
    title,
    lines,
    private: extras.private ?? true,
    ...(extras.fields === undefined ? {} : { fields: extras.fields }),
    ...(extras.message === undefined ? {} : { message: extras.message }),
  };
}

/** Bad input: says what was wrong and what to do instead. Nothing was saved. */
export function invalidReply(title: string, lines: readonly string[]): CommandReply {
  return { status: 'invalid', title, lines, private: true };
}

/** Not allowed: says who may do it and what the user can do instead. Nothing was saved. */
export function refusedReply(action: string, instead: string | undefined): CommandReply {
  const lines = [`Only members who can manage this channel may ${action}. Nothing was changed.`];
  if (instead !== undefined) lines.push(instead);
  return { status: 'refused', title: 'Not allowed', lines, private: true };
}

/** Something broke that the user could not have caused; the details go to the log, never to chat. */
export function errorReply(command: string): CommandReply {
  return {
    status: 'error',
    title: 'Something went wrong',
    lines: [`/${command} failed unexpectedly; the error was logged. Please try again in a minute.`],
    private: true,
  };
}

/** A channel as Discord and Slack both render it: `<#C123>`. */
export function channelRef(channelId: string): string {
  return `<#${channelId}>`;
}

/** "1 subscription", "3 subscriptions". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** The text with its first letter upper-cased, for a phrase that starts a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
