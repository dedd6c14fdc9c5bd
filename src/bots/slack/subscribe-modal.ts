/**
 * The modal `/clausewatch subscribe` opens when typed without options: one input per option of the command,
 * built from `commands/` so it never falls behind, and its submission turned back into raw options.
 */
import type { Command, CommandOption, CommandReply, RawOptions } from '../../../commands/command.ts';
import { plainText } from './block-kit.ts';
import type { SlackView } from './slack-api.ts';
import { toSlackReply } from './slack-reply.ts';

/** `callback_id` of the subscribe modal. */
export const SUBSCRIBE_MODAL = 'clausewatch-subscribe';

/** Where the modal was opened, carried in `private_metadata` to its submission. */
export interface ModalOrigin {
  /** Null in a DM. */
  readonly channelId: string | null;
}

/** The only action id of every input: the block id names the option. */
const VALUE = 'value';

/** The modal for a command's options; `where` is left out in a DM, where it has no choice. */
export function commandModal(command: Command, origin: ModalOrigin): SlackView {
  const options = command.options.filter((option) => !(option.name === 'where' && origin.channelId === null));
  return {
    type: 'modal',
    callback_id: SUBSCRIBE_MODAL,
    private_metadata: JSON.stringify(origin),
    title: plainText('Subscribe'),
    submit: plainText('Subscribe'),
    close: plainText('Cancel'),
    blocks: options.map(inputBlock),
  };
}

function inputBlock(option: CommandOption): Record<string, unknown> {
  return {
    type: 'input',
    block_id: option.name,
    optional: option.required !== true,
    label: plainText(label(option.name)),
    hint: plainText(option.description.slice(0, 150)),
    element: element(option),
  };
}

function element(option: CommandOption): Record<string, unknown> {
  if (option.choices === undefined) {
    return { type: 'plain_text_input', action_id: VALUE, max_length: 500 };
  }
  const choices = option.choices.map((choice) => ({ text: plainText(choice), value: choice }));
  const initial = choices.find((choice) => choice.value === option.default);
  return {
    type: option.name === 'where' ? 'radio_buttons' : 'static_select',
    action_id: VALUE,
    options: choices,
    ...(initial === undefined ? {} : { initial_option: initial }),
  };
}

function label(name: string): string {
  const words = name.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What Slack sends as `view.state.values`: block id → action id → element state. */
export type ViewStateValues = Readonly<
  Record<
    string,
    Readonly<
      Record<string, { readonly value?: string | null; readonly selected_option?: { readonly value: string } | null }>
    >
  >
>;

/** The submitted inputs as raw options; empty inputs are left out so defaults apply. */
export function optionsFromSubmission(values: ViewStateValues): RawOptions {
  const options: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const state = actions[VALUE];
    const value = state?.selected_option?.value ?? state?.value ?? undefined;
    if (typeof value === 'string' && value.trim() !== '') options[blockId] = value.trim();
  }
  return options;
}

/** The modal's origin from `private_metadata`; a DM when it cannot be read. */
export function originOf(privateMetadata: string): ModalOrigin {
  try {
    const parsed = JSON.parse(privateMetadata) as { channelId?: unknown };
    return { channelId: typeof parsed.channelId === 'string' ? parsed.channelId : null };
  } catch {
    return { channelId: null };
  }
}

/**
 * The answer to a submission: an `invalid` reply becomes an error under the input it names (Slack keeps the
 * modal open); anything else replaces the modal with the reply.
 */
export function submissionAnswer(reply: CommandReply, command: Command, shown: readonly string[]): object {
  if (reply.status === 'invalid') {
    const text = reply.lines.join(' ');
    const named = command.options.find((option) => shown.includes(option.name) && text.includes(option.name));
    const block = named?.name ?? shown[0];
    if (block !== undefined) return { response_action: 'errors', errors: { [block]: text.slice(0, 2000) } };
  }
  const { blocks } = toSlackReply(reply);
  return {
    response_action: 'update',
    view: {
      type: 'modal',
      title: plainText('Subscribe'),
      close: plainText('Done'),
      blocks: blocks.slice(0, 100),
    },
  };
}
