import { parseArgs } from 'node:util';
import { formatEventForConsole } from '../bots/console/format-event.ts';
import type { Config } from '../config/load-config.ts';
import type { TrackerEvent } from '../domain/events.ts';
import type { Logger } from '../domain/logger.ts';
import { createRuntime } from '../main.ts';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './cli-io.ts';

/** `clausewatch check --once`: polls every source once and prints the events. */
export async function runCheckCommand(
  args: readonly string[],
  config: Readonly<Config>,
  logger: Logger,
  io: CliIo,
): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { once: { type: 'boolean' }, json: { type: 'boolean' }, source: { type: 'string', multiple: true } },
    allowPositionals: false,
  });
  const wanted = values.source ?? [];
  const unknown = wanted.filter((id) => !config.sources.some((source) => source.id === id));
  if (unknown.length > 0) {
    io.stderr(`unknown source: ${unknown.join(', ')} (see: clausewatch sources)\n`);
    return EXIT_USAGE;
  }
  const sources = wanted.length === 0 ? config.sources : config.sources.filter((s) => wanted.includes(s.id));
  const runtime = await createRuntime(config, logger);
  try {
    runtime.bus.subscribe((event) => {
      io.stdout(
        values.json === true
          ? `${JSON.stringify(event)}\n`
          : `${formatEventForConsole(event, { color: io.stdoutIsTTY })}\n`,
      );
    });
    const events = await runtime.tracker.poll(sources);
    if (values.json !== true) io.stdout(`${summarize(sources.length, events)}\n`);
  } finally {
    await runtime.close();
  }
  return EXIT_OK;
}

function summarize(sourceCount: number, events: readonly TrackerEvent[]): string {
  const count = (type: TrackerEvent['type']): number => events.filter((event) => event.type === type).length;
  return `checked ${sourceCount} sources: ${count('baseline')} new, ${count('terms-change')} changed, ${count('news')} with news, ${count('source-error')} failed`;
}
