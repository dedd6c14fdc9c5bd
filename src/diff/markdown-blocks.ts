// Line-level reading of a terms version into blocks: headings (ATX and setext), paragraphs, list items with their
// indentation, table rows and thematic breaks. Only as much Markdown as extracted terms pages use; inline syntax is
// left to clean-text.ts.

import type { TextFormat } from './clean-text.ts';

/** One block of a document, with its inline text still raw. */
export type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly raw: string }
  | { readonly kind: 'paragraph'; readonly raw: string; readonly indent: number }
  | { readonly kind: 'item'; readonly raw: string; readonly indent: number; readonly ordinal: number | null }
  | { readonly kind: 'row'; readonly cells: readonly string[] }
  | { readonly kind: 'break' };

interface OpenBlock {
  kind: 'paragraph' | 'item';
  lines: string[];
  indent: number;
  ordinal: number | null;
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)\s*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const TABLE_ROW = /^\s*\|(.*)\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|(?:\s*:?-+:?\s*\|)+\s*$/;
const LIST_ITEM = /^(\s*)([-*+•]|\d{1,9}[.)])\s+(.*)$/;
const FENCE = /^\s*(?:```|~~~)/;
// A line starting with a clause label begins a new clause even without a blank line before it ("numbered lines").
const LABELLED_LINE = /^\s*(?:\(\w{1,4}\)|\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)]|[a-z]\)|§\s*\d)\s/i;

/** Splits a document into blocks. Plain text (`format: 'text'`) has no headings, tables or emphasis syntax. */
export function readBlocks(source: string, format: TextFormat): Block[] {
  const reader = new BlockReader(format);
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) reader.read(line.replace(/\t/g, '    '));
  return reader.finish();
}

class BlockReader {
  private readonly blocks: Block[] = [];
  private open: OpenBlock | null = null;
  private inFence = false;

  constructor(private readonly format: TextFormat) {}

  read(line: string): void {
    if (line.trim() === '') {
      this.flush();
      return;
    }
    if (FENCE.test(line)) {
      this.inFence = !this.inFence;
      this.flush();
      return;
    }
    if (this.inFence) {
      this.appendOrStart('paragraph', line.trim(), 0, null);
      return;
    }
    const unquoted = line.replace(/^\s*(?:>\s?)+/, '');
    if (this.format === 'markdown' && this.readMarkdownLine(unquoted)) return;
    const item = LIST_ITEM.exec(unquoted);
    // Plain text numbers its clauses in the text itself ("1. Definitions"): a label, not a list marker.
    if (item !== null && (this.format === 'markdown' || !/^\d/.test(item[2] ?? ''))) {
      this.startItem(item);
      return;
    }
    const indent = leadingSpaces(unquoted);
    const startsClause = LABELLED_LINE.test(unquoted);
    if (this.open !== null && !startsClause) {
      this.open.lines.push(unquoted.trim());
      return;
    }
    this.flush();
    this.open = { kind: 'paragraph', lines: [unquoted.trim()], indent, ordinal: null };
  }

  /** Markdown-only constructs; true when the line was consumed. */
  private readMarkdownLine(line: string): boolean {
    const underline = SETEXT_UNDERLINE.exec(line);
    if (underline !== null && this.open?.kind === 'paragraph') {
      const level = underline[1]?.startsWith('=') === true ? 1 : 2;
      this.blocks.push({ kind: 'heading', level, raw: this.open.lines.join(' ') });
      this.open = null;
      return true;
    }
    if (THEMATIC_BREAK.test(line)) {
      this.flush();
      this.blocks.push({ kind: 'break' });
      return true;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading !== null) {
      this.flush();
      this.blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, raw: heading[2] ?? '' });
      return true;
    }
    if (TABLE_ROW.test(line)) {
      this.flush();
      if (!TABLE_SEPARATOR.test(line)) this.blocks.push({ kind: 'row', cells: splitRow(line) });
      return true;
    }
    return false;
  }

  private startItem(match: RegExpExecArray): void {
    this.flush();
    const marker = match[2] ?? '-';
    const ordinal = /^\d/.test(marker) ? Number.parseInt(marker, 10) : null;
    this.open = { kind: 'item', lines: [match[3] ?? ''], indent: match[1]?.length ?? 0, ordinal };
  }

  private appendOrStart(kind: 'paragraph', text: string, indent: number, ordinal: null): void {
    if (this.open === null) this.open = { kind, lines: [], indent, ordinal };
    this.open.lines.push(text);
  }

  flush(): void {
    const open = this.open;
    this.open = null;
    if (open === null) return;
    const raw = open.lines.join(' ');
    if (open.kind === 'item') {
      this.blocks.push({ kind: 'item', raw, indent: open.indent, ordinal: open.ordinal });
    } else {
      this.blocks.push({ kind: 'paragraph', raw, indent: open.indent });
    }
  }

  finish(): Block[] {
    this.flush();
    return this.blocks;
  }
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

function splitRow(line: string): string[] {
  const inner = TABLE_ROW.exec(line)?.[1] ?? '';
  // A pipe escaped as `\|` belongs to the cell.
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}
