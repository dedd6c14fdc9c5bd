// The SSRF guard's enforcing half: an undici connector that resolves the host itself, checks every address and
// then connects to the checked address, so a DNS answer cannot change between the check and the connection.
import { isIP, type Socket } from 'node:net';
import { rootCertificates } from 'node:tls';
import { buildConnector } from 'undici';
import type { AddressPolicy } from './address-guard.ts';
import { AddressRefusedError, DeadlineError } from './fetch-errors.ts';

/** Resolves a host name to its IP addresses (all families). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export interface GuardedConnectorOptions {
  readonly policy: AddressPolicy;
  readonly resolveHost: ResolveHost;
  /** Deadline for DNS + TCP + TLS of one new connection. */
  readonly connectTimeoutMs: number;
  /** Extra trusted CA certificates (PEM), added to Node's bundled roots. */
  readonly extraCaCertificates?: readonly string[] | undefined;
}

/**
 * Builds the `connect` function for an undici `Agent`. It runs once per new socket (keep-alive sockets are
 * reused without it): exempt hosts connect as usual; IP literals are checked without DNS; names are resolved
 * through `resolveHost`, refused if any address is blocked, and connected to by address, trying each in turn.
 * TLS keeps the original host name for SNI and certificate checks.
 */
export function createGuardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const extraCa = options.extraCaCertificates ?? [];
  // Node's `ca` replaces the bundled roots instead of adding to them, so they are passed along explicitly.
  const tlsOptions = extraCa.length === 0 ? {} : { ca: [...rootCertificates, ...extraCa] };
  const base = buildConnector({ timeout: options.connectTimeoutMs, ...tlsOptions });
  return (connectOptions, callback) => {
    let settled = false;
    const settle = (error: Error | null, socket: Socket | null): void => {
      if (settled) {
        socket?.destroy();
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (error === null && socket !== null) callback(null, socket);
      else callback(error ?? new Error('connector returned no socket'), null);
    };
    const timer = setTimeout(() => {
      settle(new DeadlineError('connect', options.connectTimeoutMs), null);
    }, options.connectTimeoutMs);
    targetAddresses(connectOptions.hostname, options).then(
      (addresses) => {
        connectInTurn({ base, connectOptions, addresses, index: 0, isSettled: () => settled, settle });
      },
      (error: unknown) => {
        settle(error instanceof Error ? error : new Error(String(error)), null);
      },
    );
  };
}

/**
 * The addresses to connect to, after the guard's checks; throws `AddressRefusedError` when refused. Exported for
 * the browser fetcher's guard proxy, which applies the same rules to every request a page makes.
 */
export async function targetAddresses(
  hostname: string,
  { policy, resolveHost }: Pick<GuardedConnectorOptions, 'policy' | 'resolveHost'>,
): Promise<readonly string[]> {
  if (policy.isExempt(hostname)) return [hostname];
  const early = policy.refuseHost(hostname);
  if (early !== null) throw new AddressRefusedError(early, hostname);
  if (isIP(hostname) !== 0) return [hostname];
  const addresses = await resolveHost(hostname);
  if (addresses.length === 0) throw new Error(`DNS returned no address for ${hostname}`);
  // Refuse when any answer is blocked: a name that mixes public and private answers is a rebinding attempt.
  for (const address of addresses) {
    const range = policy.refuseAddress(address);
    if (range !== null) throw new AddressRefusedError(range, address);
  }
  return addresses;
}

interface ConnectAttempt {
  readonly base: buildConnector.connector;
  readonly connectOptions: buildConnector.Options;
  readonly addresses: readonly string[];
  readonly index: number;
  readonly isSettled: () => boolean;
  readonly settle: (error: Error | null, socket: Socket | null) => void;
}

function connectInTurn(attempt: ConnectAttempt): void {
  const { base, connectOptions, addresses, index, settle } = attempt;
  const address = addresses[index] ?? connectOptions.hostname;
  const servername = connectOptions.servername ?? (isIP(connectOptions.hostname) === 0 ? connectOptions.hostname : '');
  try {
    base({ ...connectOptions, hostname: address, servername }, (error, socket) => {
      if (error !== null && index + 1 < addresses.length && !attempt.isSettled()) {
        connectInTurn({ ...attempt, index: index + 1 });
        return;
      }
      settle(error, socket);
    });
  } catch (error) {
    settle(error instanceof Error ? error : new Error(String(error)), null);
  }
}
