import pc from 'picocolors';
import type { Notifier, SendResult } from '../../alerts/delivery/notifier.ts';
import { formatUtc } from '../../alerts/event-messages.ts';
import { CONSOLE_LIMITS, fitMessage } from '../../alerts/fit-message.ts';
import type { AlertClauseChange, AlertItem, AlertMessage } from '../../alerts/message.ts';

type Colors = ReturnType<typeof pc.createColors>;

/** Options of {@link createConsoleTargetNotifier}. */
export interface ConsoleTargetNotifierOptions {
  /** Receives one rendered alert at a time, ending in a newline (e.g. `process.stdout.write`). */
  readonly write: (text: string) => void;
  /** ANSI colours (a terminal) or plain text (a pipe, a log file). */
  readonly color: boolean;
}

/** Idempotency keys remembered; enough for any realistic gap between a send and its `markSent`. */
const REMEMBERED_KEYS = 10_000;

/**
 * The notifier of console targets: prints each alert readably, cut to {@link CONSOLE_LIMITS}. It never
 * refuses a message. Message ids are `console-1`, `console-2`, … per process; a key it has printed before
 * in this process is not printed again (its first id is returned), so a resend after a failed `markSent`
 * does not repeat. Across a restart the key is forgotten: that resend prints once more.
 */
export function createConsoleTargetNotifier(options: ConsoleTargetNotifierOptions): Notifier {
  const printed = new Map<string, string>();
  let count = 0;
  return {
    send(_target, message, { idempotencyKey }): Promise<SendResult> {
      const known = printed.get(idempotencyKey);
      if (known !== undefined) return Promise.resolve({ messageId: known });
      options.write(`${formatAlertForConsole(message, { color: options.color })}\n`);
      count += 1;
      const messageId = `console-${count}`;
      printed.set(idempotencyKey, messageId);
      // Maps keep insertion order: the first key is the oldest.
      if (printed.size > REMEMBERED_KEYS) printed.delete(printed.keys().next().value ?? '');
      return Promise.resolve({ messageId });
    },
  };
}

/**
 * One alert as terminal lines: mention, badge and headline, link, fields, clause changes as -/+ lines,
 * list lines (under their digest group), "…and N more", links and footer. Fits the message to
 * {@link CONSOLE_LIMITS} first, so nothing is dropped for being long, only cut.
 */
export function formatAlertForConsole(message: AlertMessage, options: { readonly color: boolean }): string {
  const c = pc.createColors(options.color);
  const fitted = fitMessage(message, CONSOLE_LIMITS);
  const lines: string[] = [];
  if (fitted.mention !== null) lines.push(fitted.mention);
  lines.push(`${badge(fitted, c)} ${c.bold(fitted.headline)}`);
  if (fitted.url !== null) lines.push(c.dim(`  ${fitted.url}`));
  for (const field of fitted.fields) lines.push(...indent(`${field.name}: ${field.value}`, '  '));
  for (const change of fitted.clauseChanges) lines.push(...clauseChangeLines(change, c));
  if (fitted.moreChanges !== null) lines.push(c.dim(`  ${fitted.moreChanges}`));
  lines.push(...itemLines(fitted.items, c));
  if (fitted.moreItems !== null) lines.push(c.dim(`  ${fitted.moreItems}`));
  for (const link of fitted.links) lines.push(`  ${link.label}: ${c.underline(link.url)}`);
  // Interaction buttons cannot be clicked in a terminal; the same actions are CLI commands.
  for (const button of fitted.buttons)
    if (button.url !== undefined) lines.push(`  ${button.label}: ${c.underline(button.url)}`);
  lines.push(c.dim(`  ${[fitted.footer, formatUtc(fitted.timestamp)].filter((part) => part !== null).join(' · ')}`));
  return lines.join('\n');
}

function badge(message: AlertMessage, c: Colors): string {
  const label = (text: string, paint: (text: string) => string): string =>
    c.isColorSupported ? paint(` ${text} `) : `[${text}]`;
  switch (message.significance) {
    case 'high':
      return label('HIGH', (text) => c.bgRed(c.white(text)));
    case 'medium':
      return label('MEDIUM', (text) => c.bgYellow(c.black(text)));
    case 'low':
      return label('LOW', c.inverse);
    case null:
      break;
  }
  switch (message.kind) {
    case 'news':
      return label('NEWS', (text) => c.bgCyan(c.black(text)));
    case 'source-error':
      return label('ERROR', (text) => c.bgRed(c.white(text)));
    case 'digest':
      return label('DIGEST', (text) => c.bgMagenta(c.white(text)));
    case 'terms-change':
      return label('TERMS', c.inverse);
  }
}

function clauseChangeLines(change: AlertClauseChange, c: Colors): string[] {
  const where = [change.section, change.label].filter((part) => part !== null && part !== '').join(' ');
  const level = change.significance === 'high' ? c.red : change.significance === 'medium' ? c.yellow : c.dim;
  const lines = [`  ${level(`[${change.significance}]`)} ${change.kind}${where === '' ? '' : ` — ${where}`}`];
  if (change.summary !== '') lines.push(...indent(change.summary, '    '));
  if (change.before !== null && change.before === change.after) {
    // A clause moved without a change of wording: its text once, not as a removal and an addition.
    lines.push(...indent(change.after, '      ').map((line) => c.dim(line)));
    return lines;
  }
  if (change.before !== null) lines.push(...indent(change.before, '    - ', '      ').map((line) => c.red(line)));
  if (change.after !== null) lines.push(...indent(change.after, '    + ', '      ').map((line) => c.green(line)));
  return lines;
}

function itemLines(items: readonly AlertItem[], c: Colors): string[] {
  const lines: string[] = [];
  let group: string | null = null;
  for (const item of items) {
    if (item.group !== null && item.group !== group) lines.push(`  ${c.bold(item.group)}`);
    group = item.group;
    // Lines under a digest's vendor heading sit one step deeper than the heading.
    const margin = item.group === null ? '  ' : '    ';
    const level = item.significance === null ? '' : `[${item.significance}] `;
    lines.push(`${margin}• ${level}${c.bold(item.title)} ${c.dim(`(${item.source})`)}`);
    if (item.summary !== '') lines.push(...indent(item.summary, `${margin}  `));
    if (item.url !== null) lines.push(c.dim(`${margin}  ${item.url}`));
  }
  return lines;
}

/** `text`'s lines, the first after `first`, the others after `rest` (spaces as wide as `first`). */
function indent(text: string, first: string, rest = ' '.repeat(first.length)): string[] {
  return text.split(/\r?\n/u).map((line, index) => `${index === 0 ? first : rest}${line}`);
}
