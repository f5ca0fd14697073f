/**
 * The composition root: wires adapters to ports from the config and starts the server. main.ts
 * calls it for `npm start`; the integration and end-to-end tests call it with their own config.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { DEFAULT_DELIVER_OPTIONS, type DeliverOptions } from './app/deliver-round';
import { ensurePlans } from './app/ensure-plans';
import { ensureScheduledRounds } from './app/reminder-rounds';
import { RoundRunner } from './app/round-runner';
import { connectorTokenProvider, ConnectorNotifier } from './adapters/teams/connector-notifier';
import { PersonalChatOpener } from './adapters/teams/personal-chat-opener';
import { reminderChannelsFor } from './reminder-channels';
import { teamsLimits } from './adapters/teams/rate-limiter';
import { TenantLimiters } from './adapters/teams/tenant-limiters';
import type { Clock } from './app/ports';
import type { Config } from './config';
import { EntraDirectory, loadRoleFile } from './adapters/directory/entra-directory';
import { FileDirectory } from './adapters/directory/file-directory';
import { loadDemoPlans, loadDemoRealised } from './adapters/demo/demo-plans';
import { demoStatusReports } from './adapters/demo/demo-statuses';
import { createCloudAdapter, type CloudAdapterOptions } from './adapters/teams/cloud-adapter';
import { createBotEndpoint } from './adapters/teams/bot-endpoint';
import { TiltakBot } from './adapters/teams/tiltak-bot';
import { createServer, type RateLimits } from './http/server';
import { createTabTokenValidator } from './http/tab-token';
import type { FetchFunction } from './adapters/sharepoint/graph-http';
import { graphPerTenant } from './adapters/sharepoint/tenant-graphs';
import { graphFor, openRoundState, openStore, stateLocations } from './storage';
import { PlacedDirectory } from './app/placed-directory';
import { HomeTenantDirectory, TenantScopedPlans } from './app/tenant-scope';
import { renderPeriodReport } from './adapters/reports/period-report';

export interface ServiceOptions {
  clock?: Clock;
  botAdapter?: CloudAdapterOptions;
  rateLimits?: RateLimits;
  /** Delivery settings for reminder rounds (tests: no waiting). */
  delivery?: Partial<DeliverOptions & { pollMs: number }>;
  /** How the service reaches Graph and Entra ID (tests: trusting the stand-in's certificate). */
  graphFetch?: FetchFunction;
  /** How the service gets Bot Connector tokens (tests: a fixed one; default: from its credentials). */
  connectorToken?: () => Promise<string>;
}

