/**
 * The bot's tokens for the Bot Connector, as Entra ID issues them and the connector checks them
 * ("Authenticate requests from your bot to the Bot Connector service",
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication):
 * requested with the scope https://api.botframework.com/.default from the botframework.com tenant
 * (multi-tenant bots) or the bot's own tenant (single-tenant and managed identity), so the JWT's
 * audience is https://api.botframework.com, its issuer that tenant's, and its appid (v1) or azp
 * (v2) the bot's app id. Signed here with a key of the stand-in's, RS256.
 *
 * Also a ServiceClientCredentialsFactory for botbuilder, so replies sent through CloudAdapter carry
 * such a token too (botbuilder asks the factory for credentials that sign each request).
 */
import { createLocalJWKSet, generateKeyPair, jwtVerify, SignJWT, type JSONWebKeySet, type JWTPayload } from 'jose';
import { ServiceClientCredentialsFactory, type ServiceClientCredentials } from 'botframework-connector';

export const CONNECTOR_AUDIENCE = 'https://api.botframework.com';
/** The tenant multi-tenant bots get their connector tokens from (login.microsoftonline.com/botframework.com). */
export const BOTFRAMEWORK_TENANT = 'd6d49420-f39b-4df7-a1dc-d59a935871db';

export type TokenCheck = 'ok' | 'missing' | 'invalid' | 'unknown-bot';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface TokenOptions {
  aud?: string;
  tenantId?: string;
  expiresInSeconds?: number;
  /** Sign with a key the connector does not know. */
  foreignKey?: boolean;
}

export class ConnectorTokens {
  /** Tenants whose tokens the connector takes (single-tenant bots add theirs). */
  readonly tenants = new Set([BOTFRAMEWORK_TENANT]);
  /** Tokens already checked, until they expire (a bot sends the same one for an hour). */
  private readonly checked = new Map<string, { result: TokenCheck; exp: number; tenants: string }>();
  /** Other keys Entra ID signs with (a managed identity's endpoint, in the deployment test). */
  private readonly trusted: ReturnType<typeof createLocalJWKSet>[] = [];

  private constructor(
    readonly botId: string,
    private readonly key: { privateKey: SigningKey; publicKey: SigningKey },
    private readonly foreign: SigningKey,
  ) {}

  static async create(botId: string): Promise<ConnectorTokens> {
    const [key, foreign] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('RS256')]);
    return new ConnectorTokens(botId, key, foreign.privateKey);
  }

  /** A v1 access token for `appId` (default: the registered bot), as Entra ID would issue it. */
  async issue(appId: string = this.botId, options: TokenOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const tenant = options.tenantId ?? BOTFRAMEWORK_TENANT;
    return new SignJWT({ appid: appId, tid: tenant, ver: '1.0' })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(`https://sts.windows.net/${tenant}/`)
      .setAudience(options.aud ?? CONNECTOR_AUDIENCE)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
      .sign(options.foreignKey ? this.foreign : this.key.privateKey);
  }

  /** Tokens signed with these keys are Entra ID's too (a managed identity's, in the deployment test). */
  trustKeys(jwks: JSONWebKeySet): void {
    this.trusted.push(createLocalJWKSet(jwks));
  }

  async verify(authorization: string | undefined): Promise<TokenCheck> {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!token) return 'missing';
    const tenants = [...this.tenants].join();
    const known = this.checked.get(token);
    if (known && known.tenants === tenants && known.exp * 1000 > Date.now()) return known.result;
    try {
      const issuers = [...this.tenants].flatMap((t) => [
        `https://sts.windows.net/${t}/`,
        `https://login.microsoftonline.com/${t}/v2.0`,
      ]);
      const payload = await this.verifiedPayload(token, {
        audience: CONNECTOR_AUDIENCE,
        issuer: issuers,
        algorithms: ['RS256'],
      });
      const result: TokenCheck = (payload.appid ?? payload.azp) === this.botId ? 'ok' : 'unknown-bot';
      this.checked.set(token, { result, exp: payload.exp ?? 0, tenants });
      return result;
    } catch {
      return 'invalid';
    }
  }

  private async verifiedPayload(token: string, options: Parameters<typeof jwtVerify>[2]): Promise<JWTPayload> {
    try {
      return (await jwtVerify(token, this.key.publicKey, options)).payload;
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

  /** For botbuilder: credentials that sign every request with a token for the bot. */
  credentialsFactory(
    options: { appId?: string; authenticationDisabled?: boolean } = {},
  ): ServiceClientCredentialsFactory {
    return new StandInCredentialsFactory(this, options.appId ?? this.botId, options.authenticationDisabled ?? false);
  }
}

class StandInCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(
    private readonly tokens: ConnectorTokens,
    private readonly appId: string,
    /** Local development (no MicrosoftAppId): the bot takes activities without a JWT. */
    private readonly authenticationDisabled: boolean,
  ) {
    super();
  }
  /** As strict as botbuilder's own factory: a token's audience is this bot, nobody else. */
  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }
  async isAuthenticationDisabled(): Promise<boolean> {
    return this.authenticationDisabled;
  }
  async createCredentials(): Promise<ServiceClientCredentials> {
    const tokens = this.tokens;
    return {
      async signRequest(request) {
        request.headers.set('Authorization', `Bearer ${await tokens.issue()}`);
        return request;
      },
    };
  }
}
