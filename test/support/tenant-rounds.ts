/**
 * Several tenants' reminder rounds at once, as one deployment serving several municipalities runs
 * them: each tenant its own plan (Høylandet's, owned by that tenant) and its own people, whose chats
 * the Bot Connector stand-in knows in that tenant, so it holds each tenant to its own 50/s. The
 * rounds are started together and worked by one or more instances (round runners with the per-tenant
 * limiters, each with its share of every tenant's ceiling) until every card is out. Measures each
 * tenant's pace from its first card to its last, all tenants' together from the first card to the
 * last, duplicates and lost cards. Used by the
 * integration test (test/integration/tenant-rounds.test.ts) and the bench (test/bench/tenant-reminders.ts).
 */
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { ConnectorNotifier } from '../../bot/src/adapters/teams/connector-notifier';
import { teamsLimits } from '../../bot/src/adapters/teams/rate-limiter';
import { TenantLimiters } from '../../bot/src/adapters/teams/tenant-limiters';
import { DEFAULT_DELIVER_OPTIONS, type DeliverDeps } from '../../bot/src/app/deliver-round';
import type {
  ConversationStore,
  Notifier,
  PlanRepository,
  RoundStore,
  SendResult,
  WorkQueue,
} from '../../bot/src/app/ports';
import { startRound, type RoundDeps } from '../../bot/src/app/reminder-rounds';
import { RoundRunner } from '../../bot/src/app/round-runner';
import type { Person } from '../../bot/src/domain/responsibility';
import type { ConnectorStandIn } from '../fakes/connector-stand-in';
import type { ConnectorTally } from '../fakes/connector-stand-in-process';
import type { ConnectorProcess } from './connector-process';
import { hoylandet } from './demo';

export const TENANT_CEILING = 50;

/**
 * The Bot Connector stand-in, in this process (tests that set its failures) or in its own (the
 * bench, so that its CPU is not the sender's: connector-process.ts).
 */
export type TenantConnector = ConnectorStandIn | ConnectorProcess;

/** What the stand-in accepted and the 429s it gave, wherever it runs. */
async function tallyOf(connector: TenantConnector): Promise<ConnectorTally> {
  if ('tally' in connector) return connector.tally();
  return { received: connector.received, throttledIn: [...connector.throttledIn] };
}

async function resetConnector(connector: TenantConnector): Promise<void> {
  if ('reset' in connector) return connector.reset();
  connector.received.length = 0;
  connector.throttledIn.clear();
}

export interface TenantInstance {
  rounds: RoundStore;
  conversations: ConversationStore;
  queue: WorkQueue;
  /** Requests per second this instance may send in each tenant (its share of the ceiling). */
  rate: number;
}

export interface TenantFigures {
  tenantId: string;
  sent: number;
  /**
   * Cards per second from the tenant's first card to its last: the pace it kept (what starting the
   * round costs before the first card is the same for one tenant or ten, and not a rate).
   */
  rps: number;
  ratio: number;
  /** Seconds from the first card of any tenant to this tenant's last. */
  doneAfter: number;
  throttled: number;
}

export interface TenantRoundsResult {
  tenants: TenantFigures[];
  aggregateRps: number;
  /** The aggregate over the sum of the tenants' ceilings. */
  ratio: number;
  worstTenantRatio: number;
  seconds: number;
  perInstance: number[];
  duplicates: number;
  lost: number;
}

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

export const tenantName = (i: number) => `tenant-${String.fromCharCode(97 + i)}`;

/** The tenants' plans (saved) and their people: `recipients` in each tenant. */
export async function tenantPlansAndPeople(
  plans: PlanRepository,
  tenants: number,
  recipients: number,
): Promise<{ planIds: string[]; people: Person[]; byId: Map<string, Person> }> {
  const base = hoylandet();
  const planIds: string[] = [];
  const people: Person[] = [];
  for (let t = 0; t < tenants; t++) {
    const tenantId = tenantName(t);
    const plan = { ...base, id: `plan-${tenantId}`, tenantId };
    await plans.savePlan(plan);
    planIds.push(plan.id);
    for (let i = 0; i < recipients; i++)
      people.push({
        userId: `${tenantId}-u${i}`,
        name: `Person ${i} (${tenantId})`,
        roles: ['Fagleder digitalisering'],
        coordinatorOf: [],
        tenantId,
      });
  }
  return { planIds, people, byId: new Map(people.map((p) => [p.userId, p])) };
}

/** Where to reach each person, in their tenant, stored and known to the stand-in. */
export async function knowChats(connector: TenantConnector, conversations: ConversationStore, people: Person[]) {
  const byTenant = new Map<string, string[]>();
  for (const p of people) {
    await conversations.saveConversation({
      userId: p.userId,
      ...(p.tenantId ? { tenantId: p.tenantId } : {}),
      serviceUrl: connector.url,
      conversationId: `a:${p.userId}`,
    });
    const chats = byTenant.get(p.tenantId ?? '') ?? [];
    chats.push(`a:${p.userId}`);
    byTenant.set(p.tenantId ?? '', chats);
  }
  for (const [tenantId, chats] of byTenant) await connector.knowsIn(tenantId, ...chats);
}

