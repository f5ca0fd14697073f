/**
 * A local stand-in for the Bot Framework token issuer: serves an OpenID configuration and a JWKS
 * (with the `msteams` endorsement, as the real one has) and signs RS256 tokens with test keys, so
 * the service's real authentication code can be tested without Microsoft's cloud.
 */
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CHANNEL_ISSUER = 'https://api.botframework.com';
export const TEST_APP_ID = '7e4f1a2b-3c5d-4e6f-8a9b-0c1d2e3f4a5b';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface TokenClaims {
  iss?: string;
  aud?: string;
  serviceurl?: string;
  expiresInSeconds?: number;
  notBeforeOffsetSeconds?: number;
}

export class BotFrameworkIssuer {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly privateKey: SigningKey,
    private readonly otherKey: SigningKey,
    readonly kid: string,
  ) {}

  static async start(): Promise<BotFrameworkIssuer> {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const other = await generateKeyPair('RS256', { extractable: true });
    const kid = 'test-key-1';
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
    let baseUrl = '';
    const server = createServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      if (req.url?.endsWith('/.well-known/openidconfiguration')) {
        res.end(
          JSON.stringify({
            issuer: CHANNEL_ISSUER,
            jwks_uri: `${baseUrl}/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
          }),
        );
      } else if (req.url === '/keys') {
        res.end(JSON.stringify({ keys: [{ ...jwk, endorsements: ['msteams'] }] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new BotFrameworkIssuer(server, baseUrl, privateKey, other.privateKey, kid);
  }

  /** Settings that point botbuilder's authentication at this issuer (all of them: see RECIPES). */
  authSettings(): Record<string, string> {
    return {
      ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
      ToBotFromChannelOpenIdMetadataUrl: `${this.url}/channel/.well-known/openidconfiguration`,
      ToBotFromEmulatorOpenIdMetadataUrl: `${this.url}/emulator/.well-known/openidconfiguration`,
      ToChannelFromBotLoginUrl: `${this.url}/login`,
      ToChannelFromBotOAuthScope: CHANNEL_ISSUER,
      OAuthUrl: `${this.url}/oauth`,
      CallerId: 'urn:botframework:azure',
      ValidateAuthority: 'true',
    };
  }

  async token(
    serviceUrl: string,
    claims: TokenClaims = {},
    options: { signWithOtherKey?: boolean } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: claims.serviceurl ?? serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(claims.iss ?? CHANNEL_ISSUER)
      .setAudience(claims.aud ?? TEST_APP_ID)
      .setIssuedAt(now - 60)
      .setNotBefore(now + (claims.notBeforeOffsetSeconds ?? -60))
      .setExpirationTime(now + (claims.expiresInSeconds ?? 3600))
      .sign(options.signWithOtherKey ? this.otherKey : this.privateKey);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
