/**
 * App Service's managed identity endpoint, as the platform serves it to a site's code through
 * IDENTITY_ENDPOINT and IDENTITY_HEADER (https://learn.microsoft.com/azure/app-service/overview-managed-identity#rest-endpoint-reference):
 * `GET {IDENTITY_ENDPOINT}?resource=<audience>&api-version=2019-08-01&client_id=<identity>` with
 * the header `X-IDENTITY-HEADER: {IDENTITY_HEADER}`; answers `{access_token, expires_on, resource,
 * token_type, client_id}`. As strict as documented: a wrong or missing header is refused (401), an
 * unknown api-version or a client id of no identity assigned to the site is refused (400).
 *
 * Tokens are RS256 JWTs shaped as Entra ID issues them to a managed identity (aud = the resource,
 * iss = https://sts.windows.net/<tenant>/, appid/oid/tid), signed with this stand-in's key, so the
 * services that receive them (the Bot Connector's stand-in, Azurite with --oauth basic, the Graph
 * stand-in) can check that a call carries the identity's token for their audience.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface AssignedIdentity {
  clientId: string;
  principalId: string;
  tenantId: string;
}

export class ManagedIdentityEndpoint {
  /** Tokens handed out, by resource (audience). */
  readonly issued = new Map<string, number>();
  /** Requests refused (wrong header, unknown identity …). */
  refused = 0;
  readonly header = randomUUID();
  url = '';
  private readonly server: Server;
  private keys!: { privateKey: SigningKey; jwks: JSONWebKeySet };

  private constructor(
    readonly identity: AssignedIdentity,
    /** Called with each token issued for a resource, e.g. to make the Graph stand-in accept it. */
    private readonly onIssued: (resource: string, token: string) => void,
  ) {
    this.server = createServer((req, res) => void this.handle(req.url ?? '/', req.headers['x-identity-header'], res));
  }

  static async start(
    identity: AssignedIdentity,
    onIssued: (resource: string, token: string) => void = () => undefined,
  ): Promise<ManagedIdentityEndpoint> {
    const endpoint = new ManagedIdentityEndpoint(identity, onIssued);
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    endpoint.keys = { privateKey, jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'msi-key', alg: 'RS256' }] } };
    await new Promise<void>((resolve) => endpoint.server.listen(0, '127.0.0.1', resolve));
    endpoint.url = `http://127.0.0.1:${(endpoint.server.address() as AddressInfo).port}/msi/token`;
    return endpoint;
  }

  /**
   * The keys this endpoint signs with: Entra ID's, as far as the other stand-ins are concerned (a
   * managed identity's tokens come from Entra ID, like an app registration's).
   */
  signingKeys(): JSONWebKeySet {
    return this.keys.jwks;
  }

  /** What App Service puts in the site's environment. */
  environment(): Record<string, string> {
    return { IDENTITY_ENDPOINT: this.url, IDENTITY_HEADER: this.header };
  }

  /** Whether `authorization` is "Bearer <a token of this identity for `audience`>", unexpired. */
  async verifies(authorization: string | undefined, audience: string): Promise<boolean> {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!token) return false;
    try {
      const { payload } = await jwtVerify(token, createLocalJWKSet(this.keys.jwks), {
        audience,
        issuer: `https://sts.windows.net/${this.identity.tenantId}/`,
      });
      return payload.appid === this.identity.clientId && payload.oid === this.identity.principalId;
    } catch {
      return false;
    }
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(path: string, header: string | string[] | undefined, res: import('node:http').ServerResponse) {
    const reply = (status: number, body: object): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(path, 'http://localhost');
    const resource = url.searchParams.get('resource') ?? '';
    const clientId = url.searchParams.get('client_id');
    if (url.pathname !== '/msi/token') return reply(404, { error: 'not_found' });
    if (header !== this.header) {
      this.refused++;
      return reply(401, { statusCode: 401, message: 'Unauthorized: missing or wrong X-IDENTITY-HEADER' });
    }
    if (url.searchParams.get('api-version') !== '2019-08-01' || !resource) {
      this.refused++;
      return reply(400, { statusCode: 400, message: 'api-version 2019-08-01 and a resource are required' });
    }
    if (clientId !== null && clientId !== this.identity.clientId) {
      this.refused++;
      return reply(400, { statusCode: 400, message: 'Unable to load the proper Managed Identity.' });
    }
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({
      appid: this.identity.clientId,
      oid: this.identity.principalId,
      sub: this.identity.principalId,
      tid: this.identity.tenantId,
      idtyp: 'app',
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'msi-key', typ: 'JWT' })
      .setIssuer(`https://sts.windows.net/${this.identity.tenantId}/`)
      .setAudience(resource.replace(/\/\.default$/, ''))
      .setIssuedAt(now)
      .setNotBefore(now - 60)
      .setExpirationTime(now + 3600)
      .sign(this.keys.privateKey);
    this.issued.set(resource, (this.issued.get(resource) ?? 0) + 1);
    this.onIssued(resource, token);
    reply(200, {
      access_token: token,
      expires_on: String(now + 3600),
      resource,
      token_type: 'Bearer',
      client_id: this.identity.clientId,
    });
  }
}
