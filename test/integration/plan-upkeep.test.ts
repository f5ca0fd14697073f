/**
 * A coordinator keeps Høylandet's plan up through the tab's API: edits every field of a measure
 * (If-Match, audit trail naming what changed), closes one with a reason — after which the goal
 * table, the overview and the report show it as closed (avsluttet) and no round asks for it — and
 * a wrong value is refused with the field it concerns. It adds a measure (number proposed from its
 * siblings) and a goal, moves a measure (its reports go with it), and deletes only one without reports.
 */
import type {
  AuditResponse,
  GoalTableResponse,
  MeasureResponse,
  OverviewResponse,
} from '../../bot/src/contract/api-types';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { HOYLANDET_ID } from '../support/demo';
import { startTestService, type TestService } from '../support/service';

jest.setTimeout(60_000);

let service: TestService;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(async () => {
  await service?.close();
});

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'nb', ...(init.headers ?? {}) },
  });
const read = async (measureId: string) => {
  const response = await api(`/measures/${measureId}`);
  return { body: (await response.json()) as MeasureResponse, etag: response.headers.get('ETag') as string };
};
const patch = async (measureId: string, body: object) =>
  api(`/measures/${measureId}`, {
    method: 'PATCH',
    headers: { 'If-Match': (await read(measureId)).etag },
    body: JSON.stringify(body),
  });

it('edits every field of a measure and records what changed', async () => {
  const response = await patch('1.2.1', {
    indicator: {
      kind: 'numeric',
      text: 'Andel digitale søknader',
      unit: '%',
      baseline: 10,
      target: 80,
      direction: 'higher',
      targetDate: '2027-12-31',
    },
    deadline: '31.12.2026',
    priority: 1,
    sector: 'Oppvekst',
    benefits: [{ type: 'freed-capacity', text: 'Mindre manuell registrering', expectedNok: 250000 }],
    quickWin: true,
    notes: 'Ta opp i ledermøtet',
  });
  expect(response.status).toBe(200);
  const { measure } = (await read('1.2.1')).body;
  expect(measure).toMatchObject({
    indicator: { kind: 'numeric', unit: '%', baseline: 10, target: 80, targetDate: '2027-12-31' },
    deadline: { kind: 'date', date: '2026-12-31' },
    priority: 1,
    sector: 'Oppvekst',
    quickWin: true,
    notes: 'Ta opp i ledermøtet',
  });
  const { entries } = (await (await api('/audit')).json()) as AuditResponse;
  expect(entries.at(-1)).toMatchObject({
    action: 'measure-edited',
    details: { measure: '1.2.1', fields: 'indicator, deadline, priority, sector, benefits, quickWin, notes' },
  });
});

