/**
 * Part of `npm run bench -- reminders`: ten tenants' rounds at once (1 000 people each, chats
 * known), over the Bot Connector stand-in holding each tenant to Teams' 50/s with 100–300 ms per
 * call, as one deployment serving ten municipalities sends them. Once from one instance (SQLite),
 * once from two sharing the work through Azure Storage (Azurite), each with half of every tenant's
 * ceiling. `ratio` is the achieved aggregate over the sum of the tenants' ceilings (first card to
 * last), `worstTenantRatio` the slowest tenant's pace over its ceiling. One JSON line per case.
 * BENCH_TENANTS and BENCH_TENANT_RECIPIENTS make it smaller for a quick look, BENCH_TENANT_CASES=one
 * (or two) runs one case.
 */
import { openSharedState } from '../../bot/src/adapters/azure-storage/open-shared-state';
import { InProcessWorkQueue } from '../../bot/src/adapters/in-process/in-process-work-queue';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { startAzurite } from '../support/azurite';
import { startConnectorProcess } from '../support/connector-process';
import {
  knowChats,
  runTenantRounds,
  TENANT_CEILING,
  tenantPlansAndPeople,
  type TenantInstance,
  type TenantRoundsResult,
} from '../support/tenant-rounds';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 10);
const RECIPIENTS = Number(process.env.BENCH_TENANT_RECIPIENTS ?? 1000);
/** BENCH_TENANT_CASES=one (or two): only that case, for a profile of one store. */
const CASES = (process.env.BENCH_TENANT_CASES ?? 'one,two').split(',');
const started = Date.now();
// Inside sending hours whatever the time of the run.
const clock = { now: () => new Date(Date.parse('2026-11-24T09:00:00Z') + (Date.now() - started)) };
const quiet = { warn: () => undefined, error: () => undefined };

export async function benchTenantReminders(): Promise<void> {
  const azurite = await startAzurite();
  try {
    if (CASES.includes('one'))
      await benchCase('one instance (SQLite)', async (store) => [
        {
          rounds: store.rounds,
          conversations: store.conversations,
          queue: new InProcessWorkQueue(),
          rate: TENANT_CEILING,
        },
      ]);
    const settings = { connectionString: azurite.connectionString, queueName: 'bench-tenants', tablePrefix: 'Tenants' };
    if (CASES.includes('two'))
      await benchCase('two instances (Azure Storage on Azurite)', () =>
        Promise.all(
          [0, 1].map(async () => ({ ...(await openSharedState(settings, quiet)), rate: TENANT_CEILING / 2 })),
        ),
      );
  } finally {
    await azurite.stop();
  }
}

async function benchCase(
  name: string,
  instancesFor: (store: ReturnType<typeof openSqliteStore>) => Promise<TenantInstance[]>,
): Promise<void> {
  // In its own process: answering 500 calls a second is Teams' CPU, not the sender's.
  const connector = await startConnectorProcess({ limits: true, latencyMs: [100, 300] });
  const store = openSqliteStore(':memory:');
  try {
    const instances = await instancesFor(store);
    const { planIds, people, byId } = await tenantPlansAndPeople(store.plans, TENANTS, RECIPIENTS);
    await knowChats(connector, instances[0]!.conversations, people);
    const common = {
      plans: store.plans,
      reports: store.reports,
      audit: store.audit,
      substitutes: store.substitutes,
      locks: store.locks,
      directory: { findPerson: async (id: string) => byId.get(id), listPeople: async () => people },
    };
    const cpuBefore = process.cpuUsage();
    const result = await runTenantRounds({ connector, common, clock, planIds, people, instances });
    const cpu = process.cpuUsage(cpuBefore);
    // The senders' CPU (this process: bot code, stores, Azurite's clients) per card sent.
    const cpuMsPerCard = Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, people.length)) * 100) / 100;
    report(name, instances.length, result, cpuMsPerCard);
  } finally {
    store.close();
    await connector.stop();
  }
}

function report(name: string, instances: number, r: TenantRoundsResult, cpuMsPerCard: number): void {
  const throttled = r.tenants.reduce((sum, t) => sum + t.throttled, 0);
  console.log(
    `${TENANTS} tenants × ${RECIPIENTS}, ${name}: ${r.aggregateRps} cards/s over ${r.seconds} s = ${r.ratio} of ` +
      `${TENANTS} × ${TENANT_CEILING}/s; slowest tenant ${r.worstTenantRatio} of its ceiling ` +
      `(${r.tenants.map((t) => t.ratio).join(' ')}); per instance ${r.perInstance.join(' / ')}; ` +
      `duplicates ${r.duplicates}, lost ${r.lost}, 429s ${throttled}; sender CPU ${cpuMsPerCard} ms a card`,
  );
  console.log(
    JSON.stringify({
      bench: 'reminders-tenants',
      tenants: TENANTS,
      recipientsPerTenant: RECIPIENTS,
      instances,
      aggregateRps: r.aggregateRps,
      ratio: r.ratio,
      worstTenantRatio: r.worstTenantRatio,
      duplicates: r.duplicates,
      lost: r.lost,
      throttled,
      seconds: r.seconds,
      perInstance: r.perInstance,
      cpuMsPerCard,
    }),
  );
}
