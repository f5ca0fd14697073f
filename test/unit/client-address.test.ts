/** Who a request comes from, as the rate limits see it: believed hops only, ports dropped, /64s. */
import type { Request } from 'restify';
import { clientAddress, rateKeyOf, trustProxies } from '../../bot/src/http/client-address';

function request(socketAddress: string, forwarded?: string): Request {
  const socket = { remoteAddress: socketAddress };
  const headers = forwarded === undefined ? {} : { 'x-forwarded-for': forwarded };
  return { socket, connection: socket, headers } as unknown as Request;
}

const gateway = trustProxies(['10.0.0.0/8']);

it('believes X-Forwarded-For only from a proxy the operator named', () => {
  expect(clientAddress(request('203.0.113.9', '198.51.100.1'), gateway)).toBe('203.0.113.9');
  expect(clientAddress(request('10.1.2.3', '198.51.100.1'), gateway)).toBe('198.51.100.1');
  expect(clientAddress(request('10.1.2.3', '198.51.100.1'), trustProxies([]))).toBe('10.1.2.3');
});

it('takes the nearest hop the trusted proxies did not add, so a forged first hop is ignored', () => {
  expect(clientAddress(request('10.1.2.3', '1.2.3.4, 198.51.100.1, 10.9.9.9'), gateway)).toBe('198.51.100.1');
});

it('drops the port that Application Gateway and App Service write on each hop', () => {
  expect(clientAddress(request('10.1.2.3', '198.51.100.1:54321'), gateway)).toBe('198.51.100.1');
  expect(clientAddress(request('10.1.2.3', '[2001:db8::7]:443'), gateway)).toBe('2001:db8::7');
  expect(clientAddress(request('10.1.2.3', '2001:db8::7'), gateway)).toBe('2001:db8::7');
});

it('keys IPv6 callers on their /64 and IPv4-mapped addresses as IPv4', () => {
  expect(rateKeyOf('2001:db8:1:2:aaaa::1')).toBe(rateKeyOf('2001:db8:1:2:ffff:1:2:3'));
  expect(rateKeyOf('2001:db8:1:2::1')).not.toBe(rateKeyOf('2001:db8:1:3::1'));
  expect(rateKeyOf('::ffff:198.51.100.1')).toBe(rateKeyOf('198.51.100.1'));
  expect(rateKeyOf('198.51.100.1')).not.toBe(rateKeyOf('198.51.100.2'));
});
