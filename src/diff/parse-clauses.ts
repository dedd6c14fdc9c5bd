// Document → sections (heading path) → clauses. Every paragraph, list item, definition entry and table row is a
// clause; a nested list item or an indented labelled paragraph is a clause of its own whose label carries its
// parent's (`3.2(b)`), so a change in one sub-point is reported as that sub-point. A bold title with sub-points
// under it (`7. **Customer Data**` + `7.1 …`) opens a section instead of being a clause.

import { cleanInline, comparisonKey, type TextFormat } from './clean-text.ts';
import { readDateLine, type DateLine } from './effective-date.ts';
import { joinLabel, positionLabel, splitLabel, type ParsedLabel } from './labels.ts';
import { readBlocks, type Block } from './markdown-blocks.ts';
import { isBreadcrumbMarkdown, isPageChrome } from './page-chrome.ts';
import { SectionTracker } from './section-tracker.ts';

/** One clause of a terms version. */
export interface Clause {
  /** Position in the document, from 0. */
  readonly index: number;
  /** Label path (`3.2(b)`), or null for an unnumbered clause. */
  readonly label: string | null;
  /** Heading path, outermost first, as the document writes the headings. */
  readonly sectionPath: readonly string[];
  /** Identity of the innermost section, independent of heading numbers, case and typography. */
  readonly sectionKey: string;
  /** Readable text, label and Markdown removed. */
  readonly text: string;
  /** What the clause is compared by (see `comparisonKey`). */
  readonly key: string;
}

/** A parsed terms version. */
export interface ParsedTerms {
  readonly clauses: readonly Clause[];
  /** The stated effective or last-updated date (ISO when parseable), or null. */
  readonly effectiveDate: string | null;
}

/** How to read a document. */
export interface ParseOptions {
  /** @defaultValue 'markdown' */
  readonly format?: TextFormat | undefined;
}

interface Draft {
  label: string | null;
  sectionPath: readonly string[];
  sectionKey: string;
  parts: string[];
}

interface OpenItem {
  readonly indent: number;
  /** Label path children join onto: the item's own, or its context when unnumbered. */
  readonly path: string | null;
  /** The item's clause, which an unlabelled continuation paragraph extends; null for a title item. */
  readonly draft: Draft | null;
  lastChild: ParsedLabel | undefined;
}

/** Parses a terms version (Markdown or plain text) into clauses and its effective date. */
export function parseClauses(source: string, options: ParseOptions = {}): ParsedTerms {
  const format = options.format ?? 'markdown';
  const blocks = readBlocks(source, format);
  const collector = new ClauseCollector(format);
  blocks.forEach((block, i) => {
    collector.add(block, blocks[i + 1]);
  });
  return collector.result();
}

class ClauseCollector {
  private readonly drafts: Draft[] = [];
  private readonly sections = new SectionTracker();
  private items: OpenItem[] = [];
  /** Labels of numbered paragraphs in the current section, outermost first, for `3.2` + `(b)`. */
  private paragraphLabels: { label: ParsedLabel; path: string }[] = [];
  /** The clause just added, when it carries a label a list right after it belongs to. */
  private previousLabel: string | null = null;
  private pendingLabel: ParsedLabel | null = null;
  /** Label path the top-level items of the current list join onto. */
  private listContext: string | null = null;
  private inList = false;
  private dateLine: DateLine | null = null;

  constructor(private readonly format: TextFormat) {}

  add(block: Block, next: Block | undefined): void {
    if (block.kind === 'break') {
      this.closeLists();
      return;
    }
    if (block.kind === 'row') {
      this.row(block.cells);
      return;
    }
    if (this.format === 'markdown' && isBreadcrumbMarkdown(block.raw)) return;
    const text = cleanInline(block.raw, this.format);
    if (text === '' || this.takeDateLine(text)) return;
    if (block.kind === 'heading') {
      if (!isPageChrome(text, false)) this.heading(block.level, text);
      return;
    }
    if (isPageChrome(text, block.kind === 'paragraph')) return;
    if (block.kind === 'item') {
      this.item(block, text, next);
      return;
    }
    this.paragraph(block, text);
  }

  result(): ParsedTerms {
    const clauses: Clause[] = [];
    for (const draft of this.drafts) {
      const text = draft.parts.join(' ');
      const key = comparisonKey(text);
      if (key === '') continue;
      const { label, sectionPath, sectionKey } = draft;
      clauses.push({ index: clauses.length, label, sectionPath, sectionKey, text, key });
    }
    return { clauses, effectiveDate: this.dateLine?.value ?? null };
  }

  private takeDateLine(text: string): boolean {
    const line = readDateLine(text);
    if (line === null) return false;
    if (this.dateLine === null || line.priority < this.dateLine.priority) this.dateLine = line;
    return true;
  }

  private heading(level: number, text: string): void {
    this.closeLists();
    const { label, rest } = splitLabel(text);
    this.sections.open(level, text, rest === '' ? text : rest, label === null ? null : joinLabel(null, label));
    this.paragraphLabels = [];
    this.previousLabel = null;
  }

  private paragraph(block: { raw: string; indent: number }, text: string): void {
    this.popItems(block.indent);
    const parent = this.items.at(-1);
    if (parent !== undefined) {
      this.continuation(parent, text);
      return;
    }
    this.closeLists();
    if (isTitleOnly(block.raw, text, this.format)) {
      const { label } = splitLabel(text);
      this.heading(this.sections.pseudoHeadingLevel(label), text);
      return;
    }
    const split = this.takeLabel(text);
    this.addClause(split.label === null ? null : this.paragraphPath(split.label), split.rest);
  }

