import { describe, expect, it } from 'vitest';
import { createRobotsCache, type LoadRobots } from './robots.ts';

const UA = 'clausewatch/0.1 (+https://github.com/clausewatch/clausewatch)';
const ROBOTS = ['User-agent: *', 'Disallow: /admin', '', 'User-agent: clausewatch', 'Disallow: /legal/drafts'].join(
  '\n',
);

function loader(answer: string | null | Error) {
  const loaded: string[] = [];
  const load: LoadRobots = (url) => {
    loaded.push(url);
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  return { load, loaded };
}

describe('createRobotsCache', () => {
  it('matches the rules for our product token', async () => {
    const { load } = loader(ROBOTS);
    const robots = createRobotsCache({ load, userAgent: UA });
    expect(await robots.isAllowed(new URL('https://vendor.example/legal/terms'))).toBe(true);
    expect(await robots.isAllowed(new URL('https://vendor.example/legal/drafts/v2'))).toBe(false);
    // The group for our agent replaces the `*` group.
    expect(await robots.isAllowed(new URL('https://vendor.example/admin'))).toBe(true);
  });

  it('loads once per origin, shared by concurrent callers', async () => {
    const { load, loaded } = loader(ROBOTS);
    const robots = createRobotsCache({ load, userAgent: UA });
    await Promise.all(['/a', '/b', '/c'].map((path) => robots.isAllowed(new URL(`https://vendor.example${path}`))));
    await robots.isAllowed(new URL('https://other.example/x'));
    expect(loaded).toEqual(['https://vendor.example/robots.txt', 'https://other.example/robots.txt']);
  });

  it('reloads after the TTL', async () => {
    const { load, loaded } = loader(ROBOTS);
    let now = 0;
    const robots = createRobotsCache({ load, userAgent: UA, ttlMs: 1000, now: () => now });
    await robots.isAllowed(new URL('https://vendor.example/a'));
    now = 999;
    await robots.isAllowed(new URL('https://vendor.example/b'));
    now = 1000;
    await robots.isAllowed(new URL('https://vendor.example/c'));
    expect(loaded).toHaveLength(2);
  });

  it('allows everything when there are no rules or loading failed', async () => {
    for (const answer of [null, new Error('network down')]) {
      const robots = createRobotsCache({ load: loader(answer).load, userAgent: UA });
      expect(await robots.isAllowed(new URL('https://vendor.example/legal/drafts/v2'))).toBe(true);
    }
  });
});
