/**
 * Who is on the other end of a request. Behind App Service or Container Apps every caller arrives
 * from the front end's address, which puts the caller's own in X-Forwarded-For; that header is
 * believed only when a proxy the operator named (TRUSTED_PROXIES) sent it, since anyone can write it.
 */
import proxyAddr from 'proxy-addr';
import type { Request } from 'restify';

export type AddressTrust = (address: string, hop: number) => boolean;

/** Trust for the configured proxies: addresses, CIDR ranges or proxy-addr's names ('loopback', 'uniquelocal'). */
export function trustProxies(proxies: readonly string[]): AddressTrust {
  return proxies.length > 0 ? proxyAddr.compile([...proxies]) : () => false;
}

/** The caller's address: the socket's, or the nearest untrusted hop a trusted proxy reported. */
export function clientAddress(req: Request, trust: AddressTrust): string {
  return proxyAddr(req, trust);
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
