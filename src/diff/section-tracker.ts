// The open headings while a document is read: real headings (levels 1–6), bold pseudo-headings (7) and title list
// items (10 + list depth). Each section gets a key that survives renumbering, recasing and typography changes of
// its heading, so a clause is only "moved" when it really sits under another heading.

import { comparisonKey } from './clean-text.ts';

interface SectionEntry {
  readonly level: number;
  readonly title: string;
  readonly label: string | null;
  readonly key: string;
}

/** Level given to a bold pseudo-heading that has no numbered sibling heading to line up with. */
const PSEUDO_HEADING_LEVEL = 7;

/** Tracks the heading path while blocks are read in order. */
export class SectionTracker {
  private stack: SectionEntry[] = [];
  private readonly seen = new Map<string, number>();

  /** Opens a section at `level`, closing any open section at that level or deeper. */
  open(level: number, title: string, keyText: string, label: string | null): void {
    this.closeAbove(level);
    const base = `${this.key()}/${sectionKeyText(keyText)}`;
    // Combined documents repeat headings ("Definitions" twice): number repeats so each stays its own section.
    const count = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, count);
    this.stack.push({ level, title, label, key: count === 1 ? base : `${base}#${count}` });
  }

  /** Closes every open section at `level` or deeper. */
  closeAbove(level: number): void {
    while ((this.stack.at(-1)?.level ?? 0) >= level) this.stack.pop();
  }

  /**
   * The level for a bold title paragraph: numbered ones (`**9. Software**`) line up with an open heading that is
   * numbered the same way, so `9.` closes `8.` instead of nesting under it.
   */
  pseudoHeadingLevel(label: { core: string; level: number } | null): number {
    if (label === null || label.level !== 1 || !/^\d+$/.test(label.core)) return PSEUDO_HEADING_LEVEL;
    const sibling = this.stack.findLast((entry) => entry.level < 10 && /^\d+$/.test(entry.label ?? ''));
    if (sibling !== undefined) return sibling.level;
    // The first numbered title under an unnumbered bold title ("PRIVACY TERMS", then "1. Data") nests under it.
    const top = this.stack.at(-1);
    return top !== undefined && top.level >= PSEUDO_HEADING_LEVEL && top.level < 10
      ? top.level + 1
      : PSEUDO_HEADING_LEVEL;
  }

  /** Heading titles from outermost to innermost. */
  path(): readonly string[] {
    return this.stack.map((entry) => entry.title);
  }

  /** Key of the innermost open section; '' before the first heading. */
  key(): string {
    return this.stack.at(-1)?.key ?? '';
  }

  /** Label of the innermost numbered section (`6` for "6. Subscriptions"), or null. */
  label(): string | null {
    return this.stack.findLast((entry) => entry.label !== null)?.label ?? null;
  }
}

function sectionKeyText(text: string): string {
  return comparisonKey(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
