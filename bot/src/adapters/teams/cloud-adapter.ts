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
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import { t, languageFromLocale } from '../../i18n';

export interface CloudAdapterOptions {
  /** Extra settings (the To... and OAuthUrl endpoints) for clouds other than the public one, and for tests. */
  authSettings?: ConfigurationBotFrameworkAuthenticationOptions;
  credentialsFactory?: ServiceClientCredentialsFactory;
}

/**
 * CloudAdapter.process() answers errors with their message text and logs to the console; we need
 * our own status mapping (authentication failures are 401) and logging, so the server calls the
 * underlying processActivity through this one method.
 */
export class TiltakCloudAdapter extends CloudAdapter {
  handleActivity(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
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
  const adapter = new TiltakCloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, activityId: context.activity.id }, 'unhandled error in a bot turn');
    if (context.activity.type === 'message') {
      await context.sendActivity(t(languageFromLocale(context.activity.locale), 'card.error.failed'));
    }
  };
  return adapter;
}
