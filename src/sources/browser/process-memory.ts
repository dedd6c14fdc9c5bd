// Resident memory of a browser's process tree, read from /proc (Linux). Elsewhere the readings are null and the
// memory bound is not enforced.
import { readdir, readFile } from 'node:fs/promises';

interface ProcessEntry {
  readonly pid: number;
  readonly ppid: number;
  readonly rssBytes: number;
}

/**
 * The process whose command line contains `marker` (the browser's main process), or null. Only children of
 * `parentPid` are looked at: Playwright spawns Chromium directly from this process.
 */
export async function findProcessByMarker(
  marker: string,
  parentPid: number = process.pid,
  procRoot = '/proc',
): Promise<number | null> {
  const entries = await readProcesses(procRoot);
  for (const entry of entries) {
    if (entry.ppid !== parentPid) continue;
    const cmdline = await readFile(`${procRoot}/${entry.pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.split('\u0000').includes(marker)) return entry.pid;
  }
  return null;
}

/**
 * Resident memory of `rootPid` and all its descendants (renderers, GPU and utility processes), in bytes; null when
 * /proc cannot be read or the process is gone. Each process counts its PSS (`/proc/PID/smaps_rollup`: shared pages
 * split among the processes sharing them), because Chromium's processes share most of their code and summing
 * plain RSS would count it once per renderer (about twice the real figure); VmRSS where PSS cannot be read.
 */
export async function processTreeRss(rootPid: number, procRoot = '/proc'): Promise<number | null> {
  const entries = await readProcesses(procRoot);
  const byParent = new Map<number, ProcessEntry[]>();
  for (const entry of entries) byParent.set(entry.ppid, [...(byParent.get(entry.ppid) ?? []), entry]);
  const root = entries.find((entry) => entry.pid === rootPid);
  if (root === undefined) return null;
  const tree: ProcessEntry[] = [];
  const pending: ProcessEntry[] = [root];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    tree.push(next);
    pending.push(...(byParent.get(next.pid) ?? []));
  }
  const sizes = await Promise.all(tree.map(async (entry) => (await readPss(procRoot, entry.pid)) ?? entry.rssBytes));
  return sizes.reduce((sum, size) => sum + size, 0);
}

async function readPss(procRoot: string, pid: number): Promise<number | null> {
  const rollup = await readFile(`${procRoot}/${pid}/smaps_rollup`, 'utf8').catch(() => null);
  const kb = rollup === null ? undefined : /^Pss:\s+(\d+)\s+kB/m.exec(rollup)?.[1];
  return kb === undefined ? null : Number(kb) * 1024;
}

async function readProcesses(procRoot: string): Promise<ProcessEntry[]> {
  const names = await readdir(procRoot).catch(() => [] as string[]);
  const entries = await Promise.all(
    names.filter((name) => /^\d+$/.test(name)).map((name) => readEntry(procRoot, name)),
  );
  return entries.filter((entry): entry is ProcessEntry => entry !== null);
}

// /proc/PID/status has both PPid and VmRSS (kB) as plain "Key:\tvalue" lines; kernel threads have no VmRSS.
async function readEntry(procRoot: string, name: string): Promise<ProcessEntry | null> {
  const status = await readFile(`${procRoot}/${name}/status`, 'utf8').catch(() => null);
  if (status === null) return null;
  const ppid = /^PPid:\s+(\d+)/m.exec(status)?.[1];
  const rssKb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (ppid === undefined) return null;
  return { pid: Number(name), ppid: Number(ppid), rssBytes: rssKb === undefined ? 0 : Number(rssKb) * 1024 };
}
