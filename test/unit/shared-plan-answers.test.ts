/**
 * A shared plan answered per municipality, through the use cases on the embedded store: one
 * municipality's answer never makes another's person look answered (their form, "Mine tiltak",
 * the reminder round), an answer is stored for the municipality it is for (a coordinator's for
 * their own; someone from outside a measure of some owners must name one), and the plan seen
 * whole shows each measure's roll-up status rather than whichever municipality answered last.
 */
import { randomUUID } from 'node:crypto';
import { FileDirectory } from '../../bot/src/adapters/directory/file-directory';
import { openSqliteStore, type SqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { statusFormCard } from '../../bot/src/adapters/teams/status-card';
import { parseStatusSubmission } from '../../bot/src/adapters/teams/submission';
import { deliverDue } from '../../bot/src/app/deliver-round';
import { ensurePlans } from '../../bot/src/app/ensure-plans';
import { getGoalTable } from '../../bot/src/app/get-goal-table';
import { getOverview } from '../../bot/src/app/get-overview';
import { myMeasures } from '../../bot/src/app/my-measures';
import { prepareStatusForms } from '../../bot/src/app/prepare-status-forms';
import { recordStatusUpdate, type StatusEntry } from '../../bot/src/app/record-status-update';
import { roundProgress, startRound } from '../../bot/src/app/reminder-rounds';
import { actorOf } from '../../bot/src/domain/access';
import { newMeasure, type Measure, type Plan } from '../../bot/src/domain/plan';
import type { Person } from '../../bot/src/domain/responsibility';
import { DDO_OWNERS } from '../support/demo';
import type { StatusForm } from '../../bot/src/domain/status-form';

const ROLE = 'Sektorgruppe Administrative støttefunksjoner';
const PLAN_ID = 'ddo-test';
const OWNERS = DDO_OWNERS;

const person = (userId: string, municipalities: string[] | undefined, over: Partial<Person> = {}): Person => ({
  userId,
  name: userId,
  roles: [ROLE],
  coordinatorOf: [],
  ...(municipalities ? { municipalities } : {}),
  ...over,
});
const TOVE = person('tove', ['tvedestrand']);
const RUNE = person('rune', ['risor']);
/** Answers for two municipalities. */
const GRO = person('gro', ['gjerstad', 'vegarshei']);
const AMLI_COORDINATOR = person('anne', ['amli'], { roles: [], coordinatorOf: [PLAN_ID] });
const OUTSIDE_COORDINATOR = person('olav', ['oslo'], { roles: [], coordinatorOf: [PLAN_ID] });
/** Named on the Risør-and-Tvedestrand measure, though she works in Åmli. */
const NAMED = person('nina', ['amli'], { roles: [] });
/** DDØ's project leader: no municipality of his own, named on a measure of all five. */
const IVAR = person('ivar', undefined, { roles: [] });

const SHARED = newMeasure({
  number: '4.1.1.1',
  text: 'Felles forståelse',
  responsibleText: ROLE,
  indicator: { kind: 'deliverable', text: '' },
});
const SOME: Measure = {
  ...SHARED,
  id: '4.1.1.2',
  number: '4.1.1.2',
  text: 'Felles sak/arkiv',
  appliesTo: ['risor', 'tvedestrand'],
  responsiblePeople: [{ userId: NAMED.userId, name: NAMED.name }],
};
const THIRD: Measure = {
  ...newMeasure({
    number: '4.1.1.3',
    text: 'Felles innbyggerportal',
    responsibleText: 'Prosjektleder DDØ',
    indicator: { kind: 'deliverable', text: '' },
  }),
  responsiblePeople: [{ userId: IVAR.userId, name: IVAR.name }],
};
const PLAN: Plan = {
  id: PLAN_ID,
  title: 'DDØ (test)',
  owners: OWNERS,
  language: 'nb',
  period: { fromYear: 2025, toYear: 2027 },
  cadence: { kind: 'quarterly' },
  levels: ['Satsingsområde', 'Tiltak'],
  goals: [{ id: '4.1', level: 0, number: '4.1', text: 'Tverrgående', children: [], measures: [SHARED, SOME, THIRD] }],
};

let store: SqliteStore;
let now: Date;
const deps = () => ({
  plans: store.plans,
  reports: store.reports,
  directory: new FileDirectory([TOVE, RUNE, GRO, AMLI_COORDINATOR, OUTSIDE_COORDINATOR, NAMED, IVAR]),
  substitutes: store.substitutes,
  locks: store.locks,
  rounds: store.rounds,
  audit: store.audit,
  clock: { now: () => now },
  ids: { newId: () => randomUUID() },
});
const answer = (who: Person, entries: StatusEntry[], periodId = '2026-Q4') =>
  recordStatusUpdate(deps(), { userId: who.userId, submissionId: randomUUID(), planId: PLAN_ID, periodId, entries });
const formOf = async (who: Person) => (await prepareStatusForms(deps(), who.userId)).find((f) => f.plan.id === PLAN_ID);

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  now = new Date('2026-11-24T09:00:00Z');
  await ensurePlans({ plans: store.plans, clock: { now: () => now }, ids: { newId: () => randomUUID() } }, [PLAN]);
});
afterEach(() => store.close());

