import { z } from 'zod';
import cron from 'node-cron';
import { significanceRulesSchema } from '../diff/significance/rules.ts';
import { newsDictionariesSchema } from '../news/dictionaries.ts';

const cronExpression = z
  .string()
  .refine((value) => cron.validate(value), { error: 'expected a cron expression such as "*/15 * * * *"' });

const httpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { error: 'expected an http(s) URL' },
);

const selectorList = z
  .union([z.string().min(1), z.array(z.string().min(1))])
  .transform((value) => (typeof value === 'string' ? [value] : value));

const listingSchema = z.strictObject({
  item: z.string().min(1),
  title: z.string().min(1),
  link: z.string().min(1).optional(),
  date: z.string().min(1).optional(),
  summary: z.string().min(1).optional(),
});

const browserMode = z.enum(['auto', 'always', 'never']);

/** One source in the user's config file. */
export const sourceSchema = z
  .strictObject({
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)?$/,
        'expected a lower-case id like "acme/terms-of-service"',
      ),
    kind: z.enum(['terms', 'feed', 'page']),
    vendor: z.string().min(1),
    title: z.string().min(1).optional(),
    url: httpUrl,
    select: selectorList.optional(),
    remove: selectorList.optional(),
    schedule: cronExpression.optional(),
    language: z.string().length(2).optional(),
    /** Item selectors, required for `kind: page`. */
    items: listingSchema.optional(),
    /** Headless browser use; absent: `browser.default`. */
    browser: browserMode.optional(),
  })
  .refine((source) => source.kind !== 'page' || source.items !== undefined, {
    error: 'a source of kind "page" needs `items` selectors ({ item, title, link?, date?, summary? })',
    path: ['items'],
  });

const fetchSchema = z.strictObject({
  userAgent: z.string().min(1).default('clausewatch/0.1 (+https://github.com/clausewatch/clausewatch)'),
  connectTimeoutMs: z.number().int().positive().default(10_000),
  timeoutMs: z.number().int().positive().default(30_000),
  maxBodyBytes: z
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).max(20).default(5),
  perHostConcurrency: z.number().int().positive().default(2),
  perHostSpacingMs: z.number().int().min(0).default(500),
  /** Retries after the first try, for network errors, 5xx and 429. */
  retries: z.number().int().min(0).max(10).default(2),
  respectRobots: z.boolean().default(true),
  /** Hosts exempt from the private-address guard (e.g. an internal mirror), as written in URLs. */
  allowHosts: z.array(z.string().min(1)).default([]),
});

/** The headless browser for pages that need scripts (system Chromium driven by playwright-core). */
const browserSchema = z.strictObject({
  /** Mode of sources that set none: `auto` tries plain HTTP first and falls back to the browser on a bot wall. */
  default: browserMode.default('auto'),
  /** Chromium or Chrome binary; absent: found at the usual places (/usr/bin/chromium, …). */
  executablePath: z.string().min(1).optional(),
  /** Pages rendered at once; more requests wait. */
  pages: z.number().int().min(1).max(16).default(2),
  /** Deadline for one page, from navigation to the snapshot. */
  pageTimeoutMs: z.number().int().positive().default(30_000),
  /** Without a body selector: how long to wait for the network to go idle before taking the snapshot anyway. */
  settleTimeoutMs: z.number().int().min(0).default(5_000),
  /** The browser is closed after this long without a page to render. */
  idleCloseSeconds: z.number().min(0).default(60),
  /** The browser is relaunched once the RSS of its process tree passes this (Linux, read from /proc). */
  maxMemoryMb: z.number().int().min(64).default(1024),
});

/** Days a kind of row is kept: whole days, at least one. */
const retentionDays = z.number().int().min(1);

/**
 * How long the bot keeps what it no longer needs. Terms snapshots and versions are the product's history and are
 * never pruned; these are the rows that would otherwise grow without bound.
 */
const retentionSchema = z.strictObject({
  /** Sent, failed and disabled deliveries are deleted this long after they were written; pending ones never. */
  deliveriesDays: retentionDays.default(30),
  /** Events (the log digests and `/latest` read) older than this are deleted. */
  eventsDays: retentionDays.default(365),
  /** News items first seen longer ago are deleted; must outlast `news.dedupeWindowHours`, which compares with them. */
  newsDays: retentionDays.default(180),
  /** When the prune runs (node-cron, server time); it also runs once shortly after start. */
  schedule: cronExpression.default('17 3 * * *'),
});

/** The whole config file. Every key is optional; defaults make a working setup. */
export const configSchema = z
  .strictObject({
    dataDir: z.string().min(1).default('./data'),
    catalog: z.boolean().default(true),
    /** Catalog source ids to leave out. */
    exclude: z.array(z.string()).default([]),
    allowPrivateNetworks: z.boolean().default(false),
    /** Consecutive failures after which a source is reported as failing. */
    failureThreshold: z.number().int().positive().default(3),
    /** A changed document is fetched once more after this delay before the change is recorded. */
    confirmDelaySeconds: z.number().min(0).default(60),
    /** Sources polled at once across all hosts. */
    concurrency: z.number().int().positive().default(8),
    schedules: z
      .strictObject({
        terms: cronExpression.default('*/15 * * * *'),
        feed: cronExpression.default('*/5 * * * *'),
        page: cronExpression.default('*/10 * * * *'),
      })
      .default({ terms: '*/15 * * * *', feed: '*/5 * * * *', page: '*/10 * * * *' }),
    fetch: fetchSchema.default(fetchSchema.parse({})),
    browser: browserSchema.default(browserSchema.parse({})),
    news: z
      .strictObject({
        /** Reports of one story further apart than this are two stories. */
        dedupeWindowHours: z
          .number()
          .positive()
          .max(24 * 30)
          .default(48),
        /** Items read from one feed at most. */
        maxItemsPerFeed: z.number().int().positive().max(10_000).default(500),
        /** Extra vendor and topic patterns (regular expressions), added to the built-in dictionaries. */
        vendors: newsDictionariesSchema.shape.vendors,
        topics: newsDictionariesSchema.shape.topics,
      })
      .default({ dedupeWindowHours: 48, maxItemsPerFeed: 500 }),
    /** Extra or adjusted significance rules for the clause diff (see README). */
    significance: z.strictObject({ rules: significanceRulesSchema.default([]) }).default({ rules: [] }),
    retention: retentionSchema.default(retentionSchema.parse({})),
    logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
    sources: z.array(sourceSchema).default([]),
  })
  // Pruning news the dedupe window still compares with would let a story another feed carries again be
  // announced a second time.
  .superRefine((config, context) => {
    const { newsDays } = config.retention;
    const { dedupeWindowHours } = config.news;
    if (newsDays * 24 > dedupeWindowHours) return;
    context.addIssue({
      code: 'custom',
      path: ['retention', 'newsDays'],
      input: newsDays,
      message: `expected more days than news.dedupeWindowHours (${String(dedupeWindowHours)} h) covers: stored news is compared with new stories over that window`,
    });
  });

export type ConfigFile = z.infer<typeof configSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
export type FetchConfig = z.infer<typeof fetchSchema>;
export type BrowserConfig = z.infer<typeof browserSchema>;
export type RetentionConfig = z.infer<typeof retentionSchema>;
