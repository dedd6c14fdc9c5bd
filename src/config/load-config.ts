import { readDiscordSettings, readSlackSettings, type DiscordSettings, type SlackSettings } from './chat-settings.ts';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../domain/errors.ts';
import type { SourceDeclaration } from '../domain/source.ts';
import { defaultRules, mergeRules, type SignificanceRule } from '../diff/significance/rules.ts';
import { defaultNewsDictionaries, mergeNewsDictionaries } from '../news/dictionaries.ts';
import type { NewsOptions } from '../tracker/news-pipeline.ts';
import { builtInCatalog } from '../sources/catalog/index.ts';
import { configSchema, type ConfigFile, type SourceConfig } from './schema.ts';

/** The validated configuration the rest of clausewatch reads. */
export interface Config extends Omit<ConfigFile, 'sources' | 'news'> {
  /** The file it was read from, or null for built-in defaults. */
  readonly configPath: string | null;
  /** Absolute data directory. */
  readonly dataDir: string;
  /** Catalog (unless switched off) plus the user's sources; a user source replaces a catalog one with its id. */
  readonly sources: readonly SourceDeclaration[];
  /** The built-in significance rules with the user's additions folded in. */
  readonly significanceRules: readonly SignificanceRule[];
  /** Dictionaries (built-in plus the user's), dedupe window and caps of the news pipeline. */
  readonly news: NewsOptions;
  /** Discord connection, when `DISCORD_TOKEN` is set. */
  readonly discord: DiscordSettings | null;
  /** Slack connection, when `SLACK_BOT_TOKEN` is set. */
  readonly slack: SlackSettings | null;
}

export interface LoadConfigOptions {
  /** `--config PATH` from the command line. */
  readonly configPath?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

const DEFAULT_CONFIG_FILE = 'clausewatch.yaml';

/** Reads, validates and resolves the configuration. Throws `ConfigError` naming the key, value and expectation. */
export function loadConfig(options: LoadConfigOptions): Readonly<Config> {
  const configPath = resolveConfigPath(options);
  const raw = configPath === null ? {} : readYaml(configPath);
  const withEnv = applyEnvOverrides(raw, options.env);
  const parsed = configSchema.safeParse(withEnv, { reportInput: true });
  if (!parsed.success) throw new ConfigError(formatIssues(configPath, parsed.error.issues));
  const file = parsed.data;
  const baseDir = configPath === null ? options.cwd : path.dirname(configPath);
  return {
    ...file,
    configPath,
    dataDir: path.resolve(baseDir, file.dataDir),
    sources: resolveSources(file, configPath),
    discord: readDiscordSettings(options.env),
    slack: readSlackSettings(options.env),
    significanceRules: mergeSignificanceRules(file, configPath),
    news: {
      dictionaries: mergeNewsDictionaries(defaultNewsDictionaries, {
        vendors: file.news.vendors,
        topics: file.news.topics,
      }),
      dedupeWindowMs: file.news.dedupeWindowHours * 3_600_000,
      maxItemsPerFeed: file.news.maxItemsPerFeed,
    },
  };
}

function resolveConfigPath({ configPath, env, cwd }: LoadConfigOptions): string | null {
  const explicit = configPath ?? env.CLAUSEWATCH_CONFIG;
  if (explicit !== undefined && explicit !== '') {
    const absolute = path.resolve(cwd, explicit);
    if (!existsSync(absolute)) throw new ConfigError(`config file not found: ${absolute}`);
    return absolute;
  }
  const fallback = path.resolve(cwd, DEFAULT_CONFIG_FILE);
  return existsSync(fallback) ? fallback : null;
}

function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${file}`, { cause: error });
  }
  try {
    return parseYaml(text) ?? {};
  } catch (error) {
    const where = error instanceof YAMLParseError ? ` (line ${error.linePos?.[0].line ?? '?'})` : '';
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(`${file}${where}: not valid YAML: ${reason}`, { cause: error });
  }
}

/** Deployment overrides from the environment (one `CLAUSEWATCH_` prefix). */
function applyEnvOverrides(raw: unknown, env: LoadConfigOptions['env']): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const merged: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  if (env.CLAUSEWATCH_DATA_DIR) merged.dataDir = env.CLAUSEWATCH_DATA_DIR;
  if (env.CLAUSEWATCH_LOG_LEVEL) merged.logLevel = env.CLAUSEWATCH_LOG_LEVEL;
  if (env.CLAUSEWATCH_ALLOW_PRIVATE_NETWORKS) {
    merged.allowPrivateNetworks = ['1', 'true', 'yes'].includes(env.CLAUSEWATCH_ALLOW_PRIVATE_NETWORKS.toLowerCase());
  }
  if (env.CLAUSEWATCH_CHROMIUM_PATH) {
    // A non-object `browser` is left as it is, for the schema to report.
    const browser = merged.browser ?? {};
    if (typeof browser === 'object' && !Array.isArray(browser)) {
      merged.browser = { ...browser, executablePath: env.CLAUSEWATCH_CHROMIUM_PATH };
    }
  }
  return merged;
}

function formatIssues(configPath: string | null, issues: readonly z.core.$ZodIssue[]): string {
  const where = configPath ?? 'configuration';
  const lines = issues.slice(0, 10).map((issue) => {
    const key = issue.path.length === 0 ? '(top level)' : formatPath(issue.path);
    const value = 'input' in issue && issue.input !== undefined ? `: got ${JSON.stringify(issue.input)}` : '';
    return `  ${key}${value} — ${issue.message}`;
  });
  const more = issues.length > 10 ? `\n  … and ${issues.length - 10} more` : '';
  return `invalid configuration in ${where}:\n${lines.join('\n')}${more}`;
}

function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

function resolveSources(file: ConfigFile, configPath: string | null): SourceDeclaration[] {
  const user = file.sources.map(toDeclaration);
  assertUniqueIds(user, configPath);
  const userIds = new Set(user.map((source) => source.id));
  const excluded = new Set(file.exclude);
  const catalog = file.catalog ? builtInCatalog.filter((s) => !userIds.has(s.id) && !excluded.has(s.id)) : [];
  return [...catalog, ...user];
}

function assertUniqueIds(sources: readonly SourceDeclaration[], configPath: string | null): void {
  const seen = new Set<string>();
  for (const [index, source] of sources.entries()) {
    if (seen.has(source.id)) {
      throw new ConfigError(
        `invalid configuration in ${configPath ?? 'configuration'}:\n  sources[${index}].id: got "${source.id}" — expected an id not used by another source`,
      );
    }
    seen.add(source.id);
  }
}

function toDeclaration(source: SourceConfig): SourceDeclaration {
  return {
    id: source.id,
    kind: source.kind,
    vendor: source.vendor,
    title: source.title ?? source.id,
    url: source.url,
    select: source.select ?? [],
    remove: source.remove ?? [],
    schedule: source.schedule,
    language: source.language,
    listing: source.items,
    browser: source.browser,
  };
}

function mergeSignificanceRules(file: ConfigFile, configPath: string | null): readonly SignificanceRule[] {
  try {
    return mergeRules(defaultRules, file.significance.rules);
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new ConfigError(`invalid configuration in ${configPath ?? 'configuration'}:\n  ${error.message}`);
    }
    throw error;
  }
}
