/**
 * A coordinator keeps Høylandet's plan up through the tab's API: edits every field of a measure
 * (If-Match, audit trail naming what changed), closes one with a reason — after which the goal
 * table, the overview and the report show it as closed (avsluttet) and no round asks for it — and
 * a wrong value is refused with the field it concerns.
 */
import type {
  AuditResponse,
  GoalTableResponse,
  MeasureResponse,
  OverviewResponse,
} from '../../bot/src/contract/api-types';
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
