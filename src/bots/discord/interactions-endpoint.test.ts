import { generateKeyPairSync, sign } from 'node:crypto';
import { verifyKey } from 'discord-interactions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand } from '../../../test/fakes/fake-discord/interactions.ts';
import { startDiscordTestBed, type DiscordTestBed } from './discord-test-bed.ts';
import { discordPublicKey, isSignedByDiscord } from './verify-signature.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const publicKeyHex = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');

let t: DiscordTestBed;
let url: string;

beforeAll(async () => {
  t = await startDiscordTestBed({ publicKey: publicKeyHex, interactionsPort: 0 });
  url = t.platform.interactionsUrl() ?? '';
});

afterAll(async () => {
  await t.close();
});

function signed(body: string, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
  const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
  return { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
}

async function post(body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', body, headers });
}

describe('the HTTP interactions endpoint', () => {
  it('answers a signed PING with PONG', async () => {
    const body = JSON.stringify({ type: 1, id: '1', application_id: t.fake.applicationId, token: 'ping', version: 1 });
    const response = await post(body, signed(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 1 });
  });

  it('runs a signed slash command through the same handler and answers in the HTTP response', async () => {
    const body = JSON.stringify(slashCommand(t.fake.applicationId, t.member, 'help'));
    const response = await post(body, signed(body));
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { type: number; data: { embeds: { title: string }[]; flags: number } };
    expect(answer.type).toBe(4);
    expect(answer.data.embeds[0]?.title).toBe('clausewatch commands');
    expect(answer.data.flags).toBe(64);
  });

  it('defers a slow command in the HTTP response and edits the reply in through REST', async () => {
    const interaction = slashCommand(t.fake.applicationId, t.member, 'latest', { count: 2 });
    const body = JSON.stringify(interaction);
    // The fake only takes edits of acknowledged interactions; on Discord the HTTP answer acknowledges it.
    t.fake.state.acknowledged.add(String(interaction.token));
    const response = await post(body, signed(body));
    expect(await response.json()).toEqual({ type: 5, data: { flags: 64 } });
    await t.fake.waitFor(() => t.fake.callsFor(interaction).some((call) => call.kind === 'edit-original'));
  });

  it('refuses a tampered body, a wrong key and missing headers with 401', async () => {
    const body = JSON.stringify(slashCommand(t.fake.applicationId, t.member, 'help'));
    const headers = signed(body);
    expect((await post(body.replace('help', 'sources'), headers)).status).toBe(401);
    expect((await post(body, { ...headers, 'x-signature-timestamp': '1' })).status).toBe(401);
    expect((await post(body, { 'content-type': 'application/json' })).status).toBe(401);
  });

  it('refuses a correctly signed request whose timestamp is over five minutes old (a replay)', async () => {
    const body = JSON.stringify(slashCommand(t.fake.applicationId, t.member, 'help'));
    const stale = String(Math.floor(Date.now() / 1000) - 301);
    expect((await post(body, signed(body, stale))).status).toBe(401);
    const recent = String(Math.floor(Date.now() / 1000) - 240);
    expect((await post(body, signed(body, recent))).status).toBe(200);
  });

  it('verifies exactly as discord-interactions does', async () => {
    const body = '{"type":1}';
    const headers = signed(body);
    const signature = headers['x-signature-ed25519'] ?? '';
    const timestamp = headers['x-signature-timestamp'] ?? '';
    const key = discordPublicKey(publicKeyHex);
    expect(isSignedByDiscord(Buffer.from(body), signature, timestamp, key)).toBe(true);
    expect(await verifyKey(body, signature, timestamp, publicKeyHex)).toBe(true);
    expect(isSignedByDiscord(Buffer.from(`${body} `), signature, timestamp, key)).toBe(false);
    expect(await verifyKey(`${body} `, signature, timestamp, publicKeyHex)).toBe(false);
    expect(isSignedByDiscord(Buffer.from(body), 'zz', timestamp, key)).toBe(false);
  });
});