describe("each person's own municipality", () => {
  it("does not take Risør's answer for Tvedestrand's, on the form or its pre-fill", async () => {
    await answer(RUNE, [{ measureId: SHARED.id, status: 'done', comment: 'Ferdig i Risør' }], '2026-Q3');
    await answer(RUNE, [{ measureId: SHARED.id, status: 'delayed', comment: 'Venter i Risør' }]);
    const tove = await formOf(TOVE);
    expect(tove?.current.has(SHARED.id)).toBe(false);
    expect(tove?.previous?.has(SHARED.id)).toBe(false);
    const rune = await formOf(RUNE);
    expect(rune?.current.get(SHARED.id)).toMatchObject({ status: 'delayed', organisationId: 'risor' });
    expect(rune?.previous?.get(SHARED.id)).toMatchObject({ status: 'done', organisationId: 'risor' });

    await answer(TOVE, [{ measureId: SHARED.id, status: 'on_track' }]);
    expect((await formOf(TOVE))?.current.get(SHARED.id)).toMatchObject({ status: 'on_track' });
  });

  it('shows "Mine tiltak" with their own municipality’s answer only', async () => {
    await answer(RUNE, [{ measureId: SHARED.id, status: 'delayed' }]);
    const mine = await myMeasures(deps(), actorOf(TOVE), PLAN_ID);
    expect(mine.counts).toEqual({ measures: 2, answered: 0 });
    expect(mine.groups.flatMap((g) => g.measures).find((m) => m.id === SHARED.id)?.current).toBeUndefined();
    // One municipality: nothing to choose. Named from outside the measure's two owners: choose one.
    expect(mine.groups.flatMap((g) => g.measures).some((m) => m.municipalities)).toBe(false);
    const ninas = (await myMeasures(deps(), actorOf(NAMED), PLAN_ID)).groups.flatMap((g) => g.measures);
    expect(ninas.map((m) => [m.id, m.municipalities?.map((o) => o.id), m.organisationId])).toEqual([
      [SOME.id, ['risor', 'tvedestrand'], undefined],
    ]);
    const runes = await myMeasures(deps(), actorOf(RUNE), PLAN_ID);
    expect(runes.groups.flatMap((g) => g.measures).find((m) => m.id === SHARED.id)?.current?.status).toBe('delayed');
  });

  it('counts someone answered in a round only when each of their municipalities has answered', async () => {
    await answer(RUNE, [
      { measureId: SHARED.id, status: 'delayed' },
      { measureId: SOME.id, status: 'on_track' },
    ]);
    await answer(GRO, [{ measureId: SHARED.id, status: 'done' }]); // for Gjerstad, the first of hers
    await startRound(deps(), actorOf(AMLI_COORDINATOR), PLAN_ID);
    const byName = async () =>
      new Map((await roundProgress(deps(), actorOf(AMLI_COORDINATOR), PLAN_ID))?.recipients.map((r) => [r.name, r]));
    let progress = await byName();
    // Rune had answered everything: no card. Tove has not, though Risør has; Gro only for Gjerstad.
    expect(progress.get(RUNE.name)).toMatchObject({ delivery: 'skipped', answer: 'all' });
    expect(progress.get(TOVE.name)).toMatchObject({ delivery: 'pending', answer: 'none', answered: false });
    expect(progress.get(GRO.name)).toMatchObject({ delivery: 'pending', answered: false });

    await answer(GRO, [{ measureId: SHARED.id, status: 'on_track', organisationId: 'vegarshei' }]);
    progress = await byName();
    expect(progress.get(GRO.name)).toMatchObject({ answer: 'all', answered: true });
  });
});