it('refuses a wrong value, naming the field, and saves nothing', async () => {
  const before = await read('1.2.2');
  const response = await api('/measures/1.2.2', {
    method: 'PATCH',
    headers: { 'If-Match': before.etag },
    body: JSON.stringify({ indicator: { kind: 'numeric', text: '', targetDate: '2027-02-30' } }),
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({
    error: 'bad_field',
    message: 'Ikke lagret: Måldatoen må være en gyldig dato.',
  });
  expect((await read('1.2.2')).etag).toBe(before.etag);
});

it('closes a measure with a reason: shown as closed everywhere, asked for by no one', async () => {
  expect((await patch('1.1.1', { closed: { reason: 'Gjennomført i 2024' } })).status).toBe(200);
  const table = (await (await api('/goal-table')).json()) as GoalTableResponse;
  const row = table.goals[0]?.children[0]?.measures[0];
  expect(row).toMatchObject({ id: '1.1.1', closed: { reason: 'Gjennomført i 2024' } });
  expect(row).not.toHaveProperty('noOneResponsible');
  expect(table.counts.closed).toBe(1);

  const overview = (await (await api('/overview')).json()) as OverviewResponse;
  expect(overview.goals[0]?.measures.find((m) => m.id === '1.1.1')?.status).toBe('closed');
  expect(overview.totals.closed).toBe(1);
  expect(overview.notAnswered.flatMap((p) => p.numbers)).not.toContain('1.1.1');

  const { entries } = (await (await api('/audit')).json()) as AuditResponse;
  expect(entries.at(-1)?.details).toMatchObject({ fields: 'closed', closed: 'Gjennomført i 2024' });

  // Reopened, it is asked for again.
  expect((await patch('1.1.1', { closed: null })).status).toBe(200);
  const again = (await (await api('/overview')).json()) as OverviewResponse;
  expect(again.goals[0]?.measures.find((m) => m.id === '1.1.1')?.status).not.toBe('closed');
});

const post = (path: string, body: object, ifMatch?: string) =>
  api(path, { method: 'POST', headers: ifMatch ? { 'If-Match': ifMatch } : {}, body: JSON.stringify(body) });

it('adds a goal and a measure under it, numbered after its siblings', async () => {
  const goal = await post('/goals', { parentId: 'g1', number: '1.6', text: 'Digital samhandling' });
  expect(goal.status).toBe(201);
  expect(await goal.json()).toMatchObject({ id: 'g1.6', level: 1 });
  const proposal = (await (await api('/goals/g1.6/proposal')).json()) as { measure: string };
  expect(proposal.measure).toBe('1.6.1');
  const added = await post('/goals/g1.6/measures', {
    number: proposal.measure,
    text: 'Felles chat',
    responsibleText: 'Rektor',
  });
  expect(added.status).toBe(201);
  expect(added.headers.get('ETag')).toBeTruthy();
  expect((await read('1.6.1')).body.measure).toMatchObject({ number: '1.6.1', responsibleRoles: ['Rektor'] });
  const again = await post('/goals/g1.6/measures', { number: '1.6.1', text: 'To ganger' });
  expect(again.status).toBe(409);
  expect(await again.json()).toMatchObject({ error: 'number_taken' });
  expect(((await (await api('/goals/g1.6/proposal')).json()) as { measure: string }).measure).toBe('1.6.2');
  const { entries } = (await (await api('/audit')).json()) as AuditResponse;
  expect(entries.slice(-2).map((e) => e.action)).toEqual(['goal-added', 'measure-added']);
});

it('moves a measure to another goal with its reports, and needs the version it was read at', async () => {
  const { etag } = await read('1.3.1');
  expect((await post('/measures/1.3.1/move', { goalId: 'g2.1' })).status).toBe(428);
  expect((await post('/measures/1.3.1/move', { goalId: 'g2.1' }, '"stale"')).status).toBe(412);
  const moved = await post('/measures/1.3.1/move', { goalId: 'g2.1' }, etag);
  expect(moved.status).toBe(200);
  const table = (await (await api('/goal-table')).json()) as GoalTableResponse;
  expect(table.goals[1]?.children[0]?.measures.map((m) => m.id)).toContain('1.3.1');
  expect(table.goals[0]?.children[2]?.measures.map((m) => m.id)).not.toContain('1.3.1');
});

it('deletes a measure without reports; one with reports is refused, to be closed instead', async () => {
  // A report on 1.4.1, written to the service's own database file as an answer from a card is.
  const store = openSqliteStore(service.databasePath);
  try {
    await store.reports.appendReports([
      {
        id: 'r-1.4.1',
        planId: HOYLANDET_ID,
        measureId: '1.4.1',
        periodId: '2026',
        status: 'on_track',
        reportedBy: { userId: 'megan', name: 'Megan Bowen' },
        reportedAt: new Date().toISOString(),
        submissionId: 's-1.4.1',
      },
    ]);
  } finally {
    store.close();
  }
  const refused = await api('/measures/1.4.1', {
    method: 'DELETE',
    headers: { 'If-Match': (await read('1.4.1')).etag },
  });
  expect(refused.status).toBe(409);
  expect(await refused.json()).toMatchObject({
    error: 'measure_has_reports',
    message: 'Tiltak 1.4.1 har rapporter og kan ikke slettes. Avslutt det i stedet, så blir historikken stående.',
  });
  expect((await api('/measures/1.4.1')).status).toBe(200);

  const { etag } = await read('1.6.1');
  const deleted = await api('/measures/1.6.1', { method: 'DELETE', headers: { 'If-Match': etag } });
  expect(deleted.status).toBe(204);
  expect((await api('/measures/1.6.1')).status).toBe(404);
  const { entries } = (await (await api('/audit')).json()) as AuditResponse;
  expect(entries.at(-1)).toMatchObject({ action: 'measure-deleted', details: { measure: '1.6.1' } });
});
