// robots.txt: fetched once per origin, cached for a while, asked before every request.
import { createRequire } from 'node:module';

/** The part of robots-parser's rules object we use. */
interface Rules {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
}

// robots-parser is CommonJS (`module.exports = fn`) while its typings declare an ES default export, which
// NodeNext resolves to the module object; loading it through require gives the function with an honest type.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => Rules;

/** Loads the robots.txt at `robotsUrl`; `null` means "no usable rules", i.e. everything is allowed. */
export type LoadRobots = (robotsUrl: string) => Promise<string | null>;

export interface RobotsCacheOptions {
  readonly load: LoadRobots;
  /** Our User-Agent; robots-parser matches its product token (`clausewatch`). */
  readonly userAgent: string;
  /** How long one origin's rules are trusted. @defaultValue 3_600_000 (1 h) */
  readonly ttlMs?: number | undefined;
  /** Monotonic milliseconds. @defaultValue performance.now */
  readonly now?: (() => number) | undefined;
}

/** Answers "may we fetch this URL?" from cached robots.txt rules. */
export interface RobotsCache {
  isAllowed(url: URL): Promise<boolean>;
}

interface Entry {
  readonly rules: Promise<Rules | null>;
  readonly expiresAt: number;
}

/**
 * Creates the cache. Concurrent requests to one origin share a single in-flight robots.txt load. Whatever the
 * loader could not turn into rules (`null`) allows everything until the entry expires.
 */
export function createRobotsCache(options: RobotsCacheOptions): RobotsCache {
  const ttlMs = options.ttlMs ?? 3_600_000;
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, Entry>();

  const rulesFor = (origin: string): Promise<Rules | null> => {
    const cached = entries.get(origin);
    const current = now();
    if (cached !== undefined && cached.expiresAt > current) return cached.rules;
    const robotsUrl = `${origin}/robots.txt`;
    const rules = options.load(robotsUrl).then(
      (text) => (text === null ? null : robotsParser(robotsUrl, text)),
      () => null,
    );
    entries.set(origin, { rules, expiresAt: current + ttlMs });
    return rules;
  };

  return {
    async isAllowed(url) {
      const rules = await rulesFor(url.origin);
      // robots-parser answers undefined for URLs outside the file's origin; ours always match, so allow.
      return rules?.isAllowed(url.href, options.userAgent) ?? true;
    },
  };
}