it("sends the round's cards with each person's own municipality's answers, skipping only who has answered theirs", async () => {
  const round = await startRound(deps(), actorOf(AMLI_COORDINATOR), PLAN_ID);
  await answer(RUNE, [
    { measureId: SHARED.id, status: 'delayed' },
    { measureId: SOME.id, status: 'on_track' },
  ]);
  const forms: StatusForm[] = [];
  for (const p of [TOVE, RUNE, GRO, NAMED])
    await store.conversations.saveConversation({
      userId: p.userId,
      serviceUrl: 'http://127.0.0.1:9/',
      conversationId: `a:${p.userId}`,
    });
  const notifier = {
    sendStatusForm: async (_to: unknown, form: StatusForm) => (forms.push(form), { kind: 'sent' as const }),
    sendEscalation: async () => ({ kind: 'sent' as const }),
  };
  const outcome = await deliverDue({ ...deps(), conversations: store.conversations, notifier }, round.id);
  expect(outcome).toMatchObject({ sent: 3, skipped: 1 });
  const tove = forms.find((f) => f.person.userId === TOVE.userId);
  expect(tove?.current.size).toBe(0); // not Risør's "delayed" as Tvedestrand's pre-fill
  expect(forms.map((f) => f.person.userId).sort()).toEqual([GRO.userId, NAMED.userId, TOVE.userId]);
});

describe('whose municipality an answer is stored for', () => {
  it("stores a coordinator's answer for their own municipality, and makes one from outside the owners choose", async () => {
    const stored = await answer(AMLI_COORDINATOR, [{ measureId: SHARED.id, status: 'done' }]);
    expect(stored.reports[0]?.organisationId).toBe('amli');
    await expect(answer(OUTSIDE_COORDINATOR, [{ measureId: SHARED.id, status: 'done' }])).rejects.toMatchObject({
      code: 'choose-municipality',
    });
    const chosen = await answer(OUTSIDE_COORDINATOR, [
      { measureId: SHARED.id, status: 'done', organisationId: 'risor' },
    ]);
    expect(chosen.reports[0]?.organisationId).toBe('risor');
  });

  it('refuses an answer for no municipality on a measure of some owners, from someone named from outside them', async () => {
    await expect(answer(NAMED, [{ measureId: SOME.id, status: 'done' }])).rejects.toMatchObject({
      code: 'choose-municipality',
    });
    await expect(answer(NAMED, [{ measureId: SOME.id, status: 'done', organisationId: 'amli' }])).rejects.toMatchObject(
      { code: 'not-your-municipality' },
    );
    expect(await store.reports.listReports(PLAN_ID)).toEqual([]);
    const stored = await answer(NAMED, [{ measureId: SOME.id, status: 'done', organisationId: 'tvedestrand' }]);
    expect(stored.reports[0]?.organisationId).toBe('tvedestrand');
    const row = (await getGoalTable(deps(), PLAN_ID)).goals[0]?.measures.find((m) => m.id === SOME.id);
    expect(row?.municipalities?.map((m) => [m.ownerId, m.status?.code])).toEqual([
      ['risor', undefined],
      ['tvedestrand', 'done'],
    ]);
  });
});

describe('an answer for no municipality in particular', () => {
  it('counts for every owner, never takes a municipality’s last answer as "unchanged", and yields to their own', async () => {
    await answer(AMLI_COORDINATOR, [{ measureId: THIRD.id, status: 'done', organisationId: 'risor' }], '2026-Q3');
    await expect(answer(IVAR, [{ measureId: THIRD.id, status: 'unchanged' }])).rejects.toMatchObject({
      code: 'nothing-to-carry-over',
    });
    const stored = await answer(IVAR, [{ measureId: THIRD.id, status: 'on_track' }]);
    expect(stored.reports[0]?.organisationId).toBeUndefined();
    expect((await formOf(IVAR))?.current.get(THIRD.id)?.status).toBe('on_track');
    await answer(AMLI_COORDINATOR, [{ measureId: THIRD.id, status: 'delayed' }]); // Åmli's own, later
    await answer(IVAR, [{ measureId: THIRD.id, status: 'done' }]); // later still, for everyone
    const row = (await getGoalTable(deps(), PLAN_ID)).goals[0]?.measures.find((m) => m.id === THIRD.id);
    const of = (owner: string) => row?.municipalities?.find((m) => m.ownerId === owner)?.status?.code;
    expect([of('amli'), of('risor')]).toEqual(['delayed', 'done']);
  });
});

