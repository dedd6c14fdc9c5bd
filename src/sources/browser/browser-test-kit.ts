// Shared by the browser tests: whether Chromium is here, and a logger that keeps what it is told. Tests only.
import { describe } from 'vitest';
import type { Logger } from '../../domain/logger.ts';
import { findChromium } from './find-chromium.ts';

const lookup = findChromium(undefined);

/** `describe`, or a skipped one whose name says why when no Chromium is installed (CI installs it). */
export const describeWithChromium =
  lookup.kind === 'found' ? describe : (describe.skip.bind(describe) as typeof describe);

/** Why browser tests are skipped here, for test names. */
export const chromiumNote =
  lookup.kind === 'found' ? `Chromium at ${lookup.path}` : 'SKIPPED: no Chromium (apt-get install chromium)';

export interface LoggedLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly fields: object;
  readonly message: string | undefined;
}

/** A logger that records every line. */
export function recordingLogger(): Logger & { readonly lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  const at =
    (level: LoggedLine['level']) =>
    (fields: object, message?: string): void => {
      lines.push({ level, fields, message });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
