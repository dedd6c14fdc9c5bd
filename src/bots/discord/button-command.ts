import type { CommandReply, Invocation, RawOptions } from '../../../commands/index.ts';
import type { CommandEnvironment } from '../../runtime/command-context.ts';
import { parseCustomId, resolveSourceRef } from './custom-id.ts';
import { DM_WORKSPACE } from './interaction-input.ts';

/** What a button press does: run a command as if typed, or answer at once. */
export type ButtonCommand =
  | { readonly kind: 'run'; readonly name: string; readonly options: RawOptions; readonly invocation: Invocation }
  | { readonly kind: 'reply'; readonly reply: CommandReply };

/**
 * The command behind a pressed button:
 * - "Full diff" (`diff:<source>:<version>`) runs `/diff document version:<version>`: the change the alert was
 *   about, even after later changes.
 * - "Unsubscribe" (`unsubscribe:<id>`) runs `/unsubscribe id:<id>`. Pressed in the bot's DMs, where there is
 *   no guild, it runs in the workspace the user's subscription belongs to (the command still checks it is
 *   theirs).
 */
export async function buttonCommand(
  env: CommandEnvironment,
  customId: string,
  invocation: Invocation,
): Promise<ButtonCommand> {
  const action = parseCustomId(customId);
  switch (action.kind) {
    case 'diff': {
      const document = resolveSourceRef(
        action.sourceRef,
        env.sources().map((source) => source.id),
      );
      if (document === undefined) return gone('That document is no longer watched.');
      return { kind: 'run', name: 'diff', options: { document, version: action.versionPrefix }, invocation };
    }
    case 'unsubscribe':
      return {
        kind: 'run',
        name: 'unsubscribe',
        options: { id: action.subscriptionId },
        invocation: await subscriptionWorkspace(env, action.subscriptionId, invocation),
      };
    case 'unknown':
      return gone('This button belongs to an older version of clausewatch; run the command instead.');
  }
}

async function subscriptionWorkspace(env: CommandEnvironment, id: number, invocation: Invocation): Promise<Invocation> {
  if (invocation.workspaceId !== DM_WORKSPACE) return invocation;
  const subscription = (await env.alerts.listActiveSubscriptions()).find(
    (candidate) => candidate.id === id && candidate.target.userId === invocation.userId,
  );
  return subscription === undefined ? invocation : { ...invocation, workspaceId: subscription.target.workspaceId };
}

function gone(line: string): ButtonCommand {
  return { kind: 'reply', reply: { status: 'invalid', title: 'Button out of date', lines: [line], private: true } };
}
