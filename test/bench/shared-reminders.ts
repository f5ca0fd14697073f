/**
 * `npm run bench -- shared-reminders`: the same round (2 000 people, chats known, the Bot Connector
 * stand-in at Teams' limits with 100–300 ms per call) sent twice in one run: by one instance on the
 * embedded store (the baseline), and by two instances sharing it through Azure Storage (Azurite:
 * queue and tables), each with half of Teams' 50/s. Prints both rates against the ceiling, their
 * ratio, each instance's share, and duplicates and lost cards. Ends with one JSON line.
 */
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { openSharedState } from '../../bot/src/adapters/azure-storage/open-shared-state';
import { InProcessWorkQueue } from '../../bot/src/adapters/in-process/in-process-work-queue';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { ConnectorNotifier } from '../../bot/src/adapters/teams/connector-notifier';
import { RateLimiter, teamsLimits } from '../../bot/src/adapters/teams/rate-limiter';
import { DEFAULT_DELIVER_OPTIONS, type DeliverDeps } from '../../bot/src/app/deliver-round';
import type { ConversationStore, Notifier, RoundStore, WorkQueue } from '../../bot/src/app/ports';
import { startRound, type RoundDeps } from '../../bot/src/app/reminder-rounds';
import { RoundRunner } from '../../bot/src/app/round-runner';
import type { Person } from '../../bot/src/domain/responsibility';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { startAzurite } from '../support/azurite';
import { hoylandet } from '../support/demo';
import { responsiblePeople } from '../support/responsible-people';

const RECIPIENTS = 2000;
const CEILING = 50;
const started = performance.now();
// Inside sending hours whatever the time of the run.
const clock = { now: () => new Date(Date.parse('2026-11-24T09:00:00Z') + (performance.now() - started)) };
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface Instance {
  rounds: RoundStore;
  conversations: ConversationStore;
  queue: WorkQueue;
  /** Requests per second this instance may send (its share of Teams' ceiling). */
  rate: number;
}

export async function benchSharedReminders(): Promise<void> {
  const connector = await ConnectorStandIn.start({ limits: true, latencyMs: [100, 300] });
  const azurite = await startAzurite();
  const store = openSqliteStore(':memory:');
  try {
    const plan = hoylandet();
    await store.plans.savePlan(plan);
    const { people, directory } = responsiblePeople(RECIPIENTS);
    const common = {
      plans: store.plans,
      reports: store.reports,
      audit: store.audit,
      directory,
      substitutes: store.substitutes,
      locks: store.locks,
    };

    const single = await sendRound(connector, common, people, [
      { rounds: store.rounds, conversations: store.conversations, queue: new InProcessWorkQueue(), rate: CEILING },
    ]);
    const settings = { connectionString: azurite.connectionString, queueName: 'bench-rounds', tablePrefix: 'Bench' };
    const shared = await sendRound(
      connector,
      common,
      people,
      await Promise.all([0, 1].map(async () => ({ ...(await openSharedState(settings, quiet)), rate: CEILING / 2 }))),
    );
    const result = {
      bench: 'shared-reminders',
      recipients: RECIPIENTS,
      ceilingRps: CEILING,
      singleRps: single.rps,
      sharedRps: shared.rps,
      sharedRatio: round2(shared.rps / CEILING),
      sharedToSingle: round2(shared.rps / single.rps),
      perInstance: shared.perInstance,
      duplicates: single.duplicates + shared.duplicates,
      lost: single.lost + shared.lost,
    };
    console.log(
      `one instance (embedded store): ${single.rps} cards/s = ${round2(single.rps / CEILING)} of the ceiling; ` +
        `two instances (Azure Storage on Azurite): ${shared.rps} cards/s = ${result.sharedRatio} of the ceiling, ` +
        `${result.sharedToSingle}× the single instance, shares ${shared.perInstance.join(' / ')}; ` +
        `duplicates ${result.duplicates}, lost ${result.lost}`,
    );
    console.log(JSON.stringify(result));
  } finally {
    store.close();
    await azurite.stop();
    await connector.stop();
  }
}

/** Starts a round on the first instance and lets every instance work it until each card is out. */
async function sendRound(
  connector: ConnectorStandIn,
  common: Omit<DeliverDeps, 'rounds' | 'conversations' | 'notifier' | 'clock'> & Pick<RoundDeps, 'audit'>,
  people: Person[],
  instances: Instance[],
): Promise<{ rps: number; perInstance: number[]; duplicates: number; lost: number }> {
  connector.received.length = 0;
  for (const p of people)
    await instances[0]!.conversations.saveConversation({
      userId: p.userId,
      serviceUrl: connector.url,
      conversationId: `a:${p.userId}`,
    });
  connector.knows(...people.map((p) => `a:${p.userId}`));
  const token = await connector.token(); // as MSAL caches it: one token for the run
  const sent = instances.map(() => 0);
  const runners = instances.map((instance, i) => {
    const notifier = counting(
      new ConnectorNotifier({
        limiter: new RateLimiter(teamsLimits(instance.rate)),
        logger: pino({ level: 'silent' }),
        getToken: async () => token,
      }),
      () => sent[i]!++,
    );
    return new RoundRunner({ ...common, ...instance, notifier, clock }, quiet, instance.queue, {
      ...DEFAULT_DELIVER_OPTIONS,
      pollMs: 60_000,
    });
  });
  for (const runner of runners) await runner.start();
  const actor = { userId: 'coordinator', name: 'Koordinator', appRoles: ['coordinator' as const] };
  const ids = { newId: () => `round-${Math.random().toString(36).slice(2)}` };
  const t0 = performance.now();
  const round = await startRound({ ...common, rounds: instances[0]!.rounds, clock, ids }, actor, hoylandet().id);
  runners[0]!.kick(round.id);
  for (;;) {
    const log = await instances[0]!.rounds.listDeliveries(round.id);
    if (log.every((d) => d.state === 'sent' || d.state === 'unreachable')) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(runners.map((r) => r.stop()));
  const conversations = new Set(connector.received.map((r) => r.conversationId));
  return {
    rps: round1(connector.received.length / seconds),
    perInstance: sent,
    duplicates: connector.received.length - conversations.size,
    lost: people.length - conversations.size,
  };
}

/** The notifier, counting the cards it got out. */
function counting(notifier: Notifier, count: () => void): Notifier {
  return {
    sendStatusForm: async (...args) => {
      const result = await notifier.sendStatusForm(...args);
      if (result.kind === 'sent') count();
      return result;
    },
    sendEscalation: (...args) => notifier.sendEscalation(...args),
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