/** Starts every plan's round at once and lets every instance work them until each card is out. */
export async function runTenantRounds(options: {
  connector: TenantConnector;
  common: Omit<DeliverDeps, 'rounds' | 'conversations' | 'notifier' | 'clock'> & Pick<RoundDeps, 'audit'>;
  clock: { now: () => Date };
  planIds: string[];
  people: Person[];
  instances: TenantInstance[];
  /** Each tenant's ceiling, as the stand-in enforces it (default Teams' 50/s). */
  ceiling?: number;
  /** Cards in flight at once per round pass, and the size of a claim (default the service's). */
  concurrency?: number;
  timeoutMs?: number;
}): Promise<TenantRoundsResult> {
  const { connector, common, clock, planIds, people, instances } = options;
  await resetConnector(connector);
  const token = await connector.token(); // as MSAL caches it: one token for the run
  const sent = instances.map(() => 0);
  const firstAt = new Map<string, number>();
  const lastAt = new Map<string, number>();
  const sentIn = new Map<string, number>();
  const runners = instances.map((instance, i) => {
    const notifier = counting(
      new ConnectorNotifier({
        limiter: new TenantLimiters({ limits: { bot: teamsLimits(instance.rate) } }),
        logger: pino({ level: 'silent' }),
        getToken: async () => token,
      }),
      (tenantId) => {
        sent[i]!++;
        sentIn.set(tenantId, (sentIn.get(tenantId) ?? 0) + 1);
        if (!firstAt.has(tenantId)) firstAt.set(tenantId, performance.now());
        lastAt.set(tenantId, performance.now());
      },
    );
    return new RoundRunner({ ...common, ...instance, notifier, clock }, quiet, instance.queue, {
      ...DEFAULT_DELIVER_OPTIONS,
      retryDelayMs: () => 500,
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      pollMs: 60_000,
    });
  });
  for (const runner of runners) await runner.start();
  const ids = { newId: () => `round-${Math.random().toString(36).slice(2)}` };
  const first = instances[0]!;
  const rounds = await Promise.all(
    planIds.map(async (planId) => {
      // Each tenant's own coordinator starts its round.
      const tenantId = (await common.plans.getPlan(planId))?.tenantId;
      const actor = {
        userId: `coordinator-${tenantId}`,
        name: 'Koordinator',
        appRoles: ['coordinator' as const],
        ...(tenantId ? { tenantId } : {}),
      };
      return startRound({ ...common, rounds: first.rounds, clock, ids }, actor, planId);
    }),
  );
  for (const round of rounds) runners[0]!.kick(round.id);
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  let sentBefore = -1;
  for (;;) {
    // Reading every log is work on the event loop the senders share (10 000 deliveries: a tenth
    // of the run's CPU): only once the cards are all out, or have stopped coming (some unreachable).
    const sentNow = sent.reduce((a, b) => a + b, 0);
    const flowing = sentNow < people.length && sentNow !== sentBefore;
    sentBefore = sentNow;
    if (flowing && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    const logs = await Promise.all(rounds.map((r) => first.rounds.listDeliveries(r.id)));
    if (logs.every((log) => log.every((d) => d.state === 'sent' || d.state === 'unreachable'))) break;
    if (Date.now() > deadline) throw new Error('the rounds did not finish in time');
    // (The figures are taken from the cards' own times, not from this loop's.)
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const start = Math.min(...firstAt.values());
  const end = Math.max(...lastAt.values());
  await Promise.all(runners.map((r) => r.stop()));
  const tally = await tallyOf(connector);
  const throttledIn = new Map(tally.throttledIn);
  const conversations = new Set(tally.received.map((r) => r.conversationId));
  const ceiling = options.ceiling ?? TENANT_CEILING;
  const tenants = [...new Set(people.map((p) => p.tenantId ?? ''))].map((tenantId) => {
    const count = sentIn.get(tenantId) ?? 0;
    const rps = (count - 1) / (((lastAt.get(tenantId) ?? end) - (firstAt.get(tenantId) ?? start)) / 1000);
    return {
      tenantId,
      sent: count,
      rps: round1(rps),
      ratio: round2(rps / ceiling),
      doneAfter: round1(((lastAt.get(tenantId) ?? end) - start) / 1000),
      throttled: throttledIn.get(tenantId) ?? 0,
    };
  });
  const aggregateRps = (tally.received.length - 1) / ((end - start) / 1000);
  return {
    tenants,
    aggregateRps: round1(aggregateRps),
    ratio: round2(aggregateRps / (ceiling * tenants.length)),
    worstTenantRatio: Math.min(...tenants.map((t) => t.ratio)),
    seconds: round1((end - start) / 1000),
    perInstance: sent,
    duplicates: tally.received.length - conversations.size,
    lost: people.length - conversations.size,
  };
}

/** The notifier, telling each card it got out, with its tenant. */
function counting(notifier: Notifier, count: (tenantId: string) => void): Notifier {
  const counted = (tenantId: string | undefined) => (result: SendResult) => {
    if (result.kind === 'sent') count(tenantId ?? '');
    return result;
  };
  return {
    sendStatusForm: (target, form) => notifier.sendStatusForm(target, form).then(counted(target.tenantId)),
    sendEscalation: (...args) => notifier.sendEscalation(...args),
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
