/**
 * A local stand-in for Entra ID's signing keys: a JWKS endpoint on loopback and tokens shaped like
 * the ones Teams SSO gives a tab (v2: aud = client id, iss = .../{tid}/v2.0, oid, tid, scp).
 */
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export const TAB_CLIENT_ID = '3c8b1f7e-2d4a-4e6b-9a1c-5f0e7d2b8a64';
export const TENANT = '9e1f3a5c-7b2d-4c6e-8f0a-1b3d5e7f9a2c';
export const OTHER_TENANT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

export class EntraIdIssuer {
  private constructor(
    private readonly server: Server,
    readonly jwksUrl: string,
    private readonly key: SigningKey,
    private readonly otherKey: SigningKey,
    readonly publicJwk: Record<string, unknown>,
  ) {}

  static async start(): Promise<EntraIdIssuer> {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const other = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'entra-test-key', use: 'sig', alg: 'RS256' };
    const server = createServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(req.url === '/keys' ? { keys: [jwk] } : {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`;
    return new EntraIdIssuer(server, url, privateKey, other.privateKey, jwk);
  }

  /** A token as Teams SSO issues it for this app; `claims` and `options` spoil it on purpose. */
  async token(
    claims: JWTPayload = {},
    options: { otherKey?: boolean; expiresIn?: number; notBefore?: number } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      aud: TAB_CLIENT_ID,
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      tid: TENANT,
      oid: '00000000-0000-0000-0000-0000000000020',
      name: 'Alex Wilber',
      scp: 'access_as_user',
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'entra-test-key', typ: 'JWT' })
      .setIssuedAt(now - 60)
      .setNotBefore(now + (options.notBefore ?? -60))
      .setExpirationTime(now + (options.expiresIn ?? 3600))
      .sign(options.otherKey ? this.otherKey : this.key);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
