// Placeholder until the clause diff lands: a line diff shaped like the clause contract.
import type { TermsDiff, ClauseChange } from '../domain/terms-diff.ts';

export interface DiffOptions {
  readonly vendor?: string | undefined;
  readonly title?: string | undefined;
}

export function diffTerms(before: string, after: string, options: DiffOptions = {}): TermsDiff {
  const oldLines = new Set(before.split('\n').map((l) => l.trim()).filter(Boolean));
  const newLines = new Set(after.split('\n').map((l) => l.trim()).filter(Boolean));
  const changes: ClauseChange[] = [];
  for (const line of oldLines) if (!newLines.has(line)) changes.push(lineChange('removed', line));
  for (const line of newLines) if (!oldLines.has(line)) changes.push(lineChange('added', line));
  const name = [options.vendor, options.title].filter(Boolean).join(' ');
  return { changes, effectiveDate: null, summary: `${name}: ${changes.length} lines changed` };
}

function lineChange(kind: 'added' | 'removed', text: string): ClauseChange {
  return {
    kind,
    section: '',
    label: null,
    before: kind === 'removed' ? text : null,
    after: kind === 'added' ? text : null,
    significance: 'low',
    topics: [],
    summary: `${kind}: ${text.slice(0, 80)}`,
  };
}
