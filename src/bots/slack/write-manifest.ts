/**
 * Writes `slack/manifest.yml` from the command registry: `npx tsx src/bots/slack/write-manifest.ts`
 * (Socket Mode), or with `--request-url https://host/slack/events` for an HTTP app, `--out <file>` elsewhere.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { commands } from '../../../commands/registry.ts';
import { isEntryPoint } from '../../cli/entry-point.ts';
import { manifestYaml, type ManifestOptions } from './slack-manifest.ts';

/** Where the committed manifest lives, from the repository root. */
export const MANIFEST_PATH = fileURLToPath(new URL('../../../slack/manifest.yml', import.meta.url));

/** The options the committed manifest is generated with: Socket Mode, so one paste needs no public URL. */
export const DEFAULT_MANIFEST_OPTIONS: ManifestOptions = { name: 'clausewatch', socketMode: true };

function main(): void {
  const { values } = parseArgs({
    options: { 'request-url': { type: 'string' }, out: { type: 'string' }, name: { type: 'string' } },
  });
  const requestUrl = values['request-url'];
  const options: ManifestOptions =
    requestUrl === undefined
      ? { ...DEFAULT_MANIFEST_OPTIONS, ...(values.name === undefined ? {} : { name: values.name }) }
      : { name: values.name ?? DEFAULT_MANIFEST_OPTIONS.name, requestUrl, socketMode: false };
  const out = values.out ?? MANIFEST_PATH;
  writeFileSync(out, manifestYaml(commands, options));
  process.stdout.write(`wrote ${out}\n`);
}

// Run only as a script, so the test can import the constants.
if (isEntryPoint(import.meta.url)) main();
