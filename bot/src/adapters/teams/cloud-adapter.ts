/**
 * The Bot Framework adapter, configured from our config. Kept here so that moving from botbuilder
 * (archived end of 2025) to the Teams SDK or the Agents SDK is this folder's work only.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { AuthenticateRequestResult, ServiceClientCredentialsFactory } from 'botframework-connector';
import { decodeJwt } from 'jose';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import { t, languageFromLocale } from '../../i18n';

export interface CloudAdapterOptions {
  /** Extra settings (the To... and OAuthUrl endpoints) for clouds other than the public one, and for tests. */
  authSettings?: ConfigurationBotFrameworkAuthenticationOptions;
  credentialsFactory?: ServiceClientCredentialsFactory;
}

/** The only channel this bot serves; the keys that sign its tokens are endorsed for it. */
const TEAMS_CHANNEL = 'msteams';
/**
 * botbuilder accepts a token up to 5 minutes past its expiry (a fixed clock tolerance it does not
 * let us set); we allow the 60 seconds the tab's tokens get, checked once botbuilder has verified it.
 */
const CLOCK_TOLERANCE_SECONDS = 60;

/**
 * CloudAdapter with authentication as steps of their own, so that a request is refused on its
 * headers before its body is read, and a refusal is told apart from a failure of the bot itself
 * without guessing: `authenticate` throws only for a request that is not Teams', `run` only for
 * the bot's own faults.
 */
export class TiltakCloudAdapter extends CloudAdapter {
  constructor(
    private readonly auth: ConfigurationBotFrameworkAuthentication,
    /** False in local development (no MicrosoftAppId): every request is let in, on loopback only. */
    readonly authenticationOn: boolean,
  ) {
    super(auth);
  }

  /**
   * Checks the Authorization header alone — signature, issuer, audience, lifetime — before the body
   * is read. The service URL claim, which needs the activity, is checked again by `authenticate`.
   */
  async authenticateHeader(authHeader: string): Promise<void> {
    if (!this.authenticationOn) return;
    await this.auth.authenticateStreamingRequest(authHeader, TEAMS_CHANNEL);
    refuseOutsideLifetime(authHeader);
  }

  async authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.auth.authenticateRequest(activity, authHeader);
    if (this.authenticationOn) refuseOutsideLifetime(authHeader);
    return result;
  }

  run(
    authenticated: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}

/** A verified token outside its lifetime by more than our tolerance is refused all the same. */
function refuseOutsideLifetime(authHeader: string): void {
  const token = /^Bearer\s+(\S+)$/i.exec(authHeader)?.[1] ?? '';
  const { exp, nbf } = decodeJwt(token);
  const now = Date.now() / 1000;
  if (exp !== undefined && now > exp + CLOCK_TOLERANCE_SECONDS) throw new Error('the token has expired');
  if (nbf !== undefined && now < nbf - CLOCK_TOLERANCE_SECONDS) throw new Error('the token is not valid yet');
}

export function createCloudAdapter(
  bot: Config['bot'],
  logger: Logger,
  options: CloudAdapterOptions = {},
): TiltakCloudAdapter {
  const settings: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: bot.appId ?? '',
    MicrosoftAppPassword: bot.appPassword ?? '',
    MicrosoftAppType: bot.appType,
    ...(bot.tenantId ? { MicrosoftAppTenantId: bot.tenantId } : {}),
    ...options.authSettings,
  };
  const auth = new ConfigurationBotFrameworkAuthentication(settings, options.credentialsFactory);
  const adapter = new TiltakCloudAdapter(auth, Boolean(bot.appId));
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, activityId: context.activity.id }, 'unhandled error in a bot turn');
    if (context.activity.type === 'message') {
      await context.sendActivity(t(languageFromLocale(context.activity.locale), 'card.error.failed'));
    }
  };
  return adapter;
}
