import dns from 'node:dns';
import net from 'node:net';
import { describe, expect, it } from 'vitest';

describe('the test network guard', () => {
  it('fails a connection to a non-loopback address before it is made', () => {
    // TEST-NET-3 documentation address: never routed, and the guard throws before any packet leaves.
    expect(() => net.connect({ host: '203.0.113.10', port: 80 })).toThrow(/unfaked network call/);
  });

  it('fails a DNS lookup of a public name', () => {
    expect(() => {
      dns.lookup('example.com', () => undefined);
    }).toThrow(/unfaked network call/);
  });

  it('lets loopback through', async () => {
    const server = net.createServer((socket) => socket.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.on('data', (data) => {
        resolve(data.toString());
      });
      socket.on('error', reject);
    });
    expect(reply).toBe('ok');
    await new Promise((resolve) => server.close(resolve));
  });
});