export interface RunningService {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startService(
  config: Config,
  logger: Logger,
  options: ServiceOptions = {},
): Promise<RunningService> {
  const { queue, shared } = await openRoundState(config.workQueue, logger);
  const opened = await openStore(config.storage, logger, {
    ...(options.graphFetch ? { fetch: options.graphFetch } : {}),
    ...(shared ? { shared } : {}),
  });
  if (config.workQueue.kind === 'azure-storage' && config.storage.kind === 'local')
    logger.warn(
      { databasePath: config.storage.databasePath },
      'reminder rounds are shared, but plans and answers are in this machine’s file: use STORAGE=sharepoint for instances on several machines',
    );
  // Several tenants allowed to sign in: each sees its own plans only (the first is the home tenant).
  const tenants = config.tabAuth.mode === 'sso' ? (config.tabAuth.sso?.tenantIds ?? []) : [];
  const homeTenant = tenants[0];
  const store = homeTenant ? { ...opened, plans: new TenantScopedPlans(opened.plans, homeTenant) } : opened;
  const listed =
    config.directory.kind === 'entra'
      ? new EntraDirectory(
          graphFor(config.directory.graph, logger, options.graphFetch),
          loadRoleFile(config.directoryFile),
          logger,
        )
      : FileDirectory.load(config.directoryFile);
  // Read Entra ID once before taking requests: a wrong permission shows at start, not at the first card.
  if (listed instanceof EntraDirectory) await listed.refresh();
  // Each person placed in their municipality, so that a role counts only in that municipality's plans.
  const directory = new PlacedDirectory(homeTenant ? new HomeTenantDirectory(listed, homeTenant) : listed);
  const clock: Clock = options.clock ?? { now: () => new Date() };
  const ids = { newId: () => randomUUID() };

  if (config.demoPlans.load) {
    // The service's own work sees every plan (the tenant-scoped repository is for requests and turns).
    const demo = loadDemoPlans(config.demoPlans.dir);
    const added = await ensurePlans({ plans: opened.plans, clock, ids }, demo);
    if (added.length) logger.info({ plans: added }, 'loaded demo plans into the store');
    for (const planId of added)
      await store.realisedBenefits.addRealised(loadDemoRealised(config.demoPlans.dir, planId));
    // The shared plans' demo answers, per municipality, beside the plans they belong to.
    const answers = demoStatusReports(
      join(config.demoPlans.dir, '..', 'statuses.json'),
      demo.filter((p) => added.includes(p.id)),
      clock.now(),
    );
    if (answers.length) await opened.reports.appendReports(answers);
  }

  const bot = new TiltakBot({
    plans: store.plans,
    reports: store.reports,
    directory,
    clock,
    ids,
    logger,
    conversations: store.conversations,
    substitutes: store.substitutes,
    locks: store.locks,
    decisions: store.decisions,
    realisedBenefits: store.realisedBenefits,
  });
  // Teams' ceiling is per tenant: each tenant's cards keep to their own (this instance's share of it).
  const home = homeTenant ?? config.bot.tenantId;
  const limiter = new TenantLimiters({
    limits: { bot: teamsLimits(config.teams.maxRequestsPerSecond) },
    ...(home ? { homeTenant: home } : {}),
  });
  const connectorToken = options.connectorToken ?? connectorTokenProvider(config.bot);
  const notifier = new ConnectorNotifier({ limiter, logger, ...(connectorToken ? { getToken: connectorToken } : {}) });
  const install = config.teams.install;
  const chats = install
    ? new PersonalChatOpener({
        settings: install,
        graph: graphPerTenant(install.graph, (graph) => graphFor(graph, logger, options.graphFetch)),
        limiter,
        logger,
        ...(connectorToken ? { getToken: connectorToken } : {}),
      })
    : undefined;
  const reminderChannels = reminderChannelsFor(config, logger, limiter, options.graphFetch);
  const roundDeps = { ...opened, directory, notifier, clock, ids, ...(chats ? { chats } : {}), ...reminderChannels };
  const runner = new RoundRunner(roundDeps, logger, queue, {
    ...DEFAULT_DELIVER_OPTIONS,
    pollMs: 60_000,
    ...(config.reminders.scheduled ? { scheduleRounds: () => ensureScheduledRounds(roundDeps) } : {}),
    ...options.delivery,
  });
  const adapter = createCloudAdapter(config.bot, logger, options.botAdapter);
  const validateTabToken =
    config.tabAuth.mode === 'sso' && config.tabAuth.sso ? createTabTokenValidator(config.tabAuth.sso) : undefined;
  const server = createServer({
    config,
    ...(validateTabToken ? { validateTabToken } : {}),
    logger,
    bot: createBotEndpoint({ adapter, bot, logger, tenantScoped: Boolean(homeTenant) }),
    plans: store.plans,
    reports: store.reports,
    audit: store.audit,
    rounds: store.rounds,
    substitutes: store.substitutes,
    locks: store.locks,
    decisions: store.decisions,
    versions: store.versions,
    realisedBenefits: store.realisedBenefits,
    renderReport: renderPeriodReport,
    ...(store.archive ? { archive: store.archive } : {}),
    onRoundChanged: (roundId: string) => runner.kick(roundId),
    directory,
    clock,
    ids,
    isReady: () => store.ping(),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  await runner.start();
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  logger.info(
    {
      url,
      profile: config.profile.name,
      ...stateLocations(config, store),
      botAuth: config.bot.appId ? `on (${config.bot.appType})` : 'off (local development)',
    },
    `tiltak is listening (${config.profile.name} profile)`,
  );
  return {
    url,
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runner.stop();
      await store.close();
    },
  };
}
