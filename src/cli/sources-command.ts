import { parseArgs } from 'node:util';
import pc from 'picocolors';
import type { Config } from '../config/load-config.ts';
import {
  fetchedWithBrowser,
  isFailing,
  type BrowserMode,
  type SourceDeclaration,
  type SourceHealth,
} from '../domain/source.ts';
import { createSqliteStore } from '../store/sqlite-store.ts';
import { EXIT_OK, type CliIo } from './cli-io.ts';

export interface SourceRow {
  readonly id: string;
  readonly kind: string;
  readonly vendor: string;
  readonly status: 'ok' | 'failing' | 'erroring' | 'never-checked';
  readonly lastFetchAt: string | null;
  readonly lastChangeAt: string | null;
  readonly consecutiveFailures: number;
  readonly lastError: string | null;
  readonly url: string;
  /** Polled through the headless browser (declared `always`, or found behind a bot wall). */
  readonly browser: boolean;
}

/** `clausewatch sources`: the watched sources and their health. */
export async function runSourcesCommand(args: readonly string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { json: { type: 'boolean' } }, allowPositionals: false });
  const store = await createSqliteStore({ dataDir: config.dataDir });
  try {
    const health = new Map((await store.listHealth()).map((entry) => [entry.sourceId, entry]));
    const rows = config.sources.map((source) =>
      toRow(source, health.get(source.id), config.failureThreshold, config.browser.default),
    );
    io.stdout(values.json === true ? `${JSON.stringify({ sources: rows })}\n` : formatTable(rows, io.stdoutIsTTY));
  } finally {
    await store.close();
  }
  return EXIT_OK;
}

export function toRow(
  source: SourceDeclaration,
  health: SourceHealth | undefined,
  threshold: number,
  defaultBrowserMode: BrowserMode = 'auto',
): SourceRow {
  const failures = health?.consecutiveFailures ?? 0;
  let status: SourceRow['status'] = 'ok';
  if (health === undefined) status = 'never-checked';
  else if (isFailing(health, threshold)) status = 'failing';
  else if (failures > 0) status = 'erroring';
  return {
    id: source.id,
    kind: source.kind,
    vendor: source.vendor,
    status,
    lastFetchAt: health?.lastFetchAt ?? null,
    lastChangeAt: health?.lastChangeAt ?? null,
    consecutiveFailures: failures,
    lastError: health?.lastError ?? null,
    url: source.url,
    browser: fetchedWithBrowser(source, health, defaultBrowserMode),
  };
}

const STATUS_COLOR = { ok: pc.green, failing: pc.red, erroring: pc.yellow, 'never-checked': pc.dim } as const;

function formatTable(rows: readonly SourceRow[], color: boolean): string {
  const header = ['SOURCE', 'KIND', 'STATUS', 'LAST FETCH', 'LAST CHANGE', 'FAILS', 'LAST ERROR'];
  const cells = rows.map((row) => [
    row.id,
    row.browser ? `${row.kind} (browser)` : row.kind,
    row.status,
    shortTime(row.lastFetchAt),
    shortTime(row.lastChangeAt),
    String(row.consecutiveFailures),
    row.lastError === null ? '' : row.lastError.slice(0, 80),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => (line[i] ?? '').length)));
  const render = (line: readonly string[], paint?: (s: string) => string): string =>
    line
      .map((cell, i) => {
        const padded = cell.padEnd(widths[i] ?? 0);
        return i === 2 && paint !== undefined ? paint(padded) : padded;
      })
      .join('  ')
      .trimEnd();
  const body = cells.map((line, i) => {
    const status = rows[i]?.status ?? 'ok';
    return render(line, color ? STATUS_COLOR[status] : undefined);
  });
  return `${[render(header), ...body].join('\n')}\n`;
}

function shortTime(iso: string | null): string {
  return iso === null ? '—' : `${iso.slice(0, 16).replace('T', ' ')}Z`;
}
