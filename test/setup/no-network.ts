// Any connection to a host other than loopback fails the test loudly: tests never touch the internet.
import net from 'node:net';
import dns from 'node:dns';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|localhost)$/i;

function refuse(what: string): never {
  throw new Error(`unfaked network call in a test: ${what}`);
}

type ConnectArgs = Parameters<typeof net.Socket.prototype.connect>;
// eslint-disable-next-line @typescript-eslint/unbound-method -- re-applied with the socket as `this` below
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: ConnectArgs) {
  const first: unknown = args[0];
  const options = Array.isArray(first) ? (first[0] as unknown) : first;
  if (options !== null && typeof options === 'object') {
    const { host, path } = options as { host?: string; path?: string };
    if (path === undefined && host !== undefined && !LOOPBACK.test(host)) refuse(`connect to ${host}`);
  } else if (typeof args[1] === 'string' && !LOOPBACK.test(args[1])) {
    refuse(`connect to ${String(args[1])}`);
  }
  return originalConnect.apply(this, args);
} as typeof net.Socket.prototype.connect;

const originalLookup = dns.lookup;
const guardedLookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
  if (!LOOPBACK.test(hostname) && net.isIP(hostname) === 0) {
    refuse(`DNS lookup of ${hostname}`);
  }
  return (originalLookup as (...a: unknown[]) => unknown)(hostname, ...rest);
};
dns.lookup = guardedLookup as typeof dns.lookup;
