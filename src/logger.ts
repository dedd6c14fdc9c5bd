import { pino, type Logger as PinoLogger } from 'pino';
import type { Logger } from './domain/logger.ts';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

/** Field paths whose values never reach a log line. */
const REDACTED = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'signingSecret',
  '*.signingSecret',
  'secret',
  '*.secret',
  'password',
  '*.password',
];

/**
 * Logs go to stderr so stdout stays for alerts and `--json` output: JSON lines, or short readable lines when
 * stderr is a terminal.
 */
export function createLogger(level: LogLevel, options: { readonly pretty: boolean }): Logger & PinoLogger {
  const destination = options.pretty ? prettyStderr() : pino.destination({ fd: 2, sync: true });
  return pino({ level, redact: { paths: REDACTED, censor: '[redacted]' }, base: null }, destination);
}

const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

function prettyStderr(): { write(line: string): void } {
  return {
    write(line: string) {
      const { level, time, msg, ...fields } = JSON.parse(line) as Record<string, unknown>;
      const clock = new Date(Number(time)).toISOString().slice(11, 19);
      const extra = Object.entries(fields)
        .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(' ');
      process.stderr.write(`${clock} ${LEVEL_NAMES[Number(level)] ?? 'LOG'} ${typeof msg === 'string' ? msg : ''} ${extra}\n`);
    },
  };
}
