/**
 * Every card stays inside what Teams accepts, for every responsible role of the five seed plans
 * with everything pre-filled (last period's answers, and this period's, each with a comment of 500
 * characters, and five long follow-ups from last period's meeting on every measure), and every measure is reachable on one of its pages. The first page goes through the
 * strict Bot Connector stand-in, which refuses over 100 KB counted as UTF-16 (413
 * MessageSizeTooBig); the pages after it are the bot's answers to "Neste side".
 */
import pino from 'pino';
import { statusFormCard, statusPages } from '../../bot/src/adapters/teams/cards';
import { ConnectorNotifier } from '../../bot/src/adapters/teams/connector-notifier';
import { refreshedStatusCard } from '../../bot/src/adapters/teams/refresh-cards';
import { RateLimiter, TEAMS_LIMITS } from '../../bot/src/adapters/teams/rate-limiter';
import { currentPlanPeriod, previousPlanPeriod } from '../../bot/src/domain/period';
import { allMeasures, type Measure, type Plan } from '../../bot/src/domain/plan';
import { answerProgress, measuresOwnedBy, type Person } from '../../bot/src/domain/responsibility';
import { roleKey } from '../../bot/src/domain/roles';
import type { Decision } from '../../bot/src/domain/decision';
import type { StatusReport } from '../../bot/src/domain/status';
import type { StatusForm } from '../../bot/src/domain/status-form';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { cardProblems, findInputs } from '../support/adaptive-cards';
import { demoPlans } from '../support/demo';

jest.setTimeout(120_000);

const NOW = new Date('2026-11-24T09:00:00Z');
/** What Teams recommends staying within (its hard limit is 100 KB). */
const RECOMMENDED_BYTES = 80_000;
/** 500 characters with letters of Norwegian and a character outside the BMP (two UTF-16 units). */
const COMMENT = 'Æ'.repeat(100) + 'ø'.repeat(100) + '😀'.repeat(50) + 'a'.repeat(200);

/** A person for each role the plan names, holding it in every municipality: the most measures a role can have. */
function responsiblePeople(plan: Plan): Person[] {
  const roles = new Map<string, string>();
  for (const m of allMeasures(plan)) for (const r of m.responsibleRoles) roles.set(roleKey(r), r);
  return [...roles.values()].map((role, i) => ({
    userId: `u-${plan.id}-${i}`,
    name: `Ansvarlig ${role}`,
    roles: [role],
    coordinatorOf: [],
    // In every owner's organisation (DDØ's sektorgruppe is the five municipalities'): roles count per municipality.
    municipalities: plan.owners.map((o) => o.id),
    ...(plan.tenantId ? { tenantId: plan.tenantId } : {}),
  }));
}

function answers(plan: Plan, periodId: string, ids: string[]): Map<string, StatusReport> {
  return new Map(
    ids.map((id) => [
      id,
      {
        id: `r-${periodId}-${id}`,
        planId: plan.id,
        measureId: id,
        periodId,
        status: 'delayed',
        value: 12345.5,
        comment: COMMENT,
        reportedBy: { userId: 'u', name: 'Noen Med Et Langt Navn Fra Kommunen' },
        reportedAt: NOW.toISOString(),
        submissionId: `s-${id}`,
      },
    ]),
  );
}

function followUpsOf(plan: Plan, periodId: string, measureId: string): Decision[] {
  return Array.from({ length: 5 }, (_, i) => ({
    id: `d-${measureId}-${i}`,
    planId: plan.id,
    measureId,
    periodId,
    kind: 'follow-up' as const,
    text: COMMENT.repeat(2),
    assignee: { name: 'Kommunalsjef for helse, omsorg og velferd'.repeat(4) },
    dueDate: '2027-03-15',
    recordedBy: { userId: 'l', name: 'Leder' },
    recordedAt: NOW.toISOString(),
  }));
}

/** The person's forms with full pre-fill: nothing answered yet this period, half of it, and a reminder for the rest. */
function formsOf(plan: Plan, person: Person): StatusForm[] {
  const period = currentPlanPeriod(plan.cadence, plan.period, NOW);
  const before = previousPlanPeriod(plan.cadence, plan.period, period.id, NOW);
  const measures = measuresOwnedBy(person, plan);
  const ids = measures.map((m) => m.id);
  const previous = answers(plan, before?.id ?? 'før', ids);
  // Five long follow-ups from last period's meeting on every measure (the card shows three, cut short).
  const followUps = new Map(ids.map((id) => [id, followUpsOf(plan, before?.id ?? 'før', id)]));
  const base = { submissionId: `round-0123456789/first`, person, plan, period, measures, previous, followUps };
  const half = answers(
    plan,
    period.id,
    ids.filter((_, i) => i % 2 === 0),
  );
  const progress = answerProgress(person, plan, half);
  return [
    { ...base, current: new Map() },
    { ...base, current: half },
    {
      ...base,
      current: half,
      measures: progress.missing,
      remaining: { missing: progress.missing.length, total: progress.total },
    },
  ];
}

const activity = (card: unknown) => ({
  type: 'message',
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
});

/**
 * The seed plans as imported, and each once more with one role answering for every measure: the
 * largest card the plan can give (Sandefjord and Stord name no responsible role at all).
 */
