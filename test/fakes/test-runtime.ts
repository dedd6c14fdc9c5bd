import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/load-config.ts';
import { silentLogger, type Logger } from '../../src/domain/logger.ts';
import { createRuntime, type Runtime } from '../../src/main.ts';
import { createFakeFetcher, type FakeFetcher } from './fake-fetcher.ts';

export interface TestRuntime {
  readonly runtime: Runtime;
  readonly fetcher: FakeFetcher;
  readonly dataDir: string;
  /** Closes the runtime and removes its data directory. */
  close(): Promise<void>;
}

/**
 * A whole runtime (catalog sources, real SQLite file in a fresh temp dir) whose fetcher is a fake: what chat
 * adapter tests run commands and deliveries against.
 */
export async function createTestRuntime(
  env: Readonly<Record<string, string | undefined>> = {},
  logger: Logger = silentLogger,
): Promise<TestRuntime> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'clausewatch-runtime-'));
  const config = loadConfig({ env: { ...env, CLAUSEWATCH_DATA_DIR: dataDir }, cwd: dataDir });
  const fetcher = createFakeFetcher();
  const runtime = await createRuntime(config, logger, { fetcher });
  return {
    runtime,
    fetcher,
    dataDir,
    async close() {
      await runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
