import type { Logger } from '../domain/logger.ts';

/** What a CLI command may touch: output streams, the environment as read by config, and the working dir. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Builds the logger once the configured level is known. */
  readonly createLogger: (level: import('../logger.ts').LogLevel) => Logger;
}

/** Exit codes: 0 success, 1 failure (config, runtime), 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
