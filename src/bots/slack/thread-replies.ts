import { SLACK_LIMITS, fitMessage } from '../../alerts/fit-message.ts';
import type { AlertClauseChange, AlertMessage } from '../../alerts/message.ts';
import { BLOCK_LIMITS, blocksLength, context, section, type Block, type SlackMessage } from './block-kit.ts';
import { enforceLimits } from './enforce-limits.ts';
import { escapeMrkdwn, truncateMrkdwn } from './mrkdwn.ts';
import { clauseHeading, codeBlock, diffLines } from './render-parts.ts';

/** Room for one section's text, below Slack's 3,000 so the ``` fences and a heading always fit. */
const SECTION_ROOM = 2800;
/** Room for a reply's blocks, leaving space for its "Part i of n" context line. */
const REPLY_ROOM = BLOCK_LIMITS.blocksJson - 400;

/**
 * The full clause changes of an alert that had to be cut for the channel, as thread replies under it, in
 * document order; none when the alert showed every change whole. A long clause spans several sections,
 * replies hold as many sections as fit Slack's limits, and each says which part of how many it is.
 */
export function threadReplies(message: AlertMessage): SlackMessage[] {
  if (!wasCut(message)) return [];
  const sections = message.clauseChanges.flatMap(clauseSections);
  const groups = pack(sections);
  return groups.map((blocks, index) => {
    const label = `Part ${index + 1} of ${groups.length} · full clause changes of ${escapeMrkdwn(message.headline)}`;
    const text = truncateMrkdwn(label, BLOCK_LIMITS.fallbackText);
    return { text, blocks: enforceLimits([context(text), ...blocks]) };
  });
}

/** Whether the channel message left out or shortened any clause change. */
function wasCut(message: AlertMessage): boolean {
  const fitted = fitMessage(message, SLACK_LIMITS);
  if (fitted.clauseChanges.length !== message.clauseChanges.length) return true;
  return fitted.clauseChanges.some(
    (change, index) => JSON.stringify(change) !== JSON.stringify(message.clauseChanges[index]),
  );
}

/** One clause change as sections: the heading with the first diff lines, then the rest of the lines. */
function clauseSections(change: AlertClauseChange): Block[] {
  const heading = truncateMrkdwn(clauseHeading(change), 1000);
  const chunks = chunkLines(diffLines(change), SECTION_ROOM - heading.length, SECTION_ROOM);
  if (chunks.length === 0) return [section(heading)];
  return chunks.map((lines, index) => section(index === 0 ? `${heading}\n${codeBlock(lines)}` : codeBlock(lines)));
}

/**
 * Lines grouped so each group's ``` block fits: the first group in `firstRoom`, the others in `room`.
 * A line longer than a group is split at a space where one is near (never inside an `&amp;` entity).
 */
function chunkLines(lines: readonly string[], firstRoom: number, room: number): string[][] {
  const fence = 8;
  const chunks: string[][] = [];
  let current: string[] = [];
  let used = 0;
  const limit = (): number => (chunks.length === 0 ? firstRoom : room) - fence;
  for (const line of lines.flatMap((whole) => splitLine(whole, room - fence))) {
    if (current.length > 0 && used + line.length + 1 > limit()) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(line);
    used += line.length + 1;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function splitLine(line: string, max: number): string[] {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max * 0.6) cut = max;
    // Move back over a half entity so `&amp;` is never split across sections.
    const entity = /&[a-z]{0,3}$/u.exec(rest.slice(0, cut));
    if (entity !== null && entity.index > 0) cut = entity.index;
    parts.push(rest.slice(0, cut));
    // Continuation lines keep the diff marker so a reader still sees which side they belong to.
    rest = `${rest.slice(0, 2)}${rest.slice(cut).trimStart()}`;
  }
  parts.push(rest);
  return parts;
}

/** Sections packed into replies of at most 49 blocks and {@link REPLY_ROOM} characters of JSON. */
function pack(sections: readonly Block[]): Block[][] {
  const replies: Block[][] = [];
  let current: Block[] = [];
  for (const block of sections) {
    const next = [...current, block];
    if (current.length > 0 && (next.length > BLOCK_LIMITS.blocks - 1 || blocksLength(next) > REPLY_ROOM)) {
      replies.push(current);
      current = [block];
    } else {
      current = next;
    }
  }
  if (current.length > 0) replies.push(current);
  return replies;
}
