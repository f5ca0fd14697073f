/**
 * Decisions and follow-ups from the leadership meeting: what a draft must hold, who may record one,
 * that it is kept with its period and audited, and that a locked period takes no more.
 */
import { openSqliteStore, type SqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { listDecisions, recordDecision, type DecisionDeps } from '../../bot/src/app/decisions';
import { statusFormCard } from '../../bot/src/adapters/teams/cards';
import { getMeasureHistory } from '../../bot/src/app/measure-history';
import { statusFormFor } from '../../bot/src/app/prepare-status-forms';
import type { Actor } from '../../bot/src/domain/access';
import { decisionProblem, isCalendarDay, MAX_DECISION_TEXT } from '../../bot/src/domain/decision';
import { DomainError } from '../../bot/src/domain/errors';
import { ALEX, demoDirectory, hoylandet, HOYLANDET_ID, MEGAN } from '../support/demo';

describe('a decision draft', () => {
  it('needs a text within its length, a real date and a short enough name', () => {
    expect(decisionProblem({ kind: 'decision', text: '  Avsluttes.  ' })).toBeUndefined();
    expect(decisionProblem({ kind: 'decision', text: '   ' })).toBe('text-missing');
    expect(decisionProblem({ kind: 'decision', text: 'x'.repeat(MAX_DECISION_TEXT + 1) })).toBe('text-too-long');
    expect(decisionProblem({ kind: 'follow-up', text: 'a', assignee: 'y'.repeat(201) })).toBe('assignee-too-long');
    expect(decisionProblem({ kind: 'follow-up', text: 'a', dueDate: '2027-02-30' })).toBe('due-date');
    expect(decisionProblem({ kind: 'follow-up', text: 'a', dueDate: '15.03.2027' })).toBe('due-date');
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2027-02-29')).toBe(false);
  });
});

describe('recording a decision', () => {
  let store: SqliteStore;
  let deps: DecisionDeps & SqliteStore;
  let id = 0;
  const now = new Date('2026-03-10T12:00:00Z');
  const leader: Actor = { userId: 'leder', name: 'Lene Leder', appRoles: ['leader'] };
  const reader: Actor = { userId: 'leser', name: 'Lese Leser', appRoles: [] };
  const coordinator: Actor = { userId: ALEX.userId, name: ALEX.name, appRoles: ['coordinator'] };
  beforeEach(async () => {
    store = openSqliteStore(':memory:');
    deps = { ...store, directory: demoDirectory(), clock: { now: () => now }, ids: { newId: () => `id-${id++}` } };
    await store.plans.savePlan(hoylandet());
  });
  afterEach(() => store.close());

  it("keeps it with the period, names the assignee from the directory, audits it and shows it in the measure's history", async () => {
    const saved = await recordDecision(deps, leader, HOYLANDET_ID, '1.3.1', {
      kind: 'follow-up',
      text: '  Legg fram en ny fremdriftsplan.  ',
      assigneeId: MEGAN.userId,
      dueDate: '2026-04-30',
      periodId: '2026-01',
    });
    expect(saved).toMatchObject({
      measureId: '1.3.1',
      periodId: '2026-01',
      text: 'Legg fram en ny fremdriftsplan.',
      assignee: { userId: MEGAN.userId, name: MEGAN.name },
      recordedBy: { userId: 'leder', name: 'Lene Leder' },
      recordedAt: now.toISOString(),
    });
    expect(await listDecisions(deps, reader, HOYLANDET_ID, { measureId: '1.3.1' })).toEqual([saved]);
    expect(await listDecisions(deps, reader, HOYLANDET_ID, { measureId: '1.3.2' })).toEqual([]);
    const trail = await store.audit.listAudit(HOYLANDET_ID);
    expect(trail.at(-1)).toMatchObject({
      action: 'decision-recorded',
      actor: { name: 'Lene Leder' },
      details: { measure: '1.3.1', period: '2026-01', kind: 'follow-up' },
    });
    const history = await getMeasureHistory(deps, reader, HOYLANDET_ID, '1.3.1');
    expect(history.periods.map((p) => [p.period.id, p.decisions.map((d) => d.text)])).toEqual([
      ['2026-01', ['Legg fram en ny fremdriftsplan.']],
    ]);
    expect(history.permissions.recordDecision).toBe(false);
    expect((await getMeasureHistory(deps, leader, HOYLANDET_ID, '1.3.1')).permissions.recordDecision).toBe(true);
  });

  it("shows last period's follow-ups beside the measure on the responsible person's card, and not a decision", async () => {
    await recordDecision(deps, leader, HOYLANDET_ID, '1.3.1', {
      kind: 'follow-up',
      text: 'Legg fram en ny fremdriftsplan',
      assigneeId: MEGAN.userId,
      dueDate: '2026-04-30',
      periodId: '2026-01',
    });
    await recordDecision(deps, leader, HOYLANDET_ID, '1.3.2', {
      kind: 'decision',
      text: 'Avsluttes',
      periodId: '2026-01',
    });
    // This period's follow-up belongs on next period's card, not on this one.
    await recordDecision(deps, leader, HOYLANDET_ID, '2.3.1', { kind: 'follow-up', text: 'Senere' });
    const megan = (await deps.directory.findPerson(MEGAN.userId))!;
    const form = (await statusFormFor(deps, megan, hoylandet(), 'submission'))!;
    expect([...(form.followUps?.keys() ?? [])]).toEqual(['1.3.1']);
    const card = JSON.stringify(statusFormCard(form));
    expect(card).toContain('Oppfølgingspunkter fra ledermøtet i');
    expect(card).toContain(`• Legg fram en ny fremdriftsplan – Følges opp av ${MEGAN.name} – innen 30.04.2026`);
    expect(card).not.toContain('Avsluttes');
    expect(card).not.toContain('Senere');
  });

  it('takes a name or role as written, and the current period when none is named', async () => {
    const saved = await recordDecision(deps, coordinator, HOYLANDET_ID, '1.3.1', {
      kind: 'decision',
      text: 'Tiltaket avsluttes.',
      assignee: ' Kommunedirektøren ',
    });
    expect(saved.assignee).toEqual({ name: 'Kommunedirektøren' });
    expect(saved.periodId).toBe('2027-01');
  });

  it('refuses a reader, an unknown measure or period, a bad draft, a stranger as assignee and a locked period', async () => {
    const draft = { kind: 'decision' as const, text: 'Vedtak' };
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: DomainError) => [e.code, e.params.problem],
      );
    expect(await refusal(recordDecision(deps, reader, HOYLANDET_ID, '1.3.1', draft))).toEqual(['forbidden', undefined]);
    expect(await refusal(recordDecision(deps, leader, HOYLANDET_ID, '9.9.9', draft))).toEqual([
      'unknown-measure',
      undefined,
    ]);
    expect(
      await refusal(recordDecision(deps, leader, HOYLANDET_ID, '1.3.1', { ...draft, periodId: '1999-01' })),
    ).toEqual(['unknown-period', undefined]);
    expect(
      await refusal(recordDecision(deps, leader, HOYLANDET_ID, '1.3.1', { ...draft, dueDate: '2026-13-01' })),
    ).toEqual(['invalid-decision', 'due-date']);
    expect(
      await refusal(recordDecision(deps, leader, HOYLANDET_ID, '1.3.1', { ...draft, assigneeId: 'no-such-person' })),
    ).toEqual(['unknown-assignee', undefined]);
    const lock = { planId: HOYLANDET_ID, periodId: '2026-01', lockedAt: now.toISOString(), lockedBy: ALEX };
    await store.locks.beginLock(lock, 60_000);
    await store.locks.completeLock(lock, []);
    expect(
      await refusal(recordDecision(deps, leader, HOYLANDET_ID, '1.3.1', { ...draft, periodId: '2026-01' })),
    ).toEqual(['period-locked', undefined]);
    expect(await listDecisions(deps, leader, HOYLANDET_ID)).toEqual([]);
  });
});
