/**
 * A round as the people in it answer it, on both homes of the round state (SQLite, and Azure
 * Table Storage on Azurite): who had answered everything before it started gets no card, someone
 * who answered part is counted as partly answered and reminded only of what is missing ("10 av 19
 * gjenstår"), the escalation tells partial answers apart and names those never reached and why,
 * and cards waiting for sending hours say when they will go.
 */
import { randomUUID } from 'node:crypto';
import { openSharedState, type SharedState } from '../../bot/src/adapters/azure-storage/open-shared-state';
import { openSqliteStore, type SqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { escalationCard, statusFormCard } from '../../bot/src/adapters/teams/cards';
import { deliverDue, DEFAULT_DELIVER_OPTIONS } from '../../bot/src/app/deliver-round';
import { ensurePlans } from '../../bot/src/app/ensure-plans';
import type { Escalation, Notifier, RoundStore } from '../../bot/src/app/ports';
import { nudgeNonResponders, rescheduleRound, roundProgress, startRound } from '../../bot/src/app/reminder-rounds';
import type { Actor } from '../../bot/src/domain/access';
import { currentPlanPeriod } from '../../bot/src/domain/period';
import { measuresOwnedBy, type Person } from '../../bot/src/domain/responsibility';
import type { StatusForm } from '../../bot/src/domain/status-form';
import { formatWhen } from '../../bot/src/i18n';
import { startAzurite, type Azurite } from '../support/azurite';
import { cardTexts } from '../support/adaptive-cards';
import { HOYLANDET_ID, hoylandet } from '../support/demo';

jest.setTimeout(120_000);

const person = (userId: string, roles: string[], extra: Partial<Person> = {}): Person => ({
  userId,
  name: userId[0]?.toUpperCase() + userId.slice(1),
  roles,
  coordinatorOf: [],
  ...extra,
});
const alex = person('alex', ['Fagleder digitalisering'], { managerId: 'boss' }); // 19 measures
const ola = person('ola', ['Personalsjef']); // 3
const kari = person('kari', ['Kommunedirektør']); // 5
const nils = person('nils', ['Rektor'], { managerId: 'boss' }); // 1; has no chat with the bot
const koord = person('koord', [], { coordinatorOf: [HOYLANDET_ID] });
const boss = person('boss', []);
const people = [alex, ola, kari, nils, koord, boss];
const directory = {
  findPerson: async (id: string) => people.find((p) => p.userId === id),
  listPeople: async () => people,
};
const coordinator: Actor = { userId: 'koord', name: 'Koord', appRoles: ['coordinator'] };
const ids = { newId: () => randomUUID() };
const plan = hoylandet();
const owned = (p: Person) => measuresOwnedBy(p, plan).map((m) => m.id);

/** What the round sent, through our own port. */
interface Sent {
  forms: StatusForm[];
  escalations: { to: string; escalation: Escalation }[];
}

let azurite: Azurite | undefined;
afterAll(async () => azurite?.stop());

type Homes = { rounds: RoundStore } & Pick<SharedState, 'conversations' | 'substitutes' | 'locks'>;
const homes: [string, (sqlite: SqliteStore) => Promise<Homes & { close?: () => Promise<void> }>][] = [
  ['SQLite', async ({ rounds, conversations, substitutes, locks }) => ({ rounds, conversations, substitutes, locks })],
  [
    'Azure Table Storage (Azurite)',
    async () => {
      azurite ??= await startAzurite();
      const shared = await openSharedState(
        {
          connectionString: azurite.connectionString,
          queueName: `answers-${randomUUID().slice(0, 8)}`,
          tablePrefix: `A${randomUUID().replace(/-/g, '').slice(0, 8)}`,
        },
        { warn: () => undefined, error: () => undefined },
      );
      const { rounds, conversations, substitutes, locks } = shared;
      return { rounds, conversations, substitutes, locks, close: () => shared.queue.close() };
    },
  ],
];

describe.each(homes)('a round on %s', (_name, open) => {
  let sqlite: SqliteStore;
  let home: Homes & { close?: () => Promise<void> };
  let now: Date;
  let sent: Sent;
  let deps: ReturnType<typeof wire>;

  function wire() {
    const notifier: Notifier = {
      sendStatusForm: async (_target, form) => (sent.forms.push(form), { kind: 'sent' }),
      sendEscalation: async (target, escalation) => (
        sent.escalations.push({ to: target.userId, escalation }),
        { kind: 'sent' }
      ),
    };
    return {
      plans: sqlite.plans,
      reports: sqlite.reports,
      audit: sqlite.audit,
      rounds: home.rounds,
      conversations: home.conversations,
      substitutes: home.substitutes,
      locks: home.locks,
      directory,
      notifier,
      clock: { now: () => now },
      ids,
    };
  }

  async function answer(who: Person, measureIds: string[], periodId: string): Promise<void> {
    await sqlite.reports.appendReports(
      measureIds.map((measureId) => ({
        id: randomUUID(),
        planId: HOYLANDET_ID,
        measureId,
        periodId,
        status: 'on_track',
        reportedBy: { userId: who.userId, name: who.name },
        reportedAt: now.toISOString(),
        submissionId: `${who.userId}:${randomUUID()}`,
      })),
    );
  }

  beforeEach(async () => {
    now = new Date('2026-11-24T09:00:00Z'); // a Tuesday, 10:00 in Oslo
    sent = { forms: [], escalations: [] };
    sqlite = openSqliteStore(':memory:');
    await ensurePlans({ plans: sqlite.plans, clock: { now: () => now }, ids }, [plan]);
    home = await open(sqlite);
    for (const p of people.filter((x) => x !== nils))
      await home.conversations.saveConversation({
        userId: p.userId,
        serviceUrl: 'http://127.0.0.1:9/',
        conversationId: `a:${p.userId}-${randomUUID()}`,
      });
    deps = wire();
  }, 60_000);
  afterEach(async () => {
    await home.close?.();
    sqlite.close();
  });

  it('skips who is up to date, counts partial answers, reminds only of what is missing, and escalates with who was never reached', async () => {
    const periodId = currentPlanPeriod(plan.cadence, plan.period, now).id;
    await answer(alex, owned(alex).slice(0, 6), periodId);
    await answer(ola, owned(ola), periodId);
    expect(owned(alex)).toHaveLength(19);

    const round = await startRound(deps, coordinator, HOYLANDET_ID);
    // Before any card goes: Ola answered everything, and the log says so with its own reason.
    const atStart = await roundProgress(deps, coordinator, HOYLANDET_ID);
    expect(atStart?.recipients.find((r) => r.userId === 'ola')).toMatchObject({
      delivery: 'skipped',
      reason: 'up-to-date',
      answer: 'all',
    });

    const outcome = await deliverDue(deps, round.id, DEFAULT_DELIVER_OPTIONS);
    expect(outcome).toMatchObject({ sent: 2, unreachable: 1 });
    expect(sent.forms.map((f) => f.person.userId).sort()).toEqual(['alex', 'kari']);
    const alexFirst = sent.forms.find((f) => f.person.userId === 'alex');
    expect(alexFirst?.measures).toHaveLength(19); // the first card lists all, those without an answer first
    expect(alexFirst?.remaining).toBeUndefined();

    const progress = await roundProgress(deps, coordinator, HOYLANDET_ID);
    const byId = Object.fromEntries(progress!.recipients.map((r) => [r.userId, r]));
    expect(byId.alex).toMatchObject({ answer: 'partly', answered: false, measures: { answered: 6, total: 19 } });
    expect(byId.kari).toMatchObject({ answer: 'none', measures: { answered: 0, total: 5 } });
    expect(byId.nils).toMatchObject({ delivery: 'unreachable', reason: 'not-installed' });
    expect(progress?.counts).toMatchObject({
      recipients: 4,
      sent: 2,
      answered: 1,
      partlyAnswered: 1,
      unreachable: 1,
      skipped: 1,
      pending: 0,
    });

    // Three more answered since the card: the reminder asks for the ten left, and not Ola at all.
    await answer(alex, owned(alex).slice(6, 9), periodId);
    expect(await nudgeNonResponders(deps, coordinator, HOYLANDET_ID)).toBe(2);
    sent.forms = [];
    await deliverDue(deps, round.id, DEFAULT_DELIVER_OPTIONS);
    const nudge = sent.forms.find((f) => f.person.userId === 'alex')!;
    expect(nudge.measures.map((m) => m.id)).toEqual(owned(alex).slice(9));
    expect(nudge.remaining).toEqual({ missing: 10, total: 19 });
    expect(cardTexts(statusFormCard(nudge)).some((t) => t.text.includes('10 av 19 gjenstår'))).toBe(true);
    expect(sent.forms.find((f) => f.person.userId === 'kari')?.remaining).toEqual({ missing: 5, total: 5 });

    // All but three by the deadline: the escalation counts Alex as partly answered, Kari as not, and Nils as never reached.
    await answer(alex, owned(alex).slice(9, 16), periodId);
    now = new Date(now.getTime() + 60_000);
    await rescheduleRound(deps, coordinator, HOYLANDET_ID, {
      firstAt: round.schedule.firstAt,
      secondAt: now.toISOString(),
      escalateAt: now.toISOString(),
    });
    await deliverDue(deps, round.id, DEFAULT_DELIVER_OPTIONS);
    const to = Object.fromEntries(sent.escalations.map((e) => [e.to, e.escalation]));
    expect(Object.keys(to).sort()).toEqual(['boss', 'koord']);
    expect(to.koord?.missing).toEqual([
      {
        name: 'Alex',
        numbers: measuresOwnedBy(alex, plan)
          .slice(16)
          .map((m) => m.number),
        answered: 16,
        total: 19,
      },
      { name: 'Kari', numbers: measuresOwnedBy(kari, plan).map((m) => m.number), answered: 0, total: 5 },
    ]);
    expect(to.koord?.unreached).toEqual([{ name: 'Nils', reason: 'not-installed' }]);
    // The manager hears of their own people only: Alex, and Nils whom the round never reached.
    expect(to.boss?.missing.map((m) => m.name)).toEqual(['Alex']);
    expect(to.boss?.unreached).toEqual([{ name: 'Nils', reason: 'not-installed' }]);
    const texts = cardTexts(escalationCard(to.koord!)).map((t) => t.text);
    expect(texts).toContain(' (16 av 19 besvart)');
    expect(texts).toContain('1 har ikke svart, 1 har svart for noen av tiltakene sine.');
    expect(texts).toContain('Ikke nådd (1): fikk aldri påminnelsen');
    expect(texts).toContain('har ikke appen');
  });

  it('does not send a card due meanwhile to someone who has answered everything since the round began', async () => {
    const round = await startRound(deps, coordinator, HOYLANDET_ID);
    await answer(kari, owned(kari), round.periodId);
    await deliverDue(deps, round.id, DEFAULT_DELIVER_OPTIONS);
    expect(sent.forms.map((f) => f.person.userId)).toEqual(['alex', 'ola']);
    const kariLog = (await home.rounds.listDeliveries(round.id)).find((d) => d.recipientId === 'kari');
    expect(kariLog).toMatchObject({ state: 'skipped', reason: 'up-to-date' });
  });

  it.each([
    ['an evening', '2026-11-23T16:30:00Z', '2026-11-24T07:00:00.000Z', 'i morgen kl. 08:00'],
    ['Christmas', '2026-12-24T16:30:00Z', '2026-12-28T07:00:00.000Z', '28.12.2026 kl. 08:00'],
  ])('says when cards waiting over %s will go', async (_when, at, goes, words) => {
    now = new Date(at);
    const round = await startRound(deps, coordinator, HOYLANDET_ID);
    expect((await deliverDue(deps, round.id, DEFAULT_DELIVER_OPTIONS)).sent).toBe(0);
    const progress = await roundProgress(deps, coordinator, HOYLANDET_ID);
    const waiting = progress!.recipients.filter((r) => r.delivery === 'pending');
    expect(waiting.map((r) => r.userId).sort()).toEqual(['alex', 'kari', 'nils', 'ola']);
    expect(new Set(waiting.map((r) => r.sendsAt))).toEqual(new Set([goes]));
    expect(formatWhen('nb', goes, now)).toBe(words);
    expect(formatWhen('en', goes, now)).toBe(
      words.startsWith('i morgen') ? 'tomorrow at 08:00' : '28.12.2026 at 08:00',
    );
  });
});
