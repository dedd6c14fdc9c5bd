// `clausewatch diff OLD NEW [--json]`: the one edge of the diff stage that reads files. OLD and NEW are files
// (.html through the extraction, .md, .txt) or stored version ids resolved by the caller's `loadVersion`.

import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { AppError, describeError } from '../domain/errors.ts';
import { extractTerms } from '../sources/extract-terms.ts';
import type { TextFormat } from '../diff/clean-text.ts';
import { diffParsedTerms, toContractJson } from '../diff/diff-terms.ts';
import type { SignificanceRule } from '../diff/significance/rules.ts';
import { formatDiffReport } from '../diff/format-report.ts';
import { parseClauses, type ParsedTerms } from '../diff/parse-clauses.ts';

/** What the diff command talks to. Each `stdout`/`stderr` call is one whole chunk ending in a newline. */
export interface DiffCommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colours the report when true (unless `--no-color`); `--json` is never coloured. */
  readonly isTTY: boolean;
  /** Text of a stored version by id, or undefined when there is none. */
  readonly loadVersion?: ((id: string) => Promise<string | undefined>) | undefined;
  /** Reads a file as UTF-8. @defaultValue node:fs/promises readFile */
  readonly readFile?: ((path: string) => Promise<string>) | undefined;
  /** Significance rules (built-in plus the config's). @defaultValue the built-in rules */
  readonly rules?: readonly SignificanceRule[] | undefined;
}

export const DIFF_USAGE = `Usage: clausewatch diff OLD NEW [--json] [--vendor NAME] [--title NAME] [--color|--no-color]

Shows which clauses of a terms document were added, removed, modified or moved between two versions.
OLD and NEW are files (.html is extracted first, .md is Markdown, .txt plain text) or stored version ids.

  --json           print the diff as one line of JSON (the documented contract)
  --vendor NAME    vendor named in the headline
  --title NAME     document named in the headline
  --color          colour the report even when not writing to a terminal
  --no-color       never colour the report
  -h, --help       show this help

Exit status: 0 no clause changes, 1 clause changes found, 2 error.`;

/** A bad command line or an unreadable input: reported on stderr with exit status 2. */
class DiffCommandError extends AppError {}

interface DiffArguments {
  readonly oldRef: string;
  readonly newRef: string;
  readonly json: boolean;
  readonly color: boolean | undefined;
  readonly vendor: string | undefined;
  readonly title: string | undefined;
}

/** Runs `diff OLD NEW [--json]`; `argv` holds the arguments after the word `diff`. Resolves to the exit status. */
export async function runDiffCommand(argv: readonly string[], io: DiffCommandIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${DIFF_USAGE}\n`);
    return 0;
  }
  try {
    const args = parseArguments(argv);
    const [oldTerms, newTerms] = await Promise.all([loadTerms(args.oldRef, io), loadTerms(args.newRef, io)]);
    const diff = diffParsedTerms(oldTerms, newTerms, { vendor: args.vendor, title: args.title, rules: io.rules });
    const color = !args.json && (args.color ?? io.isTTY);
    io.stdout(`${args.json ? toContractJson(diff) : formatDiffReport(diff, { color })}\n`);
    return diff.changes.length === 0 ? 0 : 1;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.stderr(`clausewatch diff: ${describeError(error).message}\n`);
    if (error instanceof DiffCommandError && error.code === 'usage') io.stderr(`${DIFF_USAGE}\n`);
    return 2;
  }
}

function parseArguments(argv: readonly string[]): DiffArguments {
  const positional: string[] = [];
  const flags = { json: false, color: undefined as boolean | undefined, vendor: undefined as string | undefined };
  let title: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') flags.json = true;
    else if (arg === '--color') flags.color = true;
    else if (arg === '--no-color') flags.color = false;
    else if (arg === '--vendor' || arg === '--title') {
      const value = argv[++i];
      if (value === undefined) throw new DiffCommandError('usage', `${arg} needs a value`);
      if (arg === '--vendor') flags.vendor = value;
      else title = value;
    } else if (arg.startsWith('-') && arg !== '-') throw new DiffCommandError('usage', `unknown option ${arg}`);
    else positional.push(arg);
  }
  const [oldRef, newRef] = positional;
  if (oldRef === undefined || newRef === undefined || positional.length > 2) {
    throw new DiffCommandError('usage', `expected OLD and NEW, got ${positional.length} argument(s)`);
  }
  return { oldRef, newRef, ...flags, title };
}

async function loadTerms(ref: string, io: DiffCommandIo): Promise<ParsedTerms> {
  const source = await readSource(ref, io);
  if (source.kind === 'version') return parseClauses(source.text);
  const extension = extname(ref).toLowerCase();
  if (extension === '.html' || extension === '.htm') {
    return parseClauses(extractTerms(source.text, { select: [], remove: [] }));
  }
  const format: TextFormat = extension === '.txt' ? 'text' : 'markdown';
  return parseClauses(source.text, { format });
}

async function readSource(ref: string, io: DiffCommandIo): Promise<{ kind: 'file' | 'version'; text: string }> {
  const read = io.readFile ?? ((path: string) => readFile(path, 'utf8'));
  try {
    return { kind: 'file', text: await read(ref) };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code !== 'ENOENT') {
      throw new DiffCommandError('unreadable_input', `cannot read ${ref}: ${describeError(error).message}`, {
        cause: error,
      });
    }
  }
  const stored = io.loadVersion === undefined ? undefined : await io.loadVersion(ref);
  if (stored !== undefined) return { kind: 'version', text: stored };
  const what = io.loadVersion === undefined ? 'no such file' : 'no such file or stored version';
  throw new DiffCommandError('input_not_found', `${ref}: ${what}`);
}
