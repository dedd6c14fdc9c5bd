// Command-line switches for headless Chromium on a locked-down server.

/** Options of {@link chromiumArgs}. */
export interface ChromiumArgsOptions {
  /**
   * An argument Chromium ignores but that names this launch in the process table, so its process tree can be
   * found in /proc for the memory bound (`--clausewatch-browser=<uuid>`).
   */
  readonly instanceMarker: string;
  /** Host of the guard proxy: the one name Chromium itself may resolve (an IP literal in practice). */
  readonly proxyHost: string;
}

/**
 * Switches on top of Playwright's headless defaults. No GPU (servers have none); /tmp instead of a small
 * /dev/shm (containers); no background networking, component updates, sync, translate or crash reports, which
 * would otherwise call Google from the server at every start; no first-run UI or extensions. The host resolver
 * maps every name to "not found": all page traffic goes through the guard proxy, which resolves names itself,
 * so nothing may resolve and connect around it. WebRTC may not send UDP outside the proxy either.
 * The sandbox is decided by the caller (`chromiumSandbox`): Chromium refuses to run sandboxed as root.
 */
export function chromiumArgs(options: ChromiumArgsOptions): string[] {
  return [
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-breakpad',
    '--disable-domain-reliability',
    '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication',
    '--no-first-run',
    '--no-default-browser-check',
    '--mute-audio',
    '--dns-prefetch-disable',
    `--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE ${options.proxyHost}`,
    '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
    options.instanceMarker,
  ];
}

/** True when the process runs as root, where Chromium's sandbox cannot start. */
export function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
