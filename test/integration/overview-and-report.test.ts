/**
 * The ledermøte's overview and the council's report, as a leader and a coordinator use them: counts
 * per goal and what changed since last period, a measure's history, the period's report in Excel,
 * PDF and Word; locking the period freezes the report byte for byte and refuses later answers (a card
 * replayed after the lock stores nothing); reopening needs a reason; both are audited.
 */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import type { MeasureHistory, OverviewResponse } from '../../bot/src/contract/api-types';
import { keepsMeasure } from '../../bot/src/domain/measure-filter';
import { allMeasures } from '../../bot/src/domain/plan';
import type { StatusReport } from '../../bot/src/domain/status';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { ALEX, HOYLANDET_ID, hoylandet, MEGAN } from '../support/demo';
import { docxParts, pdfPages } from '../support/report-inspect';
import { startTestService, talkingTo, type TestService } from '../support/service';

jest.setTimeout(60_000);

/** 10 February 2027: "status pr. januar 2027" is over (its deadline was 31 January), so it can be locked. */
const clock = { now: () => new Date('2027-02-10T10:00:00Z') };
let service: TestService;
let connector: ConnectorStandIn;
const [first, second, third] = allMeasures(hoylandet());

beforeAll(async () => {
  connector = await ConnectorStandIn.start();
  connector.knows('abe5689c-8500-44d0-beee-83bcff7731bb'); // the recorded activities' chat
  service = await startTestService({}, { clock, ...talkingTo(connector) });
  // Last period and this one, answered as the store would hold them.
  const store = openSqliteStore(service.databasePath);
  const report = (measureId: string, periodId: string, status: StatusReport['status'], at: string, value?: number) => ({
    id: `${measureId}-${periodId}-${at}`,
    planId: HOYLANDET_ID,
    measureId,
    periodId,
    status,
    ...(value !== undefined ? { value } : {}),
    comment: `Kommentar ${periodId}`,
    reportedBy: MEGAN,
    reportedAt: at,
    submissionId: `seed-${measureId}-${periodId}-${at}`,
  });
  await store.reports.appendReports([
    report(first!.id, '2026-01', 'on_track', '2026-01-20T10:00:00Z'),
    report(second!.id, '2026-01', 'delayed', '2026-01-20T10:00:00Z'),
    report(third!.id, '2026-01', 'done', '2026-01-20T10:00:00Z'),
    report(first!.id, '2027-01', 'on_track', '2026-11-20T10:00:00Z'),
    report(first!.id, '2027-01', 'delayed', '2026-11-21T10:00:00Z', 1234.5),
    report(second!.id, '2027-01', 'on_track', '2026-11-21T10:00:00Z'),
  ]);
  store.close();
});
afterAll(async () => {
  await service?.close();
  await connector?.stop();
});

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
const bytes = async (path: string) => {
  const response = await api(path);
  expect(response.status).toBe(200);
  return { body: Buffer.from(await response.arrayBuffer()), disposition: response.headers.get('content-disposition') };
};

it('counts per goal, says what changed since last period and who has not answered', async () => {
  const overview = (await (await api('/overview?period=2027-01')).json()) as OverviewResponse;
  expect(overview.period.id).toBe('2027-01');
  expect(overview.previousPeriod?.id).toBe('2026-01');
  expect(overview.totals).toMatchObject({ delayed: 1, on_track: 1, done: 0, not_reported: 42 });
  const measures = overview.goals.flatMap((g) => g.measures);
  const change = (id: string) => measures.find((m) => m.id === id)?.change;
  expect(change(first!.id)).toBe('newly-late'); // on track last period, delayed now
  expect(change(second!.id)).toBe('better'); // delayed → on track
  expect(measures.find((m) => m.id === third!.id)).toMatchObject({ status: 'not_reported', previousStatus: 'done' });
  const goal = overview.goals.find((g) => g.measures.some((m) => m.id === first!.id));
  expect(goal?.previousCounts).toBeDefined();
  expect(overview.notAnswered.map((p) => p.name)).toContain(ALEX.name);
  expect(overview.permissions.lock).toBe(true);
  expect(overview.lock).toBeUndefined();
});

it("opens a measure's history, period by period, latest answer first", async () => {
  const history = (await (await api(`/measures/${encodeURIComponent(first!.id)}/history`)).json()) as MeasureHistory;
  expect(history.periods.map((p) => [p.period.id, p.answers.map((a) => a.status)])).toEqual([
    ['2027-01', ['delayed', 'on_track']],
    ['2026-01', ['on_track']],
  ]);
  expect(history.periods[0]?.answers[0]).toMatchObject({ reportedBy: MEGAN.name, comment: 'Kommentar 2027-01' });
});

