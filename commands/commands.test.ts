import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createTestBed, MEMBER, source, versionPoll, type TestBed } from './commands-test-kit.ts';
import { autocompleteOption, commands, findCommand, runCommand, suggest } from './index.ts';

let bed: TestBed;

beforeEach(async () => {
  bed = await createTestBed();
});

afterEach(async () => {
  await bed.close();
});

describe('the registry', () => {
  it('has unique lower-case names, and descriptions and options that fit chat limits', () => {
    const names = commands.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of commands) {
      expect(command.name).toMatch(/^[a-z][a-z-]{0,31}$/);
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.options.length).toBeLessThanOrEqual(25);
      for (const option of command.options) {
        expect(option.name).toMatch(/^[a-z][a-z-]{0,31}$/);
        expect(option.description.length).toBeLessThanOrEqual(100);
        if (option.default !== undefined && option.choices !== undefined)
          expect(option.choices).toContain(option.default);
      }
    }
  });

  it('has every command the chat adapters register', () => {
    expect(commands.map((command) => command.name).sort()).toEqual(
      [
        'alerts-channel',
        'diff',
        'digest',
        'help',
        'latest',
        'sources',
        'subscribe',
        'subscriptions',
        'terms',
        'unsubscribe',
        'unwatch',
        'watch',
      ].sort(),
    );
    expect(findCommand('/Subscribe')?.name).toBe('subscribe');
  });
});

describe('runCommand', () => {
  it('answers an unknown command with the closest one', async () => {
    const reply = await bed.run('subscibe');
    expect(reply.status).toBe('invalid');
    expect(reply.lines).toEqual(['There is no /subscibe — did you mean subscribe?', '/help lists the commands.']);
  });

  it('lists the valid options when one is unknown', async () => {
    const reply = await bed.run('latest', { vendr: 'openai' });
    expect(reply.status).toBe('invalid');
    expect(reply.lines).toEqual([
      '/latest has no option "vendr" — did you mean vendor?',
      'Its options: vendor, topic, count.',
      'Usage: /latest [vendor:<vendor>] [topic:<topic>] [count:<count>]',
    ]);
  });

  it.each([
    [{ count: 'many' }, 'Option count must be a whole number, e.g. count:5; "many" is not.'],
    [{ count: 2.5 }, 'Option count must be a whole number, e.g. count:5; "2.5" is not.'],
    [{ count: 21 }, 'Option count must be from 1 to 20; 21 is not.'],
    [{ count: true }, 'Option count must be a whole number, e.g. count:5; "true" is not.'],
    [{ vendor: true }, 'Option vendor needs a value, e.g. vendor:<vendor>.'],
  ])('refuses the wrong type or range: %o', async (options, problem) => {
    const reply = await bed.run('latest', options);
    expect(reply.status).toBe('invalid');
    expect(reply.lines[0]).toBe(problem);
  });

  it('refuses a value outside the choices, suggesting the closest', async () => {
    const reply = await bed.run('subscribe', { 'min-significance': 'hihg' }, MEMBER);
    expect(reply.status).toBe('invalid');
    expect(reply.lines[0]).toBe(
      'Option min-significance cannot be "hihg" — did you mean high? Choose one of high, medium, low.',
    );
    expect(bed.subscriptions.allSubscriptions()).toEqual([]);
  });

  it('names a missing required option and the usage', async () => {
    const reply = await bed.run('terms', {});
    expect(reply.status).toBe('invalid');
    expect(reply.lines).toEqual([
      'Missing option vendor: Vendor slug, e.g. anthropic.',
      'Usage: /terms vendor:<vendor> [document:<document>]',
    ]);
  });

  it('takes CLI spellings: strings for numbers and booleans, underscores, any case for choices', async () => {
    const reply = await bed.run('subscribe', { MIN_SIGNIFICANCE: 'HIGH', kind: 'Terms', vendor: 'openai' });
    expect(reply.status).toBe('ok');
    expect(bed.subscriptions.allSubscriptions()[0]?.filters).toMatchObject({ minSignificance: 'high', kind: 'terms' });
    const removed = await bed.run('unsubscribe', { all: 'yes' });
    expect(removed.lines[0]).toBe('Removed 1 subscription from this channel.');
  });

  it('treats empty strings as not given, so defaults apply', async () => {
    await bed.run('subscribe', { vendor: '', kind: '' });
    expect(bed.subscriptions.allSubscriptions()[0]?.filters).toMatchObject({ vendors: [], kind: 'both' });
  });

  it('refuses an admin command before looking at its options, saving nothing', async () => {
    const reply = await bed.run('watch', { url: 'not a url', bogus: 1 }, MEMBER);
    expect(reply).toEqual({
      status: 'refused',
      title: 'Not allowed',
      lines: [
        'Only members who can manage this channel may use /watch. Nothing was changed.',
        'Ask someone who can manage this channel to add it; /sources lists what is watched already.',
      ],
      private: true,
    });
    expect(bed.checks).toEqual([]);
    expect(bed.watched).toEqual([]);
  });

  it('answers an unexpected failure generically and logs it, never throwing', async () => {
    const context = bed.context(ADMIN);
    const broken = {
      ...context,
      store: { ...context.store, listHealth: () => Promise.reject(new Error('database is locked')) },
    };
    const reply = await runCommand('sources', {}, broken);
    expect(reply.status).toBe('error');
    expect(reply.lines.join(' ')).not.toContain('database is locked');
    expect(bed.logged).toHaveLength(1);
    expect(bed.logged[0]?.fields).toMatchObject({
      command: 'sources',
      error: { code: 'unexpected', message: 'database is locked' },
    });
  });
});

