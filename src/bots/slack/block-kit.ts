/**
 * The few Block Kit shapes clausewatch sends, typed by hand so rendering needs no Slack package, and the
 * limits Slack enforces on them (https://api.slack.com/reference/block-kit). Slack refuses a whole message
 * when one limit is broken, so every renderer ends with {@link enforceLimits}.
 */

export interface PlainText {
  readonly type: 'plain_text';
  readonly text: string;
  readonly emoji?: boolean;
}

export interface MrkdwnText {
  readonly type: 'mrkdwn';
  readonly text: string;
}

export interface HeaderBlock {
  readonly type: 'header';
  readonly text: PlainText;
}

export interface SectionBlock {
  readonly type: 'section';
  readonly text?: MrkdwnText;
  readonly fields?: readonly MrkdwnText[];
}

export interface ContextBlock {
  readonly type: 'context';
  readonly elements: readonly MrkdwnText[];
}

export interface DividerBlock {
  readonly type: 'divider';
}

export interface ButtonElement {
  readonly type: 'button';
  readonly text: PlainText;
  readonly action_id: string;
  readonly value?: string;
  readonly url?: string;
}

export interface ActionsBlock {
  readonly type: 'actions';
  readonly elements: readonly ButtonElement[];
}

export type Block = HeaderBlock | SectionBlock | ContextBlock | DividerBlock | ActionsBlock;

/** A message as `chat.postMessage` and `response_url` take it: `text` is the notification fallback. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly Block[];
}

/** Slack's hard limits, and our budget for the blocks' JSON as a whole. */
export const BLOCK_LIMITS = {
  blocks: 50,
  header: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  buttonUrl: 3000,
  /** Slack documents no total, but long messages get cut or refused; about 12,000 characters keeps clear. */
  blocksJson: 12_000,
  /** The fallback text; Slack truncates at 40,000, a notification shows a line or two. */
  fallbackText: 3000,
} as const;

/** Characters of the blocks as Slack receives them (their JSON text). */
export function blocksLength(blocks: readonly Block[]): number {
  return JSON.stringify(blocks).length;
}

export function plainText(text: string): PlainText {
  return { type: 'plain_text', text, emoji: true };
}

export function mrkdwn(text: string): MrkdwnText {
  return { type: 'mrkdwn', text };
}

export function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

export function context(...texts: readonly string[]): ContextBlock {
  return { type: 'context', elements: texts.map(mrkdwn) };
}
