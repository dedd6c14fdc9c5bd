import { existsSync } from 'node:fs';
import path from 'node:path';

/** Environment variables as clausewatch sees them: the only place that reads `process.env`. */
export function readEnvironment(): Readonly<Record<string, string | undefined>> {
  return { ...process.env };
}

/** Loads `.env` from the working directory when present; variables already set win. */
export function loadDotEnv(cwd: string): void {
  const file = path.join(cwd, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}
