import type { AlertClauseChange, AlertMessage } from '../../alerts/message.ts';
import { DISCORD_HARD_LIMITS as LIMITS } from './api-types.ts';
import { clauseHeading, DIFF_OPEN, diffLines, FENCE_CLOSE } from './markdown.ts';

/** Options of {@link threadDetails}. */
export interface ThreadDetailsOptions {
  /**
   * Most messages; when the changes need more, the last one says how many clause changes were left out.
   * A thread is read by people: hundreds of messages help nobody, and `/diff` shows the rest.
   * @defaultValue 50
   */
  readonly maxMessages?: number | undefined;
}

const DEFAULT_MAX_MESSAGES = 50;
const MAX = LIMITS.content;

/**
 * The full clause changes of an alert as message contents of at most 2000 characters each, for a thread
 * under the alert: each change's heading and summary, then its text as ```diff blocks; a change too long for
 * one message continues in the next, each part a closed block of its own. Several short changes share a
 * message. Nothing is cut unless `maxMessages` is reached.
 */
export function threadDetails(message: AlertMessage, options: ThreadDetailsOptions = {}): string[] {
  const maxMessages = Math.max(1, options.maxMessages ?? DEFAULT_MAX_MESSAGES);
  const messages: string[] = [];
  let current = '';
  const changes = message.clauseChanges;
  for (const [index, change] of changes.entries()) {
    const pieces = changePieces(change);
    // Until the last change, one message stays free for the note of what did not fit.
    const limit = index === changes.length - 1 ? maxMessages : maxMessages - 1;
    if (messagesAfter(messages.length, current, pieces) > limit) {
      const left = changes.length - index;
      const note = `…and ${left} more clause ${left === 1 ? 'change' : 'changes'}: /diff shows them all.`;
      if (current !== '' && current.length + 1 + note.length <= MAX) messages.push(`${current}\n${note}`);
      else messages.push(...(current === '' ? [] : [current]), note);
      return messages;
    }
    for (const piece of pieces) {
      if (current === '') current = piece;
      else if (current.length + 1 + piece.length <= MAX) current = `${current}\n${piece}`;
      else {
        messages.push(current);
        current = piece;
      }
    }
  }
  if (current !== '') messages.push(current);
  return messages;
}

/** Messages there would be after adding `pieces` to `done` messages and the `current` one. */
function messagesAfter(done: number, current: string, pieces: readonly string[]): number {
  let count = done;
  let open = current;
  for (const piece of pieces) {
    if (open === '') open = piece;
    else if (open.length + 1 + piece.length <= MAX) open = `${open}\n${piece}`;
    else {
      count += 1;
      open = piece;
    }
  }
  return count + (open === '' ? 0 : 1);
}

/** A clause change as pieces of at most 2000 characters: heading with summary, then closed diff blocks. */
function changePieces(change: AlertClauseChange): string[] {
  const head = cutPlain(`**${clauseHeading(change)}**${change.summary === '' ? '' : `\n${change.summary}`}`, MAX);
  const room = MAX - DIFF_OPEN.length - FENCE_CLOSE.length;
  const blocks: string[] = [];
  let lines: string[] = [];
  let length = 0;
  const close = (): void => {
    if (lines.length > 0) blocks.push(`${DIFF_OPEN}${lines.join('\n')}${FENCE_CLOSE}`);
    lines = [];
    length = 0;
  };
  for (const line of diffLines(change.before, change.after).flatMap((text) => splitLine(text, room))) {
    if (length + (lines.length > 0 ? 1 : 0) + line.length > room) close();
    lines.push(line);
    length += (lines.length > 1 ? 1 : 0) + line.length;
  }
  close();
  // The heading joins the first block when both fit one message.
  const first = blocks[0];
  if (first !== undefined && head.length + 1 + first.length <= MAX) return [`${head}\n${first}`, ...blocks.slice(1)];
  return [head, ...blocks];
}

/**
 * A diff line split into parts of at most `room` characters, at a space where one is near; continuation
 * parts keep the line's `- `/`+ ` mark so the diff colouring goes on.
 */
function splitLine(line: string, room: number): string[] {
  if (line.length <= room) return [line];
  const mark = line.slice(0, 2);
  const parts: string[] = [];
  let rest = line;
  while (rest.length > room) {
    let at = rest.lastIndexOf(' ', room);
    if (at <= room / 2) at = room;
    if (isHighSurrogate(rest.charCodeAt(at - 1))) at -= 1;
    parts.push(rest.slice(0, at));
    rest = `${mark}${rest.slice(at).trimStart()}`;
  }
  parts.push(rest);
  return parts;
}

function cutPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = isHighSurrogate(text.charCodeAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
