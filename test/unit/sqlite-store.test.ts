import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, MIGRATIONS } from '../../bot/src/adapters/sqlite/migrations';
import { DELIVERY_SKIPPED_MIGRATION } from '../../bot/src/adapters/sqlite/sqlite-rounds';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { erasePerson, ERASED_NAME } from '../../bot/src/app/erase-person';
import type { AuditEntry } from '../../bot/src/domain/audit';
import type { StatusReport } from '../../bot/src/domain/status';
import { hoylandet } from '../support/demo';

const report = (over: Partial<StatusReport> = {}): StatusReport => ({
  id: 'r1',
  planId: 'hoylandet-2023-2027',
  measureId: '1.1.1',
  periodId: '2027-01',
  status: 'done',
  comment: 'Ferdig',
  reportedBy: { userId: 'u1', name: 'Kari' },
  reportedAt: '2026-11-22T10:00:00.000Z',
  submissionId: 's1',
  ...over,
});

describe('the embedded SQLite store', () => {
  const file = () => join(mkdtempSync(join(tmpdir(), 'tiltak-store-')), 'data', 'tiltak.db');

  it('keeps plans and reports across a restart', async () => {
    const path = file();
    const first = openSqliteStore(path);
    await first.plans.savePlan(hoylandet());
    await first.reports.appendReports([report()]);
    first.close();

    const second = openSqliteStore(path);
    expect((await second.plans.getPlan('hoylandet-2023-2027'))?.goals).toHaveLength(7);
    expect(await second.reports.listReports('hoylandet-2023-2027')).toEqual([report()]);
    second.close();
  });

  it('refuses to change or delete a stored report, even through raw SQL', async () => {
    const path = file();
    const store = openSqliteStore(path);
    await store.reports.appendReports([report()]);
    const raw = new Database(path);
    expect(() => raw.prepare("UPDATE status_reports SET status = 'delayed'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM status_reports').run()).toThrow(/append-only/);
    raw.close();
    expect((await store.reports.listReports('hoylandet-2023-2027'))[0]?.status).toBe('done');
    store.close();
  });

  it('writes all reports of a submission or none', async () => {
    const store = openSqliteStore(':memory:');
    const bad = report({ id: 'r2', measureId: '1.2.1', status: 'bogus' as StatusReport['status'] });
    // better-sqlite3's errors come from another realm in jest workers, so match on the message.
    await expect(store.reports.appendReports([report(), bad])).rejects.toMatchObject({
      message: expect.stringMatching(/CHECK constraint failed/),
    });
    expect(await store.reports.listReports('hoylandet-2023-2027')).toEqual([]);
    store.close();
  });

  it('filters reports by period', async () => {
    const store = openSqliteStore(':memory:');
    await store.reports.appendReports([report(), report({ id: 'r2', submissionId: 's2', periodId: '2026-01' })]);
    expect((await store.reports.listReports('hoylandet-2023-2027', { periodId: '2026-01' })).map((r) => r.id)).toEqual([
      'r2',
    ]);
    store.close();
  });
});

describe('the audit trail in the embedded store', () => {
  const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
    id: 'a1',
    planId: 'hoylandet-2023-2027',
    at: '2026-11-22T10:00:00.000Z',
    action: 'status-reported',
    actor: { userId: 'u1', name: 'Kari' },
    details: { period: '2027-01', measures: '1.1.1: done' },
    ...over,
  });

  it('writes the entry with the change, and not for a repeat that changed nothing', async () => {
    const store = openSqliteStore(':memory:');
    await store.reports.appendReports([report()], entry());
    await store.reports.appendReports([report()], entry({ id: 'a2' })); // the same submission again
    expect(await store.audit.listAudit('hoylandet-2023-2027')).toEqual([entry()]);
    store.close();
  });

  it('writes neither the change nor the entry when the change fails', async () => {
    const store = openSqliteStore(':memory:');
    const bad = report({ id: 'r2', measureId: '1.2.1', status: 'bogus' as StatusReport['status'] });
    await expect(store.reports.appendReports([report(), bad], entry())).rejects.toMatchObject({
      message: expect.stringMatching(/CHECK constraint failed/),
    });
    expect(await store.audit.listAudit('hoylandet-2023-2027')).toEqual([]);
    store.close();
  });

  it('is append-only, even through raw SQL', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tiltak-audit-')), 'tiltak.db');
    const store = openSqliteStore(path);
    await store.plans.savePlan(hoylandet(), entry({ action: 'plan-imported', details: { title: 'x' } }));
    const raw = new Database(path);
    expect(() => raw.prepare("UPDATE audit_log SET actor_name = 'Noen andre'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    raw.close();
    expect((await store.audit.listAudit('hoylandet-2023-2027')).map((e) => e.action)).toEqual(['plan-imported']);
    store.close();
  });
});

describe("erasing a person's data", () => {
  it('leaves no trace of their id or name, keeps the history, and keeps it append-only', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tiltak-erase-')), 'tiltak.db');
    const store = openSqliteStore(path);
    const audit = (id: string, userId: string, name: string): AuditEntry => ({
      id,
      planId: 'hoylandet-2023-2027',
      at: '2026-11-22T10:00:00.000Z',
      action: 'status-reported',
      actor: { userId, name },
      details: { period: '2027-01' },
    });
    await store.reports.appendReports([report()], audit('a1', 'u1', 'Kari'));
    await store.reports.appendReports(
      [report({ id: 'r2', submissionId: 's2', reportedBy: { userId: 'u2', name: 'Ola' } })],
      audit('a2', 'u2', 'Ola'),
    );

    const ids = ['x1', 'x2', 'x3'];
    const result = await erasePerson(
      {
        personalData: store.personalData,
        substitutes: store.substitutes,
        realisedBenefits: store.realisedBenefits,
        plans: store.plans,
        versions: store.versions,
        clock: { now: () => new Date('2026-11-23T09:00:00Z') },
        ids: { newId: () => ids.shift() ?? 'x' },
      },
      'u1',
      { userId: 'cli:admin', name: 'admin' },
    );
    expect(result).toEqual({
      reports: 1,
      auditEntries: 1,
      substitutions: 0,
      realisedBenefits: 0,
      planTexts: 0,
      plans: ['hoylandet-2023-2027'],
    });
    store.close();

    const raw = new Database(path);
    const everything = JSON.stringify([
      raw.prepare('SELECT * FROM status_reports').all(),
      raw.prepare('SELECT * FROM audit_log').all(),
    ]);
    expect(everything).not.toContain('u1');
    expect(everything).not.toContain('Kari');
    expect(everything).toContain('Ola'); // others are untouched
    expect(() => raw.prepare("UPDATE status_reports SET status = 'delayed'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    raw.close();

    const reopened = openSqliteStore(path);
    const reports = await reopened.reports.listReports('hoylandet-2023-2027');
    expect(reports.map((r) => [r.status, r.comment, r.reportedBy.name])).toEqual([
      ['done', 'Ferdig', ERASED_NAME],
      ['done', 'Ferdig', 'Ola'],
    ]);
    expect(reports[0]?.reportedBy.userId).toMatch(/^erased:[0-9a-f]{16}$/);
    expect((await reopened.audit.listAudit('hoylandet-2023-2027')).map((e) => [e.action, e.actor.name])).toEqual([
      ['status-reported', ERASED_NAME],
      ['status-reported', 'Ola'],
      ['person-erased', 'admin'],
    ]);
    reopened.close();
  });
});

it('keeps every delivery, in its order, when the log learns to say "skipped"', () => {
  const db = new Database(':memory:');
  // The schema as it was before: every migration up to the one that adds "skipped".
  for (const [version, sql] of MIGRATIONS.slice(0, MIGRATIONS.indexOf(DELIVERY_SKIPPED_MIGRATION)).entries()) {
    db.exec(sql);
    db.pragma(`user_version = ${version + 1}`);
  }
  db.prepare(
    `INSERT INTO rounds (id, plan_id, period_id, state, started_at, started_by_id, started_by_name) VALUES ('r', 'p', '2026-T3', 'running', 't', 'k', 'K')`,
  ).run();
  const insert = db.prepare(
    `INSERT INTO deliveries (round_id, recipient_id, recipient_name, step, state, attempts, not_before, reason, substitute_name) VALUES ('r', ?, ?, 'first', ?, 1, 't', ?, ?)`,
  );
  insert.run('b', 'B', 'unreachable', 'blocked', null);
  insert.run('a', 'A', 'sent', null, 'Stedfortreder');
  migrate(db);
  expect(
    db.prepare('SELECT recipient_id, state, reason, substitute_name FROM deliveries ORDER BY rowid').all(),
  ).toEqual([
    { recipient_id: 'b', state: 'unreachable', reason: 'blocked', substitute_name: null },
    { recipient_id: 'a', state: 'sent', reason: null, substitute_name: 'Stedfortreder' },
  ]);
  db.prepare("UPDATE deliveries SET state = 'skipped', reason = 'up-to-date' WHERE recipient_id = 'a'").run();
  expect(() => db.prepare("UPDATE deliveries SET state = 'lost' WHERE recipient_id = 'a'").run()).toThrow(/CHECK/);
  db.close();
});
