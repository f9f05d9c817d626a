// Where the playground listens and whom it answers: this computer only, because it has no login at all.
import type { AddressInfo } from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/**
 * The interface the playground binds to. Anyone who reaches it can act as every member (the facilitator too), so
 * a HOST that is not a loopback address — the Docker image sets 0.0.0.0 for Slack and Discord — is not followed:
 * the playground stays on 127.0.0.1 and `ignored` names what was asked for, for the start line.
 */
export function playgroundHost(host: string | undefined): { host: string; ignored?: string } {
  if (!host) return { host: '127.0.0.1' };
  if (LOOPBACK.has(host.toLowerCase())) return { host: host.replace(/^\[(.*)\]$/, '$1') };
  return { host: '127.0.0.1', ignored: host };
}

/** A bound address as it is written in a URL: `127.0.0.1:3000`, `[::1]:3000`. */
export function urlHost(address: AddressInfo): string {
  return address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]:${address.port}` : `${address.address}:${address.port}`;
}

/**
 * The Host headers the playground answers, for the port a request came in on. A page on another site that
 * points its own name at 127.0.0.1 (DNS rebinding) sends its own name here, so it is refused.
 */
/** The server-wide guard (HttpServer.acceptHost) while the playground runs: every route, not only its own. */
export function ownHostOnly(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).has(host.toLowerCase());
}

export function allowedHosts(port: number): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  const out = new Set(names.map((n) => `${n}:${port}`));
  if (port === 80) for (const n of names) out.add(n);
  return out;
}
