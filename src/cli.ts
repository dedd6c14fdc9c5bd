import { createRequire } from 'node:module';
import { runCheckCommand } from './cli/check-command.ts';
import { isEntryPoint } from './cli/entry-point.ts';
import { DIFF_USAGE, runDiffCommand } from './cli/diff-command.ts';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo } from './cli/cli-io.ts';
import { EXEC_USAGE, runExecCommand } from './cli/exec-command.ts';
import { HELP } from './cli/help.ts';
import { NEWS_USAGE, runNewsCommand } from './cli/news-command.ts';
import { runSourcesCommand } from './cli/sources-command.ts';
import { loadDotEnv, readEnvironment } from './config/env.ts';
import { loadConfig, type Config } from './config/load-config.ts';
import { AppError, ConfigError } from './domain/errors.ts';
import { createLogger } from './logger.ts';
import { runBot } from './main.ts';
import { createSqliteStore, type SqliteStore } from './store/sqlite-store.ts';

type CommandName = 'start' | 'check' | 'sources' | 'diff' | 'news' | 'exec';
const COMMANDS: readonly CommandName[] = ['start', 'check', 'sources', 'diff', 'news', 'exec'];

interface ParsedArgs {
  readonly command: CommandName;
  readonly rest: string[];
  readonly configPath: string | undefined;
  readonly help: boolean;
  readonly version: boolean;
}

/** Splits global options (`--config`, `--help`, `--version`) from the command and its own arguments. */
export function parseGlobalArgs(argv: readonly string[]): ParsedArgs | string {
  const rest: string[] = [];
  let command: CommandName | undefined;
  let configPath: string | undefined;
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--config') {
      configPath = argv[(i += 1)];
      if (configPath === undefined) return '--config needs a path';
    } else if (arg.startsWith('--config=')) configPath = arg.slice('--config='.length);
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--version' || arg === '-v') version = true;
    else if (command === undefined && !arg.startsWith('-')) {
      if (!COMMANDS.includes(arg as CommandName)) return `unknown command "${arg}"`;
      command = arg as CommandName;
    } else rest.push(arg);
  }
  return { command: command ?? 'start', rest, configPath, help, version };
}

/** Runs the CLI and resolves with the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseGlobalArgs(argv);
  if (typeof parsed === 'string') {
    io.stderr(`${parsed}\n\n${HELP.main}`);
    return EXIT_USAGE;
  }
  if (parsed.version) {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  if (parsed.help) {
    io.stdout(parsed.command === 'start' && !argv.includes('start') ? HELP.main : helpFor(parsed.command));
    return EXIT_OK;
  }
  let config: Readonly<Config>;
  try {
    config = loadConfig({ configPath: parsed.configPath, env: io.env, cwd: io.cwd });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`clausewatch: ${error.message}\n`);
    return EXIT_FAILURE;
  }
  return runCommand(parsed, config, io);
}

async function runCommand(parsed: ParsedArgs, config: Readonly<Config>, io: CliIo): Promise<number> {
  const logger = io.createLogger(config.logLevel);
  try {
    switch (parsed.command) {
      case 'start':
        await runBot(config, logger, { write: io.stdout, color: io.stdoutIsTTY });
        return EXIT_OK;
      case 'check':
        return await runCheckCommand(parsed.rest, config, logger, io);
      case 'sources':
        return await runSourcesCommand(parsed.rest, config, io);
      case 'diff':
        return await runDiffCli(parsed.rest, config, io);
      case 'news':
        return await runNewsCommand(parsed.rest, config, io);
      case 'exec':
        return await runExecCommand(parsed.rest, config, logger, io);
    }
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${error.message}\n\n${helpFor(parsed.command)}`);
      return EXIT_USAGE;
    }
    if (!(error instanceof AppError)) throw error;
    io.stderr(`clausewatch: ${error.message}\n`);
    return EXIT_FAILURE;
  }
}

function helpFor(command: CommandName): string {
  if (command === 'diff') return DIFF_USAGE;
  if (command === 'news') return NEWS_USAGE;
  if (command === 'exec') return EXEC_USAGE;
  return HELP[command];
}

async function runDiffCli(args: readonly string[], config: Readonly<Config>, io: CliIo): Promise<number> {
  let store: SqliteStore | undefined;
  try {
    return await runDiffCommand([...args], {
      stdout: io.stdout,
      stderr: io.stderr,
      isTTY: io.stdoutIsTTY,
      rules: config.significanceRules,
      loadVersion: async (id) => {
        store ??= await createSqliteStore({ dataDir: config.dataDir });
        return (await store.getVersion(id))?.text;
      },
    });
  } finally {
    await store?.close();
  }
}

function packageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../package.json') as { version: string }).version;
}

/** Entry point: runs with the real process and sets the exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const cwd = process.cwd();
  loadDotEnv(cwd);
  const stderrIsTTY = process.stderr.isTTY;
  process.exitCode = await runCli(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY,
    stderrIsTTY,
    env: readEnvironment(),
    cwd,
    createLogger: (level) => createLogger(level, { pretty: stderrIsTTY }),
  });
}


if (isEntryPoint(import.meta.url)) await main();