  private paragraphPath(label: ParsedLabel): string {
    if (label.level === 1) {
      const path = joinLabel(null, label);
      this.paragraphLabels = [{ label, path }];
      return path;
    }
    while ((this.paragraphLabels.at(-1)?.label.level ?? 0) >= label.level) this.paragraphLabels.pop();
    const path = joinLabel(this.paragraphLabels.at(-1)?.path ?? this.sections.label(), label);
    this.paragraphLabels.push({ label, path });
    return path;
  }

  /** A paragraph indented under a list item: a labelled sub-point, or more text of the item. */
  private continuation(parent: OpenItem, text: string): void {
    const { label, rest } = splitLabel(text, parent.lastChild);
    if (label !== null) {
      parent.lastChild = label;
      this.addClause(joinLabel(parent.path, label), rest);
      return;
    }
    if (parent.draft !== null) {
      parent.draft.parts.push(text);
      return;
    }
    this.addClause(parent.path, text);
  }

  private item(block: { raw: string; indent: number; ordinal: number | null }, text: string, next: Block | undefined) {
    this.popItems(block.indent);
    // A list right after a numbered clause holds its sub-points ("3.2 You may not:" + "(a) …").
    // Not the heading's number: two lists under one heading would both count 3.1, 3.2, … .
    if (this.items.length === 0 && !this.inList) this.listContext = this.previousLabel;
    this.inList = true;
    const parent = this.items.at(-1);
    const split = splitLabel(text, parent?.lastChild);
    const own = split.label ?? (block.ordinal === null ? null : positionLabel(block.ordinal));
    if (parent !== undefined && own !== null) parent.lastChild = own;
    const base = parent === undefined ? this.listContext : parent.path;
    const path = own === null ? null : joinLabel(base, own);
    const title = split.label === null && block.ordinal !== null ? `${block.ordinal}. ${text}` : text;
    const body = bodyAfter(block.indent, next);
    // A numbered title over its own paragraphs may be long ("18. Special Terms for Residents of …").
    if (body !== 'none' && isTitleOnly(block.raw, text, this.format, own === null ? 12 : 24)) {
      if (body === 'paragraphs' && own !== null) {
        // `13. **Limitation of Liability**` followed by plain paragraphs: a numbered heading written as a list.
        this.closeLists();
        this.heading(this.sections.pseudoHeadingLevel(own), title);
        return;
      }
      if (body === 'children') {
        this.sections.open(10 + this.items.length, title, split.rest === '' ? text : split.rest, path);
        this.items.push({ indent: block.indent, path: path ?? base, draft: null, lastChild: undefined });
        return;
      }
    }
    const draft = this.addClause(path, split.rest);
    this.items.push({ indent: block.indent, path: path ?? base, draft, lastChild: undefined });
  }

  private row(cells: readonly string[]): void {
    this.closeLists();
    const text = cells
      .map((cell) => cleanInline(cell, this.format))
      .filter((cell) => cell !== '')
      .join(' | ');
    if (text !== '' && !isPageChrome(text, false)) this.addClause(null, text);
  }

  /** Splits a label off, or applies a label that stood alone in the block before (`**3.**` then the text). */
  private takeLabel(text: string): { label: ParsedLabel | null; rest: string } {
    const split = splitLabel(text, this.paragraphLabels.at(-1)?.label);
    if (split.label !== null && split.rest === '') {
      this.pendingLabel = split.label;
      return { label: null, rest: '' };
    }
    const pending = this.pendingLabel;
    this.pendingLabel = null;
    return split.label === null && pending !== null ? { label: pending, rest: split.rest } : split;
  }

  private addClause(label: string | null, text: string): Draft {
    const draft: Draft = { label, sectionPath: this.sections.path(), sectionKey: this.sections.key(), parts: [] };
    if (text === '') return draft;
    draft.parts.push(text);
    this.drafts.push(draft);
    this.previousLabel = label;
    return draft;
  }

  private popItems(indent: number): void {
    while ((this.items.at(-1)?.indent ?? -1) >= indent) this.items.pop();
    this.sections.closeAbove(10 + this.items.length);
  }

  private closeLists(): void {
    this.items = [];
    this.inList = false;
    this.sections.closeAbove(10);
  }
}

/** What follows a list item: nested blocks, top-level paragraphs (the list is over), or anything else. */
function bodyAfter(indent: number, next: Block | undefined): 'children' | 'paragraphs' | 'none' {
  if (next === undefined || next.kind === 'heading' || next.kind === 'row' || next.kind === 'break') return 'none';
  if (next.indent > indent) return 'children';
  return next.kind === 'paragraph' && next.indent === 0 ? 'paragraphs' : 'none';
}

/**
 * A block that is only a bold title (`**1. Access and Use**`, `9. **Software**`): short, one sentence at most, not
 * a lead-in to a list. Plain text has no bold, so there a short line without closing punctuation is a title.
 */
export function isTitleOnly(raw: string, text: string, format: TextFormat, maxWords = 12): boolean {
  if (format === 'markdown' && !raw.includes('**') && !raw.includes('__')) return false;
  if (text.length > 300) return false;
  const { rest } = splitLabel(text);
  const words = rest.split(' ').filter((word) => word !== '');
  if (words.length === 0 || words.length > maxWords || /[:,;]$/.test(rest) || /[.!?]\s+\S/.test(rest)) return false;
  if (format === 'text') return words.length <= 8 && !/[.!?]$/.test(rest) && /^\p{Lu}/u.test(rest);
  const outsideBold = cleanInline(raw.replace(/\*\*.+?\*\*|__.+?__/g, ' '), format);
  return splitLabel(outsideBold).rest.replace(/[\s.:]/g, '') === '' && outsideBold.length < text.length;
}
