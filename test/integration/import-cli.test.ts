/** `npm run import` as a coordinator uses it: a real child process on a temporary store. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { isFromDocument } from '../../bot/src/domain/status';
import { ROOT } from '../support/demo';

jest.setTimeout(60_000);
const run = promisify(execFile);
const HOYLANDET_TEXT = join(ROOT, 'bot/demo/plans/hoylandet-2023-2027.txt');

async function importCli(args: string[], databasePath: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'bot/src/cli/import-plan.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: databasePath, LOAD_DEMO_PLANS: 'false' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tiltak-import-'));
  const databasePath = join(dir, 'tiltak.db');
  const storedPlans = async () => {
    const store = openSqliteStore(databasePath);
    try {
      return await store.plans.listPlans();
    } finally {
      store.close();
    }
  };

  it('--dry-run --json prints the nested plan and every warning with its line, and saves nothing', async () => {
    const result = await importCli([HOYLANDET_TEXT, '--dry-run', '--json'], databasePath);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as {
      plan: { id: string; title: string; owners: { name: string }[]; goals: { children: { measures: unknown[] }[] }[] };
      counts: { perLevel: number[] };
      warnings: { line: number; code: string; number: string; message: string }[];
    };
    expect(output.plan).toMatchObject({
      id: 'hoylandet-2023-2027',
      title: 'Strategi for digitalisering 2023–2027',
      owners: [{ id: 'hoylandet', name: 'Høylandet kommune' }],
      language: 'nb',
      period: { fromYear: 2023, toYear: 2027 },
      adoptedBy: 'Vedtatt i Kommunestyret 15.12.22, Sak 58/22',
      levels: ['Hovedmål', 'Strategi', 'Tiltak'],
    });
    expect(output.counts.perLevel).toEqual([7, 25, 44]);
    expect(output.warnings).toContainEqual({
      line: 206,
      code: 'missing-responsible',
      number: '7.3.1',
      message: 'linje 206: 7.3.1 har ingen ansvarlig.',
    });
    expect(await storedPlans()).toEqual([]);
  });

  it('refuses a broken table, naming the line, and saves nothing', async () => {
    const broken = join(dir, 'broken.txt');
    writeFileSync(
      broken,
      'Strategi\n2024 – 2027\nTest kommune\n\nHovedmål\tStrategi\tTiltak\tAnsvarlig / Måleindikator\tStatus\n\t\t1.1.1 Noe\tRektor\t\n',
    );
    const result = await importCli([broken], databasePath);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('linje 6: Raden kommer før noe hovedmål: «1.1.1 Noe». Ingenting er lagret.');
    expect(await storedPlans()).toEqual([]);
  });

  it('names the facts the front page does not give', async () => {
    const bare = join(dir, 'bare.txt');
    writeFileSync(
      bare,
      'Hovedmål\tStrategi\tTiltak\tAnsvarlig / Måleindikator\tStatus\nMål 1 A\t1.1 B\t1.1.1 C\tRektor Måleindikator: x\t\n',
    );
    const result = await importCli([bare], databasePath);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('oppgi --title, --owner, --from');
    const given = await importCli(
      [bare, '--title', 'IKT-plan', '--owner', 'Test kommune', '--from', '2024', '--dry-run'],
      databasePath,
    );
    expect(given.code).toBe(0);
    expect(given.stdout).toContain('Test kommune: IKT-plan (nb, 2024–), id test-2024');
  });

  it('saves once, refuses a second import of the same plan, and replaces it only when asked', async () => {
    expect((await importCli([HOYLANDET_TEXT], databasePath)).code).toBe(0);
    expect((await storedPlans()).map((p) => p.id)).toEqual(['hoylandet-2023-2027']);
    const again = await importCli([HOYLANDET_TEXT], databasePath);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Planen hoylandet-2023-2027 finnes allerede. Bruk --replace');
    const replaced = await importCli([HOYLANDET_TEXT, '--replace'], databasePath);
    expect(replaced.code).toBe(0);
    expect(replaced.stderr).toContain('Erstattet planen hoylandet-2023-2027');
  });

  it('imports a plan document (.json) with the same schema as the curated demo plans', async () => {
    const result = await importCli([join(ROOT, 'bot/demo/plans/stord-2022.json'), '--dry-run'], databasePath);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Stord kommune: Digitaliseringsstrategi (nn, 2022–), id stord-2022');
    expect(result.stdout).toContain('4 Sektor, 29 Tiltak');
  });

  it('reads a PDF as it is, and tells its pages as it reads them', async () => {
    const pdf = join(ROOT, 'test/fixtures/import/nettside-tabeller.pdf');
    const result = await importCli([pdf, '--dry-run', '--json'], databasePath);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { plan: { id: string }; counts: { perLevel: number[] } };
    expect(output.plan.id).toBe('ringsaker-2024-2027');
    expect(output.counts.perLevel).toEqual([4, 40]);
    const shown = await importCli([pdf, '--dry-run'], databasePath);
    expect(shown.stderr).toContain('Leser side 2 av 2');
  });

  it('saves the statuses of a workbook’s status column as this period’s, marked as taken from the document', async () => {
    const workbook = join(ROOT, 'test/fixtures/import/egen-arbeidsbok.xlsx');
    const result = await importCli([workbook], databasePath);
    expect(result.code).toBe(0);
    const store = openSqliteStore(databasePath);
    try {
      const reports = await store.reports.listReports('stange-2025-2026');
      expect(reports.map((r) => [r.measureId, r.status, r.comment])).toEqual([
        ['1.1', 'on_track', 'Pågår'],
        ['1.2', 'not_started', 'Ikke startet'],
        ['1.3', 'done', 'Fullført'],
        ['2.1', 'on_track', 'Pågår'],
        ['2.2', 'delayed', 'Forsinket'],
      ]);
      expect(reports.every((r) => isFromDocument(r))).toBe(true);
    } finally {
      store.close();
    }
  });
});
