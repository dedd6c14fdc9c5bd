import { findCommand, type CommandReply, type Invocation, type RawOptions } from '../../../commands/index.ts';
import { describeError } from '../../domain/errors.ts';
import type { Logger } from '../../domain/logger.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import type { ManagePermission } from './manage-permission.ts';
import type { SlackApi } from './slack-api.ts';
import { toSlackReply, type SlackReply } from './slack-reply.ts';
import { commandModal } from './subscribe-modal.ts';
import { parseSlashText, slackUsage } from './slash-text.ts';

/** Runs one command for a Slack member (the platform passes `runChatCommand` over the runtime). */
export type RunCommand = (name: string, options: RawOptions, invocation: Invocation) => Promise<CommandReply>;

/** Acknowledges a request; the body is what Slack shows (or, for modals, does). */
export type Ack = (response?: object) => Promise<void>;
/** Posts to the request's `response_url`. */
export type Respond = (message: object) => Promise<unknown>;

/** The fields of a slash command clausewatch reads. */
export interface SlashCommandPayload {
  readonly text: string;
  readonly team_id: string;
  readonly channel_id: string;
  readonly user_id: string;
  readonly trigger_id: string;
}

/** Options of {@link createSlashCommandHandler}. */
export interface SlashCommandDeps {
  readonly run: RunCommand;
  readonly canManage: ManagePermission;
  readonly api: Pick<SlackApi, 'openView'>;
  readonly logger: Logger;
  /**
   * A command that answers within this time is answered in the acknowledgement itself; a slower one is
   * acknowledged with "Working on it…" and answered through `response_url`. Slack wants the ack within 3 s.
   * @defaultValue 2000
   */
  readonly ackBudgetMs?: number | undefined;
}

/** What a member sees when running a command broke; the details are in the log. */
const FAILED: CommandReply = {
  status: 'error',
  title: 'Something went wrong',
  lines: ['The command failed unexpectedly; the error was logged. Please try again in a minute.'],
  private: true,
};

/** Commands that open a modal when typed without options. */
const MODAL_COMMANDS = new Set(['subscribe']);

/**
 * The `/clausewatch` handler: parses `subcommand option:value …`, answers mistakes with usage text, opens
 * the subscribe modal for a bare `/clausewatch subscribe`, and runs everything else through the command
 * layer, always acknowledging within the budget.
 */
export function createSlashCommandHandler(deps: SlashCommandDeps) {
  const budgetMs = deps.ackBudgetMs ?? 2000;
  return async function handleSlashCommand(payload: SlashCommandPayload, ack: Ack, respond: Respond): Promise<void> {
    const parsed = parseSlashText(payload.text);
    if ('error' in parsed) {
      await ack(usageMessage(parsed.error));
      return;
    }
    const command = findCommand(parsed.command);
    if (command === undefined) {
      await ack(usageMessage(null, parsed.command));
      return;
    }
    const channelId = isDirectMessage(payload.channel_id) ? null : payload.channel_id;
    if (MODAL_COMMANDS.has(command.name) && Object.keys(parsed.options).length === 0) {
      await ack();
      try {
        await deps.api.openView(payload.trigger_id, commandModal(command, { channelId }));
      } catch (error) {
        deps.logger.warn({ err: describeError(error) }, 'could not open the subscribe modal');
        await respond(usageMessage('The form could not be opened; type the options instead.', command.name));
      }
      return;
    }
    const reply = async (): Promise<SlackReply> => {
      const invocation: Invocation = {
        platform: 'slack',
        workspaceId: payload.team_id,
        channelId,
        userId: payload.user_id,
        canManageChannel: await deps.canManage(payload.team_id, payload.user_id, channelId),
      };
      const answer = await deps.run(command.name, parsed.options, invocation);
      return toSlackReply(answer.status === 'invalid' ? withUsage(answer, command.name) : answer);
    };
    // A storage failure must still be answered: Slack shows "dispatch_failed" for an ack that never came.
    const answer = reply().catch((error: unknown) => {
      deps.logger.error({ command: command.name, err: describeError(error) }, 'Slack command failed');
      return toSlackReply(FAILED);
    });
    await answerWithin(budgetMs, answer, ack, respond);
  };
}

/** Acks with the answer when it is ready in time, else acks at once and sends the answer to `response_url`. */
export async function answerWithin(
  budgetMs: number,
  answer: Promise<object>,
  ack: Ack,
  respond: Respond,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(resolve, budgetMs, null);
  });
  const first = await Promise.race([answer, late]);
  clearTimeout(timer);
  if (first !== null) {
    await ack(first);
    return;
  }
  await ack({ response_type: 'ephemeral', text: ':hourglass_flowing_sand: Working on it…' });
  await respond({ ...(await answer), replace_original: true });
}

/** DM channel ids start with D; there a command has no channel to set up. */
function isDirectMessage(channelId: string): boolean {
  return channelId.startsWith('D');
}

function withUsage(reply: CommandReply, name: string): CommandReply {
  return { ...reply, lines: [...reply.lines, '', ...slackUsage(name).split('\n')] };
}

/** An ephemeral usage message, optionally after what was wrong. */
function usageMessage(problem: string | null, commandName?: string): SlackReply {
  const text = escapeMrkdwn(
    [...(problem === null ? [] : [`:warning: ${problem}`]), slackUsage(commandName)].join('\n'),
  );
  return { response_type: 'ephemeral', text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
