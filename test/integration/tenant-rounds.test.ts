/**
 * Two tenants' rounds at once against the Bot Connector stand-in, which holds each tenant to its
 * own 50 requests/s: both go near their own ceiling at the same time (together far over one
 * tenant's ceiling: no budget shared between tenants), and a 429 storm in tenant A leaves tenant B's
 * round at its pace (A is held back by Teams' Retry-After, B not at all). The ceiling is lowered to 10/s for both the stand-in and the sender, so that a
 * busy test machine keeps up and what is measured is the limiters, not the CPU (Teams' own 50/s for
 * ten tenants at once is `npm run bench -- reminders`). The bounds are loose for the same reason
 * (a late timer on a loaded machine costs a 429 and a second's pause); what they tell apart is one
 * budget for all tenants (together at most 1× one ceiling) from one budget each (near 2×). On both round-state stores: SQLite with one instance, and Azure Tables on
 * Azurite with two instances sharing the work through the storage queue (each with half of every
 * tenant's ceiling, as TEAMS_MAX_REQUESTS_PER_SECOND is set for two).
 */
import { randomUUID } from 'node:crypto';
import { openSharedState } from '../../bot/src/adapters/azure-storage/open-shared-state';
import { InProcessWorkQueue } from '../../bot/src/adapters/in-process/in-process-work-queue';
import { openSqliteStore, type SqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { startAzurite, type Azurite } from '../support/azurite';
import {
  knowChats,
  runTenantRounds,
  tenantName,
  tenantPlansAndPeople,
  type TenantInstance,
} from '../support/tenant-rounds';

jest.setTimeout(180_000);

const CEILING = 10;
const PER_TENANT = 80;
const started = Date.now();
/** A Tuesday 10:00 in Oslo, moving with real time so retries fall due. */
const clock = { now: () => new Date(Date.parse('2026-11-24T09:00:00Z') + (Date.now() - started)) };
const quiet = { warn: () => undefined, error: () => undefined };

let connector: ConnectorStandIn;
let azurite: Azurite;
let store: SqliteStore;

beforeAll(async () => {
  connector = await ConnectorStandIn.start({ limits: true, appPerSecond: CEILING, latencyMs: [100, 300] });
  azurite = await startAzurite();
});

afterAll(async () => {
  await connector?.stop();
  await azurite?.stop();
});

beforeEach(() => {
  store = openSqliteStore(':memory:');
});
afterEach(() => store.close());

/**
 * Each store's floor for a tenant's pace against its ceiling. Azurite's table calls (a claim is a
 * query and a conditional update per delivery) are what a loaded machine slows first, so on it the
 * test holds to what does not depend on the machine: each card once, shared by both instances, and
 * A's storm delaying A only. Its pace at Teams' ceilings is measured by the bench.
 */
const stores: [string, () => Promise<TenantInstance[]>, number][] = [
  [
    'SQLite, one instance',
    async () => [
      {
        rounds: store.rounds,
        conversations: store.conversations,
        queue: new InProcessWorkQueue(),
        rate: CEILING,
      },
    ],
    0.6,
  ],
  [
    'Azure Tables on Azurite, two instances',
    async () => {
      const id = randomUUID().replace(/-/g, '').slice(0, 8);
      const settings = { connectionString: azurite.connectionString, queueName: `t-${id}`, tablePrefix: `T${id}` };
      return Promise.all([0, 1].map(async () => ({ ...(await openSharedState(settings, quiet)), rate: CEILING / 2 })));
    },
    0.15,
  ],
];

describe.each(stores)('%s', (_name, instancesFor, floor) => {
  async function run() {
    const instances = await instancesFor();
    const { planIds, people, byId } = await tenantPlansAndPeople(store.plans, 2, PER_TENANT);
    await knowChats(connector, instances[0]!.conversations, people);
    const common = {
      plans: store.plans,
      reports: store.reports,
      audit: store.audit,
      substitutes: store.substitutes,
      locks: store.locks,
      directory: { findPerson: async (id: string) => byId.get(id), listPeople: async () => people },
    };
    return runTenantRounds({
      connector,
      common,
      clock,
      planIds,
      people,
      instances,
      ceiling: CEILING,
      // Claims sized to the lowered ceiling as the service's 64 are to 50/s: about a second and a half of cards.
      concurrency: 8,
    });
  }

  it("sends both tenants' rounds at once, each near its own ceiling", async () => {
    const result = await run();
    expect(result).toMatchObject({ duplicates: 0, lost: 0 });
    for (const tenant of result.tenants) {
      expect(tenant.sent).toBe(PER_TENANT);
      expect(tenant.ratio).toBeGreaterThanOrEqual(floor);
      expect(tenant.ratio).toBeLessThanOrEqual(1); // and never over it: the stand-in would say 429
      expect(tenant.throttled).toBeLessThanOrEqual(5); // a late timer's, now and then: never a storm
    }
    // One budget for the process would cap both together at 50/s.
    expect(result.aggregateRps).toBeGreaterThan(1.3 * CEILING * (floor / 0.6));
    // Each tenant's pace is its own: neither waits for the other's turns.
    const [a, b] = result.tenants;
    expect(Math.min(a!.rps, b!.rps) / Math.max(a!.rps, b!.rps)).toBeGreaterThan(0.6);
    if (result.perInstance.length > 1) for (const share of result.perInstance) expect(share).toBeGreaterThan(0);
  });

  it('keeps tenant B at its pace through a 429 storm in tenant A', async () => {
    const storm = Array.from({ length: 20 }, () => ({ status: 429, retryAfterSeconds: 1 }));
    connector.failNextIn.set(tenantName(0), storm);
    const result = await run();
    const [a, b] = result.tenants;
    expect(connector.failNextIn.get(tenantName(0))).toHaveLength(0); // the storm reached A
    expect(result).toMatchObject({ duplicates: 0, lost: 0 });
    expect(a!.sent).toBe(PER_TENANT); // A's cards all went, later
    expect(b!.sent).toBe(PER_TENANT);
    expect(b!.ratio).toBeGreaterThanOrEqual(floor);
    // Twenty 429s with Retry-After 1 s held A back (each pausing the instance's A limiter); B
    // finished in its own time.
    expect(a!.doneAfter).toBeGreaterThan(b!.doneAfter + 4);
    expect(b!.doneAfter).toBeLessThan(PER_TENANT / CEILING / floor);
  });
});
