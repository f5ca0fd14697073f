/**
 * `npm run bench -- reminders`: a round to 5 000 people whose chats are known, over the Bot
 * Connector stand-in at Teams' limits with 100–300 ms per call. Prints the connector requests per
 * second achieved as a share of the 50/s ceiling, a plain sequential sender on 300 of them (one
 * await after another, as Microsoft's proactive-messages sample does) measured in the same run,
 * and duplicates and lost cards, in one JSON line. Then ten tenants' rounds at once, each at its
 * own tenant's ceiling (tenant-reminders.ts), with their JSON lines.
 */
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { ConnectorNotifier } from '../../bot/src/adapters/teams/connector-notifier';
import { RateLimiter, TEAMS_LIMITS } from '../../bot/src/adapters/teams/rate-limiter';
import { statusFormCard } from '../../bot/src/adapters/teams/cards';
import { deliverDue, DEFAULT_DELIVER_OPTIONS } from '../../bot/src/app/deliver-round';
import { formOf } from '../../bot/src/app/prepare-status-forms';
import { startRound } from '../../bot/src/app/reminder-rounds';
import { currentPlanPeriod } from '../../bot/src/domain/period';
import type { Person } from '../../bot/src/domain/responsibility';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { hoylandet } from '../support/demo';
import { responsiblePeople } from '../support/responsible-people';
import { benchTenantReminders } from './tenant-reminders';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 5000);
const SEQUENTIAL = 300;
const CEILING = 50;
const clock = { now: () => new Date(Date.parse('2026-11-24T09:00:00Z') + (performance.now() - t0)) };
const t0 = performance.now();

export async function benchReminders(): Promise<void> {
  if (process.env.BENCH_ONLY !== 'tenants') await benchOneTenant();
  await benchTenantReminders();
}

async function benchOneTenant(): Promise<void> {
  const connector = await ConnectorStandIn.start({ limits: true, latencyMs: [100, 300] });
  const store = openSqliteStore(':memory:');
  try {
    const plan = hoylandet();
    await store.plans.savePlan(plan);
    const { people, directory } = responsiblePeople(RECIPIENTS);
    for (const p of people)
      await store.conversations.saveConversation({
        userId: p.userId,
        serviceUrl: connector.url,
        conversationId: `a:${p.userId}`,
      });
    connector.knows(
      ...people.map((p) => `a:${p.userId}`),
      ...Array.from({ length: SEQUENTIAL }, (_, i) => `baseline-${i}`),
    );
    const token = await connector.token(); // as MSAL caches it: one token for the run

    // Baseline: one await after another.
    const form = formOf(
      people[0] as Person,
      plan,
      currentPlanPeriod(plan.cadence, plan.period, clock.now()),
      { current: new Map(), previous: new Map() },
      'baseline',
    );
    const body = JSON.stringify({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: statusFormCard(form!) }],
    });
    let started = performance.now();
    for (let i = 0; i < SEQUENTIAL; i++) {
      await fetch(`${connector.url}v3/conversations/baseline-${i}/activities`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body,
      });
    }
    const sequentialRps = SEQUENTIAL / ((performance.now() - started) / 1000);
    console.log(`sequential sender: ${SEQUENTIAL} cards at ${sequentialRps.toFixed(1)} requests/s`);
    connector.received.length = 0;

    const actor = { userId: 'coordinator', name: 'Koordinator', appRoles: ['coordinator' as const] };
    const deps = {
      plans: store.plans,
      reports: store.reports,
      directory,
      rounds: store.rounds,
      audit: store.audit,
      clock,
      ids: { newId: () => `id-${Math.random().toString(36).slice(2)}` },
    };
    const round = await startRound(deps, actor, plan.id);
    const notifier = new ConnectorNotifier({
      limiter: new RateLimiter(TEAMS_LIMITS),
      logger: pino({ level: 'silent' }),
      getToken: async () => token,
    });
    const deliverDeps = {
      ...deps,
      conversations: store.conversations,
      substitutes: store.substitutes,
      locks: store.locks,
      notifier,
    };
    started = performance.now();
    let requestsBefore = connector.received.length + connector.throttled;
    // Passes until every card is out; the round's later steps (weeks ahead) are not waited for.
    for (;;) {
      const outcome = await deliverDue(deliverDeps, round.id, { ...DEFAULT_DELIVER_OPTIONS, retryDelayMs: () => 500 });
      const log = await store.rounds.listDeliveries(round.id);
      if (log.every((d) => d.state === 'sent' || d.state === 'unreachable')) break;
      const wait = outcome.nextAt ? outcome.nextAt.getTime() - clock.now().getTime() : 0;
      await new Promise((r) => setTimeout(r, Math.min(1000, Math.max(0, wait))));
    }
    const seconds = (performance.now() - started) / 1000;
    const requests = connector.received.length + connector.throttled - requestsBefore;
    requestsBefore = 0;
    const perConversation = new Map<string, number>();
    for (const r of connector.received)
      perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
    const duplicates = connector.received.length - perConversation.size;
    const lost = RECIPIENTS - perConversation.size;
    const achievedRps = connector.received.length / seconds;
    const result = {
      bench: 'reminders',
      recipients: RECIPIENTS,
      ceilingRps: CEILING,
      achievedRps: round1(achievedRps),
      ratio: round2(achievedRps / CEILING),
      sequentialRps: round1(sequentialRps),
      speedup: round1(achievedRps / sequentialRps),
      duplicates,
      lost,
      throttled: connector.throttled,
      requests,
      seconds: round1(seconds),
    };
    console.log(
      `round to ${RECIPIENTS}: ${result.achievedRps} cards/s over ${result.seconds} s = ${result.ratio} of the ${CEILING}/s ceiling; ` +
        `${result.speedup}× the sequential sender; duplicates ${duplicates}, lost ${lost}, 429s ${connector.throttled}`,
    );
    console.log(JSON.stringify(result));
  } finally {
    store.close();
    await connector.stop();
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
