/**
 * Who is on the other end of a request. Behind App Service or Container Apps every caller arrives
 * from the front end's address, which puts the caller's own in X-Forwarded-For; that header is
 * believed only when a proxy the operator named (TRUSTED_PROXIES) sent it, since anyone can write it.
 */
import ipaddr from 'ipaddr.js';
import proxyAddr from 'proxy-addr';
import type { Request } from 'restify';

export type AddressTrust = (address: string, hop: number) => boolean;

/** Trust for the configured proxies: addresses, CIDR ranges or proxy-addr's names ('loopback', 'uniquelocal'). */
export function trustProxies(proxies: readonly string[]): AddressTrust {
  return proxies.length > 0 ? proxyAddr.compile([...proxies]) : () => false;
}

/**
 * The caller's address: the socket's, or the nearest untrusted hop a trusted proxy reported. Some
 * proxies (Application Gateway, App Service) write each hop as "address:port": the port is dropped.
 */
export function clientAddress(req: Request, trust: AddressTrust): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (forwarded === undefined) return proxyAddr(req, trust);
  const hops = String(forwarded)
    .split(',')
    .map((hop) => withoutPort(hop.trim()));
  const view = { connection: req.socket, socket: req.socket, headers: { 'x-forwarded-for': hops.join(', ') } };
  return proxyAddr(view as unknown as Request, trust);
}

/** "203.0.113.5:54321" → "203.0.113.5", "[2001:db8::1]:443" → "2001:db8::1"; a bare address as it is. */
function withoutPort(hop: string): string {
  if (hop.startsWith('[')) return hop.slice(1, Math.max(1, hop.indexOf(']')));
  const colons = hop.split(':').length - 1;
  return colons === 1 ? hop.slice(0, hop.indexOf(':')) : hop;
}

/**
 * The key an address is rate-limited under: the address itself, and for IPv6 its /64 — one
 * subscriber gets a whole /64, so keying on single addresses would give them endless buckets.
 */
export function rateKeyOf(address: string): string {
  if (!ipaddr.isValid(address)) return `address:${address}`;
  const parsed = ipaddr.process(address); // IPv4-mapped IPv6 becomes IPv4
  if (parsed.kind() === 'ipv4') return `address:${parsed.toString()}`;
  return `address:${(parsed as ipaddr.IPv6).toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
}

/** Whether the request reached us over https, directly or as a trusted proxy says (X-Forwarded-Proto). */
export function cameOverHttps(req: Request, trust: AddressTrust): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  const socketAddress = req.socket.remoteAddress ?? '';
  if (!trust(socketAddress, 0)) return false;
  const proto = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    ?.trim()
    .toLowerCase();
  return proto === 'https';
}
