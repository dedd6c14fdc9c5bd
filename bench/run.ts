// `npm run bench [-- poll|diff|news|browser|discord]`: every benchmark prints its own figures next to a baseline measured in the same run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchBrowserFetch, formatBrowserFetch } from './browser-fetch.ts';
import { benchDiff, formatBench } from './diff.ts';
import { benchDiscordFanout, formatDiscordFanout } from './discord-fanout.ts';
import { benchNews, formatNewsResult } from './news.ts';
import { benchPoll, formatPollResult } from './poll.ts';

const wanted = new Set(process.argv.slice(2));
const runs = (name: string): boolean => wanted.size === 0 || wanted.has(name);

if (runs('poll')) {
  for (const validators of [true, false]) {
    console.log(formatPollResult(await benchPoll({ sources: 1000, hosts: 8, concurrency: 64, validators, rounds: 5 })));
  }
}

if (runs('diff')) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const corpusDir = path.resolve(repoRoot, process.env.CLAUSEWATCH_CORPUS ?? '../shared/corpus');
  const rounds = Number(process.env.CLAUSEWATCH_BENCH_ROUNDS ?? '1');
  console.log(formatBench(await benchDiff(corpusDir, { rounds }), corpusDir));
}

if (runs('news')) {
  console.log(formatNewsResult(benchNews({ feeds: 500, itemsPerFeed: 20, rounds: 5 })));
}

if (runs('browser')) {
  console.log(formatBrowserFetch(await benchBrowserFetch({ rounds: 10, pages: 2, clauses: 200 })));
}

if (runs('discord')) {
  console.log(formatDiscordFanout(await benchDiscordFanout({ alerts: 2000, ratePerSecond: 50 })));
}