describe('/sources', () => {
  it('lists health, filtered by vendor, suggesting a vendor when none match', async () => {
    const failure = { ok: false as const, code: 'http_status', message: 'HTTP 503' };
    await bed.store.recordPoll({
      sourceId: 'openai/terms-of-use',
      at: '2026-01-01T00:00:00Z',
      result: failure,
      events: [],
    });
    await bed.store.recordPoll({
      sourceId: 'openai/terms-of-use',
      at: '2026-01-01T00:15:00Z',
      result: failure,
      events: [],
    });
    const openai = await bed.run('sources', { vendor: 'OpenAI' });
    expect(openai.lines).toEqual(['openai/terms-of-use (terms) — failing: HTTP 503']);
    const all = await bed.run('sources');
    expect(all.title).toBe('Sources (4)');
    expect(all.lines[0]).toBe('anthropic/commercial-terms (terms) — not checked yet');
    const typo = await bed.run('sources', { vendor: 'opnai' });
    expect(typo.lines).toEqual(['No sources for vendor "opnai" — did you mean openai?']);
    const none = await bed.run('sources', { vendor: 'initech' });
    expect(none.lines).toEqual(['No sources for vendor "initech".']);
  });
});

describe('/sources and the browser', () => {
  it('marks sources polled through the browser: declared always, or auto and found behind a bot wall', async () => {
    const own = await createTestBed([
      { ...source('openai/terms-of-use'), browser: 'always' },
      source('cursor/terms-of-service'),
      source('acme/terms'),
      { ...source('xai/terms'), browser: 'never' },
    ]);
    try {
      const walled = (id: string) => {
        const poll = versionPoll(id, '2026-01-01T00:00:00.000Z', 'Terms.', 'baseline');
        return { ...poll, result: { ...poll.result, needsBrowser: true } };
      };
      await own.store.recordPoll(walled('cursor/terms-of-service'));
      await own.store.recordPoll(versionPoll('acme/terms', '2026-01-01T00:00:00.000Z', 'Terms.', 'baseline'));
      await own.store.recordPoll(walled('xai/terms'));
      const reply = await own.run('sources');
      expect(reply.lines).toEqual([
        'openai/terms-of-use (terms, browser) — not checked yet',
        'cursor/terms-of-service (terms, browser) — ok, last change 2026-01-01',
        'acme/terms (terms) — ok, last change 2026-01-01',
        'xai/terms (terms) — ok, last change 2026-01-01',
      ]);
    } finally {
      await own.close();
    }
  });
});

describe('/help', () => {
  it('lists every command', async () => {
    const reply = await bed.run('help');
    expect(reply.lines).toEqual(commands.map((command) => `/${command.name} — ${command.description}`));
  });

  it('shows one command with its options, defaults and permission', async () => {
    const reply = await bed.run('help', { command: '/watch' });
    expect(reply.lines).toContain('kind — A terms page or a news feed (required; one of terms, feed)');
    expect(reply.lines.at(-1)).toBe('Needs the permission to manage the channel.');
    const latest = await bed.run('help', { command: 'latest' });
    expect(latest.lines).toContain('count — How many (1–20) (default 5)');
    const unknown = await bed.run('help', { command: 'wach' });
    expect(unknown.lines).toEqual(['There is no /wach — did you mean watch?']);
  });
});

describe('autocomplete', () => {
  it('suggests vendors, documents, topics and time zones by prefix or word', () => {
    const context = bed.context();
    expect(autocompleteOption('subscribe', 'vendor', 'anth', context)).toEqual(['anthropic']);
    expect(autocompleteOption('diff', 'document', 'commercial', context)).toEqual(['anthropic/commercial-terms']);
    expect(autocompleteOption('subscribe', 'topic', 'pric', context)).toEqual(['pricing']);
    expect(autocompleteOption('digest', 'timezone', 'berl', context)).toEqual(['Europe/Berlin']);
    expect(autocompleteOption('subscribe', 'kind', 'n', context)).toEqual(['news']);
    expect(autocompleteOption('subscribe', 'keyword', 'x', context)).toEqual([]);
  });

  it('puts prefix matches before matches inside, at most 25', () => {
    expect(suggest(['xai', 'anthropic', 'openai'], 'ai')).toEqual(['xai', 'openai']);
    expect(suggest(['mistral', 'amistad'], 'mis')).toEqual(['mistral', 'amistad']);
    expect(
      suggest(
        Array.from({ length: 40 }, (_, i) => `v${i}`),
        '',
      ),
    ).toHaveLength(25);
  });
});
