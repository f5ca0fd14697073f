/**
 * Entra ID's part for the Graph stand-in: app registrations with their application permissions
 * (roles), the client-credentials token endpoint, and validation of the bearer token on every
 * Graph request, as Graph does it (https://learn.microsoft.com/graph/auth-v2-service; "Access
 * tokens": https://learn.microsoft.com/entra/identity-platform/access-tokens). Tokens are RS256
 * JWTs signed with a key of the stand-in's: audience Graph, `appid` the calling app, `roles` its
 * granted application permissions, `tid` the tenant.
 */
import { createLocalJWKSet, generateKeyPair, jwtVerify, SignJWT, type JSONWebKeySet, type JWTPayload } from 'jose';
import { graphError, type Reply } from './graph-replies';

/** Graph's own resource id: a token for Graph may carry it as audience instead of the URL. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export interface GraphApp {
  clientId: string;
  secret: string;
  /** Application permissions granted with admin consent (e.g. Sites.Selected, User.Read.All). */
  roles: string[];
  /**
   * Federated identity credentials: whose tokens (a managed identity's, by its principal id) the
   * app accepts as its credential, for which audience (api://AzureADTokenExchange).
   */
  federatedCredentials?: { subject: string; audience: string }[];
  /**
   * The tenants where the (multi-tenant) app has a service principal, consented by their admin:
   * Entra ID issues its tokens for those only. Absent: any tenant.
   */
  tenants?: string[];
}

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface GraphClaims {
  appId: string;
  roles: string[];
  tenantId: string;
}

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export class GraphTokens {
  readonly apps = new Map<string, GraphApp>();
  /** Other keys Entra ID signs with (a managed identity's endpoint, in the deployment test). */
  private readonly trusted: ReturnType<typeof createLocalJWKSet>[] = [];
  private readonly verified = new Map<string, GraphClaims & { exp: number }>();

  private constructor(
    private readonly privateKey: SigningKey,
    private readonly publicKey: SigningKey,
    private readonly origin: () => string,
  ) {}

  static async create(origin: () => string): Promise<GraphTokens> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    return new GraphTokens(privateKey, publicKey, origin);
  }

  /** The audiences Graph accepts: its origin (here the stand-in's), and Graph's app id. */
  private audiences(): string[] {
    return [this.origin(), 'https://graph.microsoft.com', GRAPH_APP_ID];
  }

  /** Tokens signed with these keys are Entra ID's too; their app's roles are its registration's. */
  trustKeys(jwks: JSONWebKeySet): void {
    this.trusted.push(createLocalJWKSet(jwks));
  }

  register(app: GraphApp): void {
    this.apps.set(app.clientId, app);
  }

  /** A token as Entra ID issues it for the app (client credentials). */
  async issue(clientId: string, tenantId = 'municipality-tenant', audience = this.origin()): Promise<string> {
    const app = this.apps.get(clientId);
    if (!app) throw new Error(`no app ${clientId} registered with the Graph stand-in`);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ appid: clientId, roles: app.roles, tid: tenantId })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(`https://sts.windows.net/${tenantId}/`)
      .setAudience(audience)
      .setIssuedAt(now)
      .setNotBefore(now - 60)
      .setExpirationTime(now + 3599)
      .sign(this.privateKey);
  }

  /**
   * POST /{tenant}/oauth2/v2.0/token, grant_type=client_credentials: the secret must match, and
   * the scope must be "{resource}/.default" for a resource Entra ID knows (here: Graph). Errors as
   * Entra ID gives them (AADSTS7000215 invalid secret, AADSTS700016 unknown app, AADSTS500011 unknown resource).
   */
  async tokenRequest(tenantId: string, raw: string): Promise<Reply> {
    const form = new URLSearchParams(raw);
    const app = this.apps.get(form.get('client_id') ?? '');
    const fail = (status: number, error: string, description: string): Reply => ({
      status,
      body: { error, error_description: description },
    });
    if (form.get('grant_type') !== 'client_credentials')
      return fail(400, 'unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.');
    if (!app) return fail(400, 'unauthorized_client', 'AADSTS700016: Application not found in the directory.');
    if (app.tenants && !app.tenants.includes(tenantId))
      return fail(
        400,
        'unauthorized_client',
        `AADSTS700016: Application with identifier '${app.clientId}' was not found in the directory '${tenantId}'.`,
      );
    if (form.has('client_assertion_type')) {
      const refused = await this.assertionRefused(app, tenantId, form);
      if (refused) return fail(401, 'invalid_client', refused);
    } else if (app.secret !== form.get('client_secret'))
      return fail(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
    const scope = form.get('scope') ?? '';
    const resource = scope.replace(/\/\.default$/, '');
    if (!scope.endsWith('/.default') || !this.audiences().includes(resource))
      return fail(400, 'invalid_resource', `AADSTS500011: The resource principal named ${resource} was not found.`);
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: await this.issue(app.clientId, tenantId, resource),
      },
    };
  }

  /**
   * A client assertion as workload identity federation checks it: a JWT from a trusted issuer (here
   * a managed identity's, signed with a key given to trustKeys), unexpired, for the tenant asked,
   * whose subject and audience match one of the app's federated credentials. Entra ID's errors:
   * AADSTS50027 (not a valid JWT), AADSTS700024 (outside its time range), AADSTS70021 (no match).
   */
  private async assertionRefused(app: GraphApp, tenantId: string, form: URLSearchParams): Promise<string | undefined> {
    if (form.get('client_assertion_type') !== JWT_BEARER)
      return 'AADSTS50027: JWT token is invalid or malformed (unsupported client_assertion_type).';
    let payload: JWTPayload | undefined;
    for (const keys of this.trusted) {
      try {
        payload = (await jwtVerify(form.get('client_assertion') ?? '', keys, { algorithms: ['RS256'] })).payload;
        break;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_JWT_EXPIRED')
          return 'AADSTS700024: Client assertion is not within its valid time range.';
      }
    }
    if (!payload) return 'AADSTS50027: JWT token is invalid or malformed.';
    const audiences = [payload.aud ?? []].flat();
    const match = (app.federatedCredentials ?? []).some(
      (c) => c.subject === payload.sub && audiences.includes(c.audience) && payload.tid === tenantId,
    );
    return match ? undefined : 'AADSTS70021: No matching federated identity record found for presented assertion.';
  }

  /** The caller, or Graph's 401 (https://learn.microsoft.com/graph/errors: InvalidAuthenticationToken). */
  async verify(authorization: string | undefined): Promise<GraphClaims | Reply> {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!token) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    const known = this.verified.get(token);
    if (known && known.exp * 1000 > Date.now()) return known;
    let payload: JWTPayload;
    try {
      payload = await this.verifiedPayload(token);
    } catch (e) {
      const code = (e as { code?: string }).code;
      const why =
        code === 'ERR_JWT_EXPIRED'
          ? 'Lifetime validation failed, the token is expired.'
          : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
            ? 'Access token validation failure. Invalid audience.'
            : 'Access token validation failure.';
      return graphError(401, 'InvalidAuthenticationToken', why);
    }
    const appId = String(payload.appid ?? '');
    const claims = {
      appId,
      // Entra ID puts the app's granted application permissions in `roles`.
      roles: Array.isArray(payload.roles) ? payload.roles.map(String) : (this.apps.get(appId)?.roles ?? []),
      tenantId: String(payload.tid ?? ''),
      exp: payload.exp ?? 0,
    };
    this.verified.set(token, claims);
    return claims;
  }

  /** The payload of a token signed with the stand-in's key or a trusted one; throws as jose does. */
  private async verifiedPayload(token: string): Promise<JWTPayload> {
    const options = { audience: this.audiences(), algorithms: ['RS256'] };
    try {
      return (await jwtVerify(token, this.publicKey, options)).payload;
    } catch (error) {
      for (const keys of this.trusted) {
        try {
          return (await jwtVerify(token, keys, options)).payload;
        } catch {
          // the next key set, or the first error
        }
      }
      throw error;
    }
  }
}
