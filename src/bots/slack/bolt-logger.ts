import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../domain/logger.ts';

/** Slack tokens (`xoxb-…`, `xoxp-…`, `xapp-…`) anywhere in a log line. */
const TOKEN = /\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+/gu;

/**
 * Bolt's, web-api's and socket-mode's logging sent to ours. Their debug output can quote request bodies and
 * headers, so every line loses Slack tokens and the given secrets (the signing secret) before it is written.
 * Bolt's own chatter is debug; its info is kept at debug too (it announces every reconnect and retry).
 */
export function toBoltLogger(logger: Logger, secrets: readonly string[] = []): BoltLogger {
  let level = LogLevel.INFO;
  let name = 'slack';
  const line = (parts: readonly unknown[]): { fields: object; message: string } => {
    let message = parts.map(partText).join(' ').replace(TOKEN, '[token]');
    for (const secret of secrets) if (secret !== '') message = message.replaceAll(secret, '[secret]');
    return { fields: { component: name }, message };
  };
  return {
    debug: (...parts: unknown[]) => {
      const { fields, message } = line(parts);
      logger.debug(fields, message);
    },
    info: (...parts: unknown[]) => {
      const { fields, message } = line(parts);
      logger.debug(fields, message);
    },
    warn: (...parts: unknown[]) => {
      const { fields, message } = line(parts);
      logger.warn(fields, message);
    },
    error: (...parts: unknown[]) => {
      const { fields, message } = line(parts);
      logger.error(fields, message);
    },
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}

function partText(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.message;
  try {
    // JSON.stringify gives undefined for functions and symbols, though its type does not say so.
    const json = JSON.stringify(part) as string | undefined;
    return json ?? String(part);
  } catch {
    return String(part);
  }
}
