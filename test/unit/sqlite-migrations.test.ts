/**
 * The embedded store moves up its schema in place: a file with reports frozen before the Word
 * report existed keeps them byte for byte, and takes a frozen Word report from then on.
 */
import Database from 'better-sqlite3';
import { migrate, MIGRATIONS } from '../../bot/src/adapters/sqlite/migrations';
import { FROZEN_DOCX_MIGRATION, SqlitePeriodLockStore } from '../../bot/src/adapters/sqlite/sqlite-period-locks';

it('keeps the frozen reports of a file made before Word reports, and stores Word ones after', async () => {
  const db = new Database(':memory:');
  // The schema as it was before Word reports (later migrations run in migrate() below).
  const before = MIGRATIONS.indexOf(FROZEN_DOCX_MIGRATION);
  for (let version = 0; version < before; version++) db.exec(MIGRATIONS[version]!);
  db.pragma(`user_version = ${before}`);
  const pdf = Buffer.from('%PDF-1.7 frozen before');
  db.prepare(
    "INSERT INTO period_locks (plan_id, period_id, locked_at, locked_by_id, locked_by_name) VALUES ('p', '2026-01', '2026-02-10T10:00:00Z', 'u', 'Kari')",
  ).run();
  db.prepare("INSERT INTO frozen_reports (plan_id, period_id, format, bytes) VALUES ('p', '2026-01', 'pdf', ?)").run(
    pdf,
  );
  expect(() =>
    db
      .prepare("INSERT INTO frozen_reports (plan_id, period_id, format, bytes) VALUES ('p', '2026-01', 'docx', x'00')")
      .run(),
  ).toThrow(/CHECK/);

  migrate(db);
  const locks = new SqlitePeriodLockStore(db);
  expect((await locks.frozenReport('p', '2026-01', 'pdf'))?.equals(pdf)).toBe(true);
  const lock = {
    planId: 'p',
    periodId: '2027-01',
    lockedAt: '2028-02-10T10:00:00Z',
    lockedBy: { userId: 'u', name: 'Kari' },
  };
  expect(await locks.beginLock(lock, 60_000)).toBe('begun');
  expect(await locks.completeLock(lock, [{ format: 'docx', bytes: Buffer.from('PK') }])).toBe(true);
  expect((await locks.frozenReport('p', '2027-01', 'docx'))?.toString()).toBe('PK');
  db.close();
});
