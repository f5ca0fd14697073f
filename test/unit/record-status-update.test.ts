import { randomUUID } from 'node:crypto';
import { openSqliteStore, type SqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { ensurePlans } from '../../bot/src/app/ensure-plans';
import { getGoalTable } from '../../bot/src/app/get-goal-table';
import { prepareStatusForms } from '../../bot/src/app/prepare-status-forms';
import { recordStatusUpdate, type StatusSubmission } from '../../bot/src/app/record-status-update';
import { DomainError } from '../../bot/src/domain/errors';
import { loadDemoPlans } from '../../bot/src/adapters/demo/demo-plans';
import { ALEX, ADELE, DEMO_PLANS_DIR, HOYLANDET_ID, MEGAN, demoDirectory, hoylandet } from '../support/demo';

describe('recording status answers (use cases on the embedded store)', () => {
  let store: SqliteStore;
  let now = new Date('2026-11-22T10:00:00Z');
  const deps = () => ({
    plans: store.plans,
    reports: store.reports,
    directory: demoDirectory(),
    substitutes: store.substitutes,
    locks: store.locks,
    clock: { now: () => now },
    ids: { newId: () => randomUUID() },
  });
  const submission = (over: Partial<StatusSubmission> = {}): StatusSubmission => ({
    userId: MEGAN.userId,
    submissionId: randomUUID(),
    planId: HOYLANDET_ID,
    periodId: '2027-01',
    entries: [{ measureId: '1.3.1', status: 'on_track', comment: 'Innbyggerdialog er tatt i bruk' }],
    ...over,
  });

  beforeEach(async () => {
    store = openSqliteStore(':memory:');
    now = new Date('2026-11-22T10:00:00Z');
    const loadedBefore = { now: () => new Date('2026-11-01T08:00:00Z') };
    await ensurePlans({ plans: store.plans, clock: loadedBefore, ids: { newId: () => randomUUID() } }, [hoylandet()]);
  });
  afterEach(() => store.close());

  it('stores one report per measure, attributed to the sender, and shows it in the goal table', async () => {
    const result = await recordStatusUpdate(
      deps(),
      submission({
        entries: [
          { measureId: '1.3.1', status: 'on_track', comment: 'Innbyggerdialog er tatt i bruk' },
          { measureId: '2.3.2', status: 'delayed' },
        ],
      }),
    );
    expect(result.alreadyStored).toBe(false);
    expect(result.reports.map((r) => [r.measureId, r.status, r.reportedBy.name])).toEqual([
      ['1.3.1', 'on_track', MEGAN.name],
      ['2.3.2', 'delayed', MEGAN.name],
    ]);
    const table = await getGoalTable(deps(), HOYLANDET_ID);
    expect(table.period.id).toBe('2027-01');
    expect(table.counts).toEqual({ measures: 44, reported: 2, noOneResponsible: 6, overdue: 0, closed: 0 });
    const row = table.goals[0]?.children[2]?.measures[0];
    expect(row).toMatchObject({
      number: '1.3.1',
      status: { code: 'on_track', comment: 'Innbyggerdialog er tatt i bruk', reportedBy: MEGAN.name },
    });
  });

  it('records who reported what in the audit trail, once', async () => {
    const s = submission();
    await recordStatusUpdate(deps(), s);
    await recordStatusUpdate(deps(), s);
    const trail = await store.audit.listAudit(HOYLANDET_ID);
    expect(trail.map((e) => [e.action, e.actor.name, e.details])).toEqual([
      [
        'plan-imported',
        'Tiltak (demoplaner)',
        expect.objectContaining({ title: 'Strategi for digitalisering 2023–2027' }),
      ],
      ['status-reported', MEGAN.name, { period: '2027-01', measures: '1.3.1: on_track' }],
    ]);
  });

  it('stores the same submission once, however often it arrives', async () => {
    const s = submission();
    await recordStatusUpdate(deps(), s);
    const again = await recordStatusUpdate(deps(), s);
    expect(again.alreadyStored).toBe(true);
    expect(again.reports).toHaveLength(1);
    expect(await store.reports.listReports(HOYLANDET_ID)).toHaveLength(1);
  });

  it("never takes one person's answer for a repeat of another's who sent the same card data", async () => {
    const shared = { submissionId: 'copied-card', entries: [{ measureId: '1.3.2', status: 'done' as const }] };
    await recordStatusUpdate(deps(), submission({ ...shared, userId: ALEX.userId }));
    const megans = await recordStatusUpdate(deps(), submission({ ...shared, userId: MEGAN.userId }));
    expect(megans.alreadyStored).toBe(false);
    expect((await store.reports.listReports(HOYLANDET_ID)).map((r) => r.reportedBy.name)).toEqual([
      ALEX.name,
      MEGAN.name,
    ]);
  });

  it('keeps history: a later answer wins in the table, the earlier one stays stored', async () => {
    await recordStatusUpdate(deps(), submission());
    now = new Date('2026-12-01T10:00:00Z');
    await recordStatusUpdate(deps(), submission({ entries: [{ measureId: '1.3.1', status: 'done' }] }));
    expect((await store.reports.listReports(HOYLANDET_ID)).map((r) => r.status)).toEqual(['on_track', 'done']);
    const table = await getGoalTable(deps(), HOYLANDET_ID);
    expect(table.goals[0]?.children[2]?.measures[0]?.status?.code).toBe('done');
  });

  it("refuses a report on another person's measure and stores nothing of the submission", async () => {
    const attempt = recordStatusUpdate(
      deps(),
      submission({
        entries: [
          { measureId: '1.3.1', status: 'done' },
          { measureId: '4.1.1', status: 'done' }, // Personalsjef's measure
        ],
      }),
    );
    await expect(attempt).rejects.toEqual(new DomainError('not-allowed', { numbers: '4.1.1' }));
    expect(await store.reports.listReports(HOYLANDET_ID)).toHaveLength(0);
  });

  it('lets the coordinator report on any measure, and the responsible on their own', async () => {
    await recordStatusUpdate(
      deps(),
      submission({ userId: ALEX.userId, entries: [{ measureId: '4.1.1', status: 'done' }] }),
    );
    now = new Date('2026-11-22T11:00:00Z');
    await recordStatusUpdate(
      deps(),
      submission({ userId: ADELE.userId, entries: [{ measureId: '4.1.1', status: 'on_track' }] }),
    );
    expect((await store.reports.listReports(HOYLANDET_ID)).map((r) => r.reportedBy.name)).toEqual([
      ALEX.name,
      ADELE.name,
    ]);
  });

  it.each([
    ['an unknown measure', { entries: [{ measureId: '9.9.9', status: 'done' as const }] }, 'not-allowed'],
    ['an unknown plan', { planId: 'no-such-plan' }, 'unknown-plan'],
    ['a period that has not started', { periodId: '2028-01' }, 'unknown-period'],
    ['a period the cadence does not have', { periodId: '2026-T1' }, 'unknown-period'],
    ['no answers', { entries: [] }, 'nothing-reported'],
    [
      'a comment over 2 000 characters',
      { entries: [{ measureId: '1.3.1', status: 'done' as const, comment: 'x'.repeat(2001) }] },
      'comment-too-long',
    ],
    ['someone not in the directory', { userId: 'stranger' }, 'unknown-person'],
  ])('refuses %s', async (_name, over, code) => {
    await expect(recordStatusUpdate(deps(), submission(over))).rejects.toMatchObject({ code });
    expect(await store.reports.listReports(HOYLANDET_ID)).toHaveLength(0);
  });

  it("accepts a late answer for last year's period", async () => {
    const result = await recordStatusUpdate(deps(), submission({ periodId: '2026-01' }));
    expect(result.reports[0]?.periodId).toBe('2026-01');
  });

  it("prepares one form per plan listing exactly the person's measures, pre-filled from this period", async () => {
    await recordStatusUpdate(deps(), submission());
    const forms = await prepareStatusForms(deps(), MEGAN.userId);
    expect(forms).toHaveLength(1);
    expect(forms[0]?.measures.map((m) => m.number)).toEqual(['1.3.1', '1.3.2', '2.3.1', '2.3.2']);
    expect(forms[0]?.current.get('1.3.1')?.status).toBe('on_track');
    expect(forms[0]?.period.id).toBe('2027-01');
    await expect(prepareStatusForms(deps(), 'stranger')).rejects.toMatchObject({ code: 'unknown-person' });
  });

  describe('"unchanged since last period"', () => {
    it("stores last period's status, comment and value, unless given anew; the next form offers it pre-filled", async () => {
      now = new Date('2026-01-20T10:00:00Z'); // period 2026-01
      await recordStatusUpdate(
        deps(),
        submission({
          periodId: '2026-01',
          entries: [{ measureId: '1.3.1', status: 'delayed', comment: 'Venter på leverandør' }],
        }),
      );
      now = new Date('2026-11-22T10:00:00Z'); // period 2027-01
      const [form] = await prepareStatusForms(deps(), MEGAN.userId);
      expect(form?.previous?.get('1.3.1')).toMatchObject({ status: 'delayed', comment: 'Venter på leverandør' });

      const result = await recordStatusUpdate(
        deps(),
        submission({
          entries: [
            { measureId: '1.3.1', status: 'unchanged' },
            { measureId: '1.3.2', status: 'on_track' },
          ],
        }),
      );
      expect(result.reports.map((r) => [r.measureId, r.periodId, r.status, r.comment])).toEqual([
        ['1.3.1', '2027-01', 'delayed', 'Venter på leverandør'],
        ['1.3.2', '2027-01', 'on_track', undefined],
      ]);
    });

    it('refuses "unchanged" for a measure with no answer last period, and stores nothing', async () => {
      await expect(
        recordStatusUpdate(
          deps(),
          submission({
            entries: [
              { measureId: '1.3.1', status: 'on_track' },
              { measureId: '1.3.2', status: 'unchanged' },
            ],
          }),
        ),
      ).rejects.toMatchObject({ code: 'nothing-to-carry-over', params: { numbers: '1.3.2' } });
      expect(await store.reports.listReports(HOYLANDET_ID)).toEqual([]);
    });
  });
});

describe('status forms across the demo plans', () => {
  it('gives a person one form per plan they answer for, each in that plan’s language', async () => {
    const store = openSqliteStore(':memory:');
    await ensurePlans(
      { plans: store.plans, clock: { now: () => new Date() }, ids: { newId: () => randomUUID() } },
      loadDemoPlans(DEMO_PLANS_DIR),
    );
    const deps = {
      plans: store.plans,
      reports: store.reports,
      directory: demoDirectory(),
      substitutes: store.substitutes,
      locks: store.locks,
      clock: { now: () => new Date('2026-11-22T10:00:00Z') },
      ids: { newId: () => randomUUID() },
    };
    const forms = await prepareStatusForms(deps, '00000000-0000-0000-0000-0000000000023'); // Isaiah Langer
    expect(forms.map((f) => [f.plan.id, f.plan.language, f.measures.map((m) => m.number)])).toEqual([
      ['ardal-laerdal-2020-2025', 'nn', ['5.1.S1']],
      ['hoylandet-2023-2027', 'nb', ['1.2.1', '1.2.2', '1.4.1', '1.5.1']],
    ]);
    const megan = await prepareStatusForms(deps, MEGAN.userId);
    expect(megan.map((f) => [f.plan.id, f.period.id, f.measures.length])).toEqual([
      ['ddo-2017-2020', '2020-Q4', 21], // the sector group's goals for Teknikk og samfunn
      ['hoylandet-2023-2027', '2027-01', 4],
    ]);
    store.close();
  });
});
