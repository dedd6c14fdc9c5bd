import {
  BLOCK_LIMITS,
  blocksLength,
  context,
  mrkdwn,
  plainText,
  type ActionsBlock,
  type Block,
  type ButtonElement,
  type ContextBlock,
  type SectionBlock,
} from './block-kit.ts';
import { truncateMrkdwn, truncatePlain } from './mrkdwn.ts';

/** A section shrunk by the JSON budget keeps at least this much text before it is dropped instead. */
const MIN_SECTION = 300;

/**
 * The safety net after rendering: every text within its limit, at most 50 blocks, the JSON within the
 * budget. Never throws and never returns no blocks; sections from the middle are shortened, then dropped,
 * and a context line says how many went. The first block (header) and the closing context and actions stay.
 */
export function enforceLimits(blocks: readonly Block[], budget: number = BLOCK_LIMITS.blocksJson): Block[] {
  let capped = blocks.map(capBlock);
  let dropped = 0;
  while (capped.length + (dropped > 0 ? 1 : 0) > BLOCK_LIMITS.blocks) {
    const index = lastDroppable(capped);
    if (index === null) break;
    capped = capped.filter((_, at) => at !== index);
    dropped += 1;
  }
  while (measure(capped, dropped) > budget) {
    const next = shrinkLargest(capped, measure(capped, dropped) - budget);
    if (next === null) {
      const index = lastDroppable(capped);
      if (index === null) break;
      capped = capped.filter((_, at) => at !== index);
      dropped += 1;
    } else {
      capped = next;
    }
  }
  return dropped === 0 ? capped : withNote(capped, dropped);
}

function measure(blocks: readonly Block[], dropped: number): number {
  return blocksLength(dropped === 0 ? blocks : withNote(blocks, dropped));
}

/** A note where the dropped blocks were: before the closing context and actions. */
function withNote(blocks: readonly Block[], dropped: number): Block[] {
  const note = context(`…and ${dropped} more ${dropped === 1 ? 'part' : 'parts'} not shown`);
  const tail = trailingCount(blocks);
  return [...blocks.slice(0, blocks.length - tail), note, ...blocks.slice(blocks.length - tail)];
}

/** How many closing blocks (context, actions) end the message; they are kept to the last. */
function trailingCount(blocks: readonly Block[]): number {
  let count = 0;
  for (let at = blocks.length - 1; at > 0 && count < 2; at -= 1) {
    const type = blocks[at]?.type;
    if (type !== 'context' && type !== 'actions') break;
    count += 1;
  }
  return count;
}

/** The last block that is neither the header nor a closing block; null when only those are left. */
function lastDroppable(blocks: readonly Block[]): number | null {
  const index = blocks.length - 1 - trailingCount(blocks);
  return index >= 1 ? index : null;
}

/** The longest section text cut by `excess` (not below {@link MIN_SECTION}); null when none can shrink. */
function shrinkLargest(blocks: readonly Block[], excess: number): Block[] | null {
  let best: number | null = null;
  let bestLength = MIN_SECTION;
  for (const [index, block] of blocks.entries()) {
    const length = block.type === 'section' ? (block.text?.text.length ?? 0) : 0;
    if (length > bestLength) {
      best = index;
      bestLength = length;
    }
  }
  if (best === null) return null;
  const target = Math.max(MIN_SECTION, bestLength - excess - 16);
  return blocks.map((block, index) =>
    index === best && block.type === 'section' && block.text !== undefined
      ? { ...block, text: mrkdwn(truncateMrkdwn(block.text.text, target)) }
      : block,
  );
}

function capBlock(block: Block): Block {
  switch (block.type) {
    case 'header':
      return { type: 'header', text: plainText(truncatePlain(block.text.text, BLOCK_LIMITS.header) || '…') };
    case 'section':
      return capSection(block);
    case 'context':
      return capContext(block);
    case 'actions':
      return capActions(block);
    case 'divider':
      return block;
  }
}

function capSection(block: SectionBlock): SectionBlock {
  const text = block.text === undefined ? undefined : truncateMrkdwn(block.text.text, BLOCK_LIMITS.sectionText);
  const fields = block.fields
    ?.slice(0, BLOCK_LIMITS.fields)
    .map((field) => mrkdwn(truncateMrkdwn(field.text, BLOCK_LIMITS.fieldText)));
  return {
    type: 'section',
    // A section needs text or fields, and Slack refuses empty text.
    ...(text === undefined || text === ''
      ? fields === undefined
        ? { text: mrkdwn(' ') }
        : {}
      : { text: mrkdwn(text) }),
    ...(fields === undefined ? {} : { fields }),
  };
}

function capContext(block: ContextBlock): ContextBlock {
  const elements = block.elements
    .slice(0, BLOCK_LIMITS.contextElements)
    .map((element) => mrkdwn(truncateMrkdwn(element.text, BLOCK_LIMITS.contextText) || ' '));
  return { type: 'context', elements: elements.length === 0 ? [mrkdwn(' ')] : elements };
}

function capActions(block: ActionsBlock): ActionsBlock {
  const seen = new Set<string>();
  const elements = block.elements.slice(0, BLOCK_LIMITS.actionsElements).map((button, index) => {
    let actionId = button.action_id.slice(0, BLOCK_LIMITS.actionId);
    // Slack refuses two elements with one action_id in a block.
    if (seen.has(actionId)) actionId = `${actionId.slice(0, BLOCK_LIMITS.actionId - 6)}#${index}`;
    seen.add(actionId);
    return capButton(button, actionId);
  });
  return { type: 'actions', elements };
}

function capButton(button: ButtonElement, actionId: string): ButtonElement {
  const url = button.url !== undefined && button.url.length <= BLOCK_LIMITS.buttonUrl ? button.url : undefined;
  return {
    type: 'button',
    text: plainText(truncatePlain(button.text.text, BLOCK_LIMITS.buttonText) || '…'),
    action_id: actionId,
    ...(button.value === undefined ? {} : { value: button.value.slice(0, BLOCK_LIMITS.buttonValue) }),
    ...(url === undefined ? {} : { url }),
  };
}