it('makes the report as Excel, PDF and Word, marked preliminary while the period is open', async () => {
  const xlsx = await bytes('/report.xlsx?period=2027-01');
  expect(xlsx.disposition).toContain(`${HOYLANDET_ID}-2027-01-forelopig.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual([
    'Sammendrag',
    'Mål 1',
    'Mål 2',
    'Mål 3',
    'Mål 4',
    'Mål 5',
    'Mål 6',
    'Mål 7',
    'Vedtak og oppfølgingspunkter',
    'Gevinstrealisering',
  ]);
  const summary = workbook.getWorksheet('Sammendrag')!;
  expect(String(summary.getCell('A3').value)).toContain('Foreløpig');
  expect(summary.getRow(5).values).toEqual([
    undefined,
    'Mål',
    'Ikke startet',
    'I rute',
    'Forsinket',
    'Fullført',
    'Avbrutt',
    'Ikke rapportert',
    'Avsluttet',
    'Forfalt',
  ]);
  // Values as numbers, shown with the reader's marks ("1 234,5" in Norwegian Excel).
  const goalSheet = workbook.getWorksheet('Mål 1')!;
  const row = goalSheet.getColumn(1).values.findIndex((v) => v === first!.number);
  expect(goalSheet.getRow(2).getCell(5).value).toBe('Frist');
  expect(goalSheet.getRow(2).getCell(6).value).toBe('Verdi');
  expect(goalSheet.getRow(row).getCell(6).value).toBe(1234.5);
  expect(goalSheet.getRow(row).getCell(6).numFmt).toBe('#,##0.##');
  const pdf = await bytes('/report.pdf?period=2027-01');
  expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  const docx = await bytes('/report.docx?period=2027-01');
  expect(docx.disposition).toContain(`${HOYLANDET_ID}-2027-01-forelopig.docx`);
  expect(docx.body.subarray(0, 2).toString()).toBe('PK');
});

/** The measure numbers in a report workbook's goal sheets. */
async function numbersIn(xlsx: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  return workbook.worksheets
    .filter((s) => s.name.startsWith('Mål '))
    .flatMap((s) => s.getColumn(1).values.slice(3).map(String));
}

it("records the meeting's decision on a measure, in its history and the report, and narrows the report as the overview", async () => {
  const recorded = await api(`/measures/${encodeURIComponent(first!.id)}/decisions`, {
    method: 'POST',
    body: JSON.stringify({
      kind: 'follow-up',
      text: 'Legg fram en ny fremdriftsplan',
      assignee: 'Teknisk sjef',
      dueDate: '2027-03-15',
      periodId: '2027-01',
    }),
  });
  expect(recorded.status).toBe(201);
  const refused = await api(`/measures/${encodeURIComponent(first!.id)}/decisions`, {
    method: 'POST',
    body: JSON.stringify({ kind: 'decision', text: 'x', dueDate: '2027-02-30' }),
  });
  expect(refused.status).toBe(400);
  expect(await refused.json()).toMatchObject({ error: 'bad_decision' });
  const history = (await (await api(`/measures/${encodeURIComponent(first!.id)}/history`)).json()) as MeasureHistory;
  expect(history.periods[0]?.decisions.map((d) => [d.kind, d.text, d.assignee?.name, d.dueDate])).toEqual([
    ['follow-up', 'Legg fram en ny fremdriftsplan', 'Teknisk sjef', '2027-03-15'],
  ]);
  // Lines wrap where the page ends: read the text as one run of words.
  const text = pdfPages((await bytes('/report.pdf?period=2027-01')).body)
    .join('\n')
    .replace(/\s+/g, ' ');
  const docx = (await docxParts((await bytes('/report.docx?period=2027-01')).body)).document;
  expect(docx).toContain(
    'Oppfølgingspunkt: Legg fram en ny fremdriftsplan – Følges opp av Teknisk sjef innen 15.03.2027',
  );
  expect(text).toContain('Vedtak og oppfølgingspunkter');
  expect(text).toContain(
    `${first!.number} ${first!.text} – Oppfølgingspunkt: Legg fram en ny fremdriftsplan – Følges opp av Teknisk sjef innen 15.03.2027`,
  );

  // Filtered by a responsible role, as the overview is: only that role's measures, and the cover says so.
  const role = 'Teknisk sjef';
  const kept = allMeasures(hoylandet())
    .filter((m) => keepsMeasure({ role }, m))
    .map((m) => m.number);
  expect(kept.length).toBeGreaterThan(0);
  expect(kept.length).toBeLessThan(allMeasures(hoylandet()).length);
  const filtered = await bytes(`/report.xlsx?period=2027-01&role=${encodeURIComponent(role)}`);
  expect(filtered.disposition).toContain(`${HOYLANDET_ID}-2027-01-forelopig-utvalg.xlsx`);
  expect(await numbersIn(filtered.body)).toEqual(kept);
  const overview = (await (
    await api(`/overview?period=2027-01&role=${encodeURIComponent(role)}`)
  ).json()) as OverviewResponse;
  expect(overview.goals.flatMap((g) => g.measures.map((m) => m.number))).toEqual(kept);
  const pdf = pdfPages((await bytes(`/report.pdf?period=2027-01&role=${encodeURIComponent(role)}`)).body);
  expect(pdf[0]).toContain('Utvalg: ansvarlig Teknisk sjef');
  // The decision on a measure outside the selection is not in it.
  expect(kept).not.toContain(first!.number);
  expect(pdf.join('\n').replace(/\s+/g, ' ')).toContain(
    'Ingen vedtak eller oppfølgingspunkter er registrert for perioden.',
  );
});

it('locks the period: the report is frozen byte for byte and a replayed card stores nothing', async () => {
  // The running period (status pr. januar 2028) cannot be locked: nobody could answer any more.
  const running = await api('/periods/2028-01/lock', { method: 'POST' });
  expect(running.status).toBe(409);
  expect(await running.json()).toMatchObject({ error: 'period_running' });
  const locked = await api('/periods/2027-01/lock', { method: 'POST' });
  expect(locked.status).toBe(201);
  expect((await api('/periods/2027-01/lock', { method: 'POST' })).status).toBe(409);
  expect(((await (await api('/overview?period=2027-01')).json()) as OverviewResponse).lock).toMatchObject({
    periodId: '2027-01',
  });

  const pdf1 = await bytes('/report.pdf?period=2027-01');
  const pdf2 = await bytes('/report.pdf?period=2027-01');
  expect(pdf1.disposition).toContain(`${HOYLANDET_ID}-2027-01.pdf`);
  expect(pdf1.body.equals(pdf2.body)).toBe(true);
  const xlsx1 = await bytes('/report.xlsx?period=2027-01');
  const xlsx2 = await bytes('/report.xlsx?period=2027-01');
  expect(xlsx1.body.equals(xlsx2.body)).toBe(true);
  // The frozen report is the whole plan; a selection of the locked period is made from its stored answers.
  expect((await numbersIn(xlsx1.body)).length).toBe(allMeasures(hoylandet()).length);
  const selection = await bytes('/report.xlsx?period=2027-01&role=Teknisk%20sjef');
  expect(selection.disposition).toContain(`${HOYLANDET_ID}-2027-01-utvalg.xlsx`);
  expect(await numbersIn(selection.body)).toEqual(
    allMeasures(hoylandet())
      .filter((m) => keepsMeasure({ role: 'Teknisk sjef' }, m))
      .map((m) => m.number),
  );
  // Nothing is added to a locked period's record.
  const late = await api(`/measures/${encodeURIComponent(first!.id)}/decisions`, {
    method: 'POST',
    body: JSON.stringify({ kind: 'decision', text: 'For sent', periodId: '2027-01' }),
  });
  expect(late.status).toBe(409);
  // Word writes the time it was packed, to the millisecond: the same bytes twice means it was frozen.
  const docx1 = await bytes('/report.docx?period=2027-01');
  await new Promise((resolve) => setTimeout(resolve, 20));
  const docx2 = await bytes('/report.docx?period=2027-01');
  expect(docx1.disposition).toContain(`${HOYLANDET_ID}-2027-01.docx`);
  expect(docx1.body.equals(docx2.body)).toBe(true);
  // A period locked before the Word report existed has none frozen: it says so rather than make
  // one from today's answers.
  const db = new Database(service.databasePath);
  db.prepare("DELETE FROM frozen_reports WHERE format = 'docx'").run();
  db.close();
  const missing = await api('/report.docx?period=2027-01');
  expect(missing.status).toBe(409);
  expect(await missing.json()).toMatchObject({ error: 'report_not_frozen' });

  // Alex's card for 2027-01, answered after the lock (the recorded Teams activity).
  const activity = JSON.parse(
    readFileSync(join(__dirname, '../fixtures/activities/invoke-submit-status.json'), 'utf8'),
  );
  const response = await fetch(`${service.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...activity, serviceUrl: connector.url, locale: 'nb-NO' }),
  });
  expect(JSON.stringify(await response.json())).toContain('Denne perioden er låst');
  const overview = (await (await api('/overview?period=2027-01')).json()) as OverviewResponse;
  expect(overview.totals.not_reported).toBe(42);
});

it('reopens only with a reason, and both are in the audit trail', async () => {
  const noReason = await api('/periods/2027-01/reopen', { method: 'POST', body: JSON.stringify({ reason: '  ' }) });
  expect(noReason.status).toBe(400);
  const reopened = await api('/periods/2027-01/reopen', {
    method: 'POST',
    body: JSON.stringify({ reason: 'Teknisk sjef leverte etter fristen' }),
  });
  expect(reopened.status).toBe(200);
  expect((await api('/periods/2027-01/reopen', { method: 'POST', body: JSON.stringify({ reason: 'x' }) })).status).toBe(
    409,
  );
  expect((await bytes('/report.pdf?period=2027-01')).disposition).toContain('forelopig');
  const audit = (await (await api('/audit')).json()) as {
    entries: { action: string; details: Record<string, string> }[];
  };
  expect(audit.entries.filter((e) => e.action.startsWith('period-')).map((e) => [e.action, e.details])).toEqual([
    ['period-locked', { period: '2027-01' }],
    ['period-reopened', { period: '2027-01', reason: 'Teknisk sjef leverte etter fristen' }],
  ]);
});
