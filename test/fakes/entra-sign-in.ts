/**
 * Entra ID's sign-in endpoints as a browser app meets them, over https (MSAL refuses http
 * authorities): OpenID metadata, the authorization endpoint (the user is taken as signed in at
 * once and sent back to the redirect URI with a code), and the token endpoint, which checks the
 * code, the redirect URI and the PKCE verifier before issuing an ID token and an access token
 * signed by the EntraIdIssuer's key — the one the service trusts. CORS as Entra ID answers it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { TAB_CLIENT_ID, TENANT, type EntraIdIssuer } from './entra-id-issuer';

export interface SignedInUser {
  oid: string;
  name: string;
  username: string;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string;
  scope: string;
}

export class EntraSignIn {
  /** Authorization requests as they arrived (what the tab asked for). */
  readonly authorizeRequests: URLSearchParams[] = [];
  /** Token requests refused, with why. */
  readonly refused: string[] = [];
  private readonly codes = new Map<string, PendingCode>();
  private port = 0;

  private constructor(
    private readonly server: Server,
    private readonly issuer: EntraIdIssuer,
    private readonly user: SignedInUser,
  ) {}

  static async start(issuer: EntraIdIssuer, user: SignedInUser): Promise<EntraSignIn> {
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] }],
    } as Parameters<typeof generate>[1]);
    const holder: { self?: EntraSignIn } = {}; // the handler needs the instance made after the server
    const server = createServer({ cert: pems.cert, key: pems.private }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on(
        'end',
        () => void holder.self?.handle(req.method ?? 'GET', req.url ?? '/', Buffer.concat(chunks).toString(), res),
      );
    });
    const self = new EntraSignIn(server, issuer, user);
    holder.self = self;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self.port = (server.address() as AddressInfo).port;
    return self;
  }

  get origin(): string {
    return `https://localhost:${this.port}`;
  }

  /** TAB_AAD_AUTHORITY_HOST for the service. */
  get authorityHost(): string {
    return this.origin;
  }

  private async handle(method: string, rawUrl: string, body: string, res: import('node:http').ServerResponse) {
    const url = new URL(rawUrl, this.origin);
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' };
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...cors });
      res.end(JSON.stringify(value));
    };
    if (method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'GET, POST' });
      return res.end();
    }
    const base = `${this.origin}/${TENANT}`;
    if (url.pathname === `/${TENANT}/v2.0/.well-known/openid-configuration`) {
      return json(200, {
        issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'code id_token'],
        response_modes_supported: ['query', 'fragment', 'form_post'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['plain', 'S256'],
      });
    }
    if (url.pathname === `/${TENANT}/oauth2/v2.0/authorize`) {
      const q = url.searchParams;
      this.authorizeRequests.push(q);
      const code = randomUUID();
      this.codes.set(code, {
        clientId: q.get('client_id') ?? '',
        redirectUri: q.get('redirect_uri') ?? '',
        challenge: q.get('code_challenge') ?? '',
        nonce: q.get('nonce') ?? '',
        scope: q.get('scope') ?? '',
      });
      const back = new URLSearchParams({ code, state: q.get('state') ?? '', client_info: this.clientInfo() });
      const separator = q.get('response_mode') === 'query' ? '?' : '#';
      res.writeHead(302, { Location: `${q.get('redirect_uri')}${separator}${back.toString()}` });
      return res.end();
    }
    if (method === 'POST' && url.pathname === `/${TENANT}/oauth2/v2.0/token`) {
      const form = new URLSearchParams(body);
      const pending = this.codes.get(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const problem = !pending
        ? 'unknown code'
        : pending.clientId !== form.get('client_id')
          ? 'wrong client'
          : pending.redirectUri !== form.get('redirect_uri')
            ? 'wrong redirect uri'
            : createHash('sha256').update(verifier).digest('base64url') !== pending.challenge
              ? 'PKCE verifier does not match'
              : undefined;
      if (problem || !pending) {
        this.refused.push(problem ?? 'unknown');
        return json(400, { error: 'invalid_grant', error_description: `AADSTS70008: ${problem}` });
      }
      this.codes.delete(form.get('code') ?? '');
      const claims = { oid: this.user.oid, name: this.user.name, preferred_username: this.user.username };
      const idToken = await this.issuer.token({ ...claims, nonce: pending.nonce, scp: undefined });
      const accessToken = await this.issuer.token(claims);
      return json(200, {
        token_type: 'Bearer',
        scope: pending.scope
          .split(' ')
          .filter((s) => s.endsWith('access_as_user'))
          .join(' '),
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: accessToken,
        id_token: idToken,
        client_info: this.clientInfo(),
      });
    }
    json(404, { error: 'not_found' });
  }

  private clientInfo(): string {
    return Buffer.from(JSON.stringify({ uid: this.user.oid, utid: TENANT })).toString('base64url');
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export { TAB_CLIENT_ID, TENANT };