describe('the card of someone answering for more than one municipality', () => {
  /** The card's inputs by id, wherever they sit in its containers. */
  const inputsOf = (node: unknown, found = new Map<string, Record<string, unknown>>()) => {
    if (Array.isArray(node)) node.forEach((n) => inputsOf(n, found));
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (typeof element.id === 'string' && String(element.type).startsWith('Input.')) found.set(element.id, element);
      Object.values(element).forEach((v) => inputsOf(v, found));
    }
    return found;
  };

  it('asks which municipality each answer is for, set to their first, and stores it for the one chosen', async () => {
    const form = await formOf(GRO);
    const choice = form && inputsOf(statusFormCard(form)).get(`organisation:${SHARED.id}`);
    expect(choice).toMatchObject({
      type: 'Input.ChoiceSet',
      value: 'gjerstad',
      choices: [
        { title: 'Gjerstad kommune', value: 'gjerstad' },
        { title: 'Vegårshei kommune', value: 'vegarshei' },
      ],
    });
    // Named from outside a measure of two owners: must choose, nothing is set for them.
    const nina = await formOf(NAMED);
    const unset = nina && inputsOf(statusFormCard(nina)).get(`organisation:${SOME.id}`);
    expect(unset?.choices).toHaveLength(2);
    expect(unset?.value).toBeUndefined();
    // One municipality of their own: nothing to choose.
    const tove = await formOf(TOVE);
    expect(tove && [...inputsOf(statusFormCard(tove)).keys()].some((k) => k.startsWith('organisation:'))).toBe(false);

    const parsed = parseStatusSubmission({
      submissionId: form?.submissionId,
      planId: PLAN_ID,
      periodId: '2026-Q4',
      [`status:${SHARED.id}`]: 'on_track',
      [`organisation:${SHARED.id}`]: 'vegarshei',
    });
    if (!parsed.ok) throw new Error(parsed.reason);
    const stored = await answer(GRO, parsed.submission.entries);
    expect(stored.reports.map((r) => [r.measureId, r.organisationId])).toEqual([[SHARED.id, 'vegarshei']]);
  });
});

describe('the plan seen whole', () => {
  it('shows as each measure’s status its roll-up’s, not the municipality that answered last', async () => {
    await answer(AMLI_COORDINATOR, [{ measureId: SHARED.id, status: 'on_track' }]);
    for (const owner of ['gjerstad', 'risor', 'tvedestrand', 'vegarshei'])
      await answer(OUTSIDE_COORDINATOR, [{ measureId: SHARED.id, status: 'done', organisationId: owner }]);
    await answer(TOVE, [{ measureId: SOME.id, status: 'done' }]);

    const table = await getGoalTable(deps(), PLAN_ID);
    const row = (id: string) => table.goals[0]?.measures.find((m) => m.id === id);
    expect(row(SHARED.id)?.rollUp).toEqual({ done: 4, total: 5 });
    expect(row(SHARED.id)?.status).toMatchObject({ code: 'on_track', reportedBy: AMLI_COORDINATOR.name });
    // Risør has not answered the measure for Risør and Tvedestrand: no status seen whole yet.
    expect(row(SOME.id)?.rollUp).toEqual({ done: 1, total: 2 });
    expect(row(SOME.id)?.status).toBeUndefined();
    expect(table.counts.reported).toBe(1);

    const overview = await getOverview(deps(), actorOf(AMLI_COORDINATOR), PLAN_ID);
    const measures = overview.goals.flatMap((g) => g.measures);
    expect(measures.find((m) => m.id === SHARED.id)).toMatchObject({
      status: 'on_track',
      rollUp: { done: 4, total: 5 },
    });
    expect(measures.find((m) => m.id === SOME.id)?.status).toBe('not_reported');
    // Everyone's own municipalities have answered the first; Risør (Rune's, and one of Nina's) not the second.
    expect(overview.notAnswered.map((p) => [p.name, p.numbers])).toEqual([
      [IVAR.name, [THIRD.number]],
      [NAMED.name, [SOME.number]],
      [RUNE.name, [SOME.number]],
    ]);
  });
});
