// Where the system Chromium is: the configured path, else the usual install locations.
import { accessSync, constants } from 'node:fs';

/** Looked at in order when no path is configured: Debian/Ubuntu packages, Google Chrome, snap, macOS apps. */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** How to get a browser, appended to every "no Chromium" message. */
export const INSTALL_HINT =
  'install it with `apt-get install chromium` (Debian/Ubuntu) or set CLAUSEWATCH_CHROMIUM_PATH ' +
  '(config `browser.executablePath`) to a Chromium or Chrome binary';

export type ChromiumLookup =
  { readonly kind: 'found'; readonly path: string } | { readonly kind: 'missing'; readonly reason: string };

/**
 * Finds the Chromium binary: `configured` when given (and only it: a wrong explicit path is an error, not a
 * reason to pick another browser), else the first executable of {@link CHROMIUM_CANDIDATES}.
 */
export function findChromium(
  configured: string | undefined,
  isExecutable: (path: string) => boolean = isExecutableFile,
): ChromiumLookup {
  if (configured !== undefined) {
    return isExecutable(configured)
      ? { kind: 'found', path: configured }
      : { kind: 'missing', reason: `no Chromium executable at ${configured}; ${INSTALL_HINT}` };
  }
  const found = CHROMIUM_CANDIDATES.find((candidate) => isExecutable(candidate));
  return found === undefined
    ? {
        kind: 'missing',
        reason: `Chromium is not installed (looked in ${CHROMIUM_CANDIDATES[0] ?? ''} and ${CHROMIUM_CANDIDATES.length - 1} other places); ${INSTALL_HINT}`,
      }
    : { kind: 'found', path: found };
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