const ALL = 'Ansvarlig for alt';
const plans = demoPlans().flatMap((plan) => [
  plan,
  {
    ...plan,
    id: `${plan.id}-alt`,
    goals: mapMeasures(plan.goals, (m) => ({ ...m, responsibleText: ALL, responsibleRoles: [ALL] })),
  },
]);

function mapMeasures(goals: Plan['goals'], f: (m: Measure) => Measure): Plan['goals'] {
  return goals.map((g) => ({ ...g, measures: g.measures.map(f), children: mapMeasures(g.children, f) }));
}
const cases = plans.flatMap((plan) => responsiblePeople(plan).map((person) => ({ plan, person })));

it('covers the five seed plans and their people with many measures', () => {
  expect(demoPlans()).toHaveLength(5);
  const most = Math.max(...cases.map(({ plan, person }) => measuresOwnedBy(person, plan).length));
  expect(most).toBeGreaterThanOrEqual(77); // DDØ's sektorgruppe, and any plan's "everything" role
});

describe.each(plans.map((p) => [p.id, p] as const))('every card of %s', (_id, plan) => {
  it('is within what Teams recommends on every page, valid, and reaches every measure exactly once', () => {
    for (const person of responsiblePeople(plan)) {
      for (const form of formsOf(plan, person)) {
        if (form.measures.length === 0) continue;
        const pages = statusPages(form).map((_, page) => statusFormCard(form, { page }));
        const sizes = pages.map((c) => JSON.stringify(activity(c)).length * 2);
        expect({ person: person.name, over: sizes.filter((s) => s > RECOMMENDED_BYTES) }).toEqual({
          person: person.name,
          over: [],
        });
        const asked = pages.flatMap((c) =>
          findInputs(c)
            // A shared plan's person in several municipalities also chooses one per measure (organisation:…).
            .filter((i) => i.type === 'Input.ChoiceSet' && String(i.id).startsWith('status:'))
            .map((i) => String(i.id).slice('status:'.length)),
        );
        expect(asked.sort()).toEqual(form.measures.map((m) => m.id).sort());
        // The pages an error is shown on are the heaviest: the banner twice and the entered values.
        const withError = statusFormCard(form, {
          page: pages.length - 1,
          error: 'Kommentaren er for lang. '.repeat(8),
        });
        expect(JSON.stringify(activity(withError)).length * 2).toBeLessThan(RECOMMENDED_BYTES);
        expect(cardProblems(pages[0])).toEqual([]);
      }
      // Refreshed once everything is answered, or after the lock: every answer with its comment (or a count of the rest).
      const [first] = formsOf(plan, person);
      if (!first || first.measures.length === 0) continue;
      const all = {
        ...first,
        current: answers(
          plan,
          first.period.id,
          first.measures.map((m) => m.id),
        ),
      };
      for (const kind of ['answered', 'locked'] as const) {
        const refreshed = refreshedStatusCard({ kind, form: all }, 'nb');
        expect(JSON.stringify(activity(refreshed)).length * 2).toBeLessThan(RECOMMENDED_BYTES);
        expect(cardProblems(refreshed)).toEqual([]);
      }
    }
  });
});

it('the first page of every card is accepted by the strict Bot Connector stand-in', async () => {
  const connector = await ConnectorStandIn.start();
  try {
    const notifier = new ConnectorNotifier({
      limiter: new RateLimiter(TEAMS_LIMITS),
      logger: pino({ level: 'silent' }),
      getToken: () => connector.token(),
    });
    // The largest form of each plan (full pre-fill, nothing answered yet), sent as a round sends it.
    for (const plan of plans) {
      const forms = responsiblePeople(plan).flatMap((p) => formsOf(plan, p).slice(0, 1));
      const largest = forms.sort((a, b) => b.measures.length - a.measures.length)[0];
      if (!largest) continue;
      const conversationId = `a:${largest.person.userId}`;
      connector.knows(conversationId);
      const target = { userId: largest.person.userId, serviceUrl: connector.url, conversationId };
      expect(await notifier.sendStatusForm(target, largest)).toEqual({ kind: 'sent' });
    }
    // Every plan but the two that name no responsible role, and each plan's "everything" role.
    expect(connector.received).toHaveLength(plans.length - 2);
  } finally {
    await connector.stop();
  }
});

it('the stand-in still refuses what would have been one card for the largest of them (413 MessageSizeTooBig)', async () => {
  const connector = await ConnectorStandIn.start();
  try {
    const [plan, person] = cases
      .map(({ plan, person }) => [plan, person] as const)
      .sort((a, b) => measuresOwnedBy(b[1], b[0]).length - measuresOwnedBy(a[1], a[0]).length)[0]!;
    const form = formsOf(plan, person)[0]!;
    // Every page's measures in one card: what the bot sent before cards were paged.
    const pages = statusPages(form);
    const blocks = pages.flatMap((_, page) => (statusFormCard(form, { page }).body as unknown[]).slice(3));
    const single = { ...statusFormCard(form), body: blocks };
    connector.knows('a:one');
    const response = await fetch(`${connector.url}v3/conversations/a%3Aone/activities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await connector.token()}` },
      body: JSON.stringify(activity(single)),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('MessageSizeTooBig');
  } finally {
    await connector.stop();
  }
});
