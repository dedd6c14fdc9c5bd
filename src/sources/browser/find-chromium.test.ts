import { describe, expect, it } from 'vitest';
import { chromiumArgs } from './chromium-flags.ts';
import { CHROMIUM_CANDIDATES, findChromium } from './find-chromium.ts';

describe('findChromium', () => {
  it('takes the configured path when it is executable, and only it', () => {
    expect(findChromium('/opt/chrome', (path) => path === '/opt/chrome')).toEqual({
      kind: 'found',
      path: '/opt/chrome',
    });
    const missing = findChromium('/opt/chrome', (path) => path === '/usr/bin/chromium');
    expect(missing).toMatchObject({ kind: 'missing' });
    if (missing.kind === 'missing') expect(missing.reason).toContain('no Chromium executable at /opt/chrome');
  });

  it('looks at the usual places in order, and says how to install it when none has it', () => {
    expect(
      findChromium(undefined, (path) => path === '/snap/bin/chromium' || path === '/usr/bin/google-chrome'),
    ).toEqual({
      kind: 'found',
      path: '/usr/bin/google-chrome',
    });
    const none = findChromium(undefined, () => false);
    expect(none).toMatchObject({ kind: 'missing' });
    if (none.kind === 'missing')
      expect(none.reason).toMatch(/not installed.*apt-get install chromium.*CLAUSEWATCH_CHROMIUM_PATH/);
    expect(CHROMIUM_CANDIDATES[0]).toBe('/usr/bin/chromium');
  });
});

describe('chromiumArgs', () => {
  it('switches off GPU, background networking and first-run, and lets Chromium resolve only the proxy', () => {
    const args = chromiumArgs({ instanceMarker: '--clausewatch-browser=x', proxyHost: '127.0.0.1' });
    expect(args).toEqual(
      expect.arrayContaining([
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--no-first-run',
        '--disable-extensions',
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
        '--clausewatch-browser=x',
      ]),
    );
    expect(args).not.toContain('--no-sandbox');
  });
});
