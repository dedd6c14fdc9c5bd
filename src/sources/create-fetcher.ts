import type { Config } from '../config/load-config.ts';
import type { Fetcher } from './fetcher.ts';
import { createHttpFetcher } from './http/http-fetcher.ts';

/** The fetcher the running bot uses, configured from the config file. */
export function createFetcher(config: Readonly<Config>): Fetcher {
  return createHttpFetcher({
    userAgent: config.fetch.userAgent,
    connectTimeoutMs: config.fetch.connectTimeoutMs,
    totalTimeoutMs: config.fetch.timeoutMs,
    maxBodyBytes: config.fetch.maxBodyBytes,
    maxRedirects: config.fetch.maxRedirects,
    perHostConcurrency: config.fetch.perHostConcurrency,
    perHostSpacingMs: config.fetch.perHostSpacingMs,
    retry: { attempts: config.fetch.retries + 1 },
    respectRobotsTxt: config.fetch.respectRobots,
    allowPrivateNetworks: config.allowPrivateNetworks,
    allowHosts: config.fetch.allowHosts,
  });
}
