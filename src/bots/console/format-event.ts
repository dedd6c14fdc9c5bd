import pc from 'picocolors';
import type { TrackerEvent, TermsChanged } from '../../domain/events.ts';
import type { ClauseChange, Significance } from '../../domain/terms-diff.ts';

type Colors = ReturnType<typeof pc.createColors>;

/** How many clause changes an alert lists before it says "and N more". */
const MAX_LISTED_CHANGES = 12;

/** A readable, optionally coloured rendering of one tracker event for a terminal. */
export function formatEventForConsole(event: TrackerEvent, options: { readonly color: boolean }): string {
  const c = pc.createColors(options.color);
  switch (event.type) {
    case 'baseline':
      return c.dim(
        `• ${event.source}: first ${event.kind === 'terms' ? 'version' : 'feed state'} recorded (${event.versionId.slice(0, 12)})`,
      );
    case 'terms-change':
      return formatTermsChange(event, c);
    case 'news':
      return event.items
        .map((item) => `${c.cyan('▸ news')} ${c.bold(item.title)} ${c.dim(`— ${event.title}`)}\n  ${item.url}`)
        .join('\n');
    case 'source-error':
      return c.red(
        `✖ ${event.source} ${event.failing ? `is failing (${event.consecutiveFailures} failures in a row)` : 'could not be checked'}: ${event.message}`,
      );
  }
}

function formatTermsChange(event: TermsChanged, c: Colors): string {
  const lines = [c.bold(c.yellow(`⚑ ${event.diff.summary}`)), c.dim(`  ${event.url}`)];
  for (const change of event.diff.changes.slice(0, MAX_LISTED_CHANGES)) lines.push(`  ${formatChange(change, c)}`);
  const hidden = event.diff.changes.length - MAX_LISTED_CHANGES;
  if (hidden > 0) lines.push(c.dim(`  … and ${hidden} more`));
  return lines.join('\n');
}

function formatChange(change: ClauseChange, c: Colors): string {
  const where = [change.section, change.label].filter((part) => part !== null && part !== '').join(' ');
  return `${badge(change.significance, c)} ${change.kind}${where === '' ? '' : ` ${c.dim(where)}`}: ${change.summary}`;
}

function badge(significance: Significance, c: Colors): string {
  if (significance === 'high') return c.bgRed(c.white(' HIGH '));
  if (significance === 'medium') return c.bgYellow(c.black(' MED  '));
  return c.dim(' low  ');
}
