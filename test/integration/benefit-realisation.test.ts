/**
 * Benefit realisation through the real service: the coordinator gives a measure benefits and an
 * investment in the tab's API, the responsible person reports a realised value on the chat card
 * with her status answer (and a refused one stores nothing), and the overview shows it against
 * what was expected, per type and year, with the return against the plan's target (1:3).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OverviewResponse } from '../../bot/src/contract/api-types';
import { docxParts, pdfPages } from '../support/report-inspect';
import { measuresOwnedBy } from '../../bot/src/domain/responsibility';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { findInputs } from '../support/adaptive-cards';
import { HOYLANDET_ID, hoylandet } from '../support/demo';
import { startTestService, talkingTo, type TestService } from '../support/service';

jest.setTimeout(60_000);

const KARI = { userId: 'kari', name: 'Kari Nordmann', roles: ['Teknisk sjef'], coordinatorOf: [] };
const measureId = measuresOwnedBy(KARI, hoylandet())[0]?.id ?? '';
/** Tuesday 24 November 2026 in Oslo: the period "status pr. januar 2027" (February 2026 – January 2027). */
const base = Date.parse('2026-11-24T09:00:00Z');
const started = Date.now();
const clock = { now: () => new Date(base + (Date.now() - started)) };

let connector: ConnectorStandIn;
let service: TestService;

beforeAll(async () => {
  connector = await ConnectorStandIn.start();
  connector.knows(`a:${KARI.userId}`);
  const dir = mkdtempSync(join(tmpdir(), 'benefits-'));
  writeFileSync(join(dir, 'directory.json'), JSON.stringify({ people: [KARI] }));
  service = await startTestService({ DIRECTORY_FILE: join(dir, 'directory.json') }, { clock, ...talkingTo(connector) });
});
afterAll(async () => {
  await service?.close();
  await connector?.stop();
});

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'nb', ...(init.headers ?? {}) },
  });

async function postActivity(activity: Record<string, unknown>): Promise<Response> {
  return fetch(`${service.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      channelId: 'msteams',
      serviceUrl: connector.url,
      recipient: { id: '28:bot' },
      channelData: { tenant: { id: 'tenant-1' } },
      from: { id: `29:${KARI.userId}`, aadObjectId: KARI.userId, name: KARI.name },
      conversation: { id: `a:${KARI.userId}`, conversationType: 'personal', tenantId: 'tenant-1' },
      ...activity,
    }),
  });
}

async function karisNextCard(): Promise<Record<string, unknown>> {
  connector.received.splice(0);
  const response = await postActivity({ type: 'message', id: randomUUID(), text: 'status' });
  expect(response.status).toBeLessThan(300);
  return connector.received.flatMap((r) => (r.activity.attachments ?? []).map((a) => a.content))[0] as Record<
    string,
    unknown
  >;
}

async function submitOnCard(card: Record<string, unknown>, inputs: Record<string, string>): Promise<unknown> {
  const recorded = JSON.parse(
    readFileSync(join(__dirname, '../fixtures/activities/invoke-submit-status.json'), 'utf8'),
  ) as { value: { action: Record<string, unknown> } };
  const data = ((card.actions as { data: Record<string, string> }[])[0] ?? { data: {} }).data;
  const response = await postActivity({
    ...recorded,
    from: { id: `29:${KARI.userId}`, aadObjectId: KARI.userId, name: KARI.name },
    conversation: { id: `a:${KARI.userId}`, conversationType: 'personal', tenantId: 'tenant-1' },
    value: { action: { ...recorded.value.action, data: { ...data, ...inputs } } },
  });
  expect(response.status).toBe(200);
  return response.json();
}

const overview = async () => (await (await api('/overview')).json()) as OverviewResponse;

it('shows a benefit realised on the card in the overview against what was expected, with the return', async () => {
  const read = await api(`/measures/${measureId}`);
  const edited = await api(`/measures/${measureId}`, {
    method: 'PATCH',
    headers: { 'If-Match': read.headers.get('ETag') as string },
    body: JSON.stringify({
      investmentNok: 200_000,
      benefits: [
        {
          type: 'reduced-cost',
          text: 'Færre lisenser',
          owner: 'Økonomisjef',
          unit: 'NOK',
          baseline: '14 lisenser (2023)',
          expectedPerYear: 150_000,
          firstYear: 2026,
        },
        { type: 'quality', text: 'Færre avvik', unit: 'qualitative', target: 'Halvparten så mange avvik' },
      ],
    }),
  });
  expect(edited.status).toBe(200);
  const before = (await overview()).benefits;
  const row = () => before?.rows.find((r) => r.type === 'reduced-cost');
  expect(row()?.years.find((y) => y.year === 2026)).toEqual({ year: 2026, expected: 150_000, realised: 0 });

  const card = await karisNextCard();
  const inputs = findInputs(card).map((i) => i.id);
  expect(inputs).toEqual(
    expect.arrayContaining([`benefitValue:reduced-cost:${measureId}`, `benefitComment:quality:${measureId}`]),
  );

  // A negative amount is refused, and nothing of the answer is stored.
  await submitOnCard(card, { [`status:${measureId}`]: 'done', [`benefitValue:reduced-cost:${measureId}`]: '-5' });
  expect((await overview()).benefits?.realisedNok).toBe(0);

  await submitOnCard(await karisNextCard(), {
    [`status:${measureId}`]: 'done',
    [`benefitValue:reduced-cost:${measureId}`]: '120000',
    [`benefitComment:quality:${measureId}`]: 'Avvik ned 30 %',
  });
  const after = (await overview()).benefits;
  expect(after?.rows.find((r) => r.type === 'reduced-cost')?.years.find((y) => y.year === 2026)).toEqual({
    year: 2026,
    expected: 150_000,
    realised: 120_000,
  });
  expect(after?.qualitative).toEqual([
    expect.objectContaining({ type: 'quality', latest: { periodId: '2027-01', comment: 'Avvik ned 30 %' } }),
  ]);
  expect(after).toMatchObject({ investmentNok: 200_000, realisedNok: 120_000, returnTarget: 3, meetsTarget: false });
  expect(after?.realisedReturn).toBeCloseTo(0.6, 10);
});

it('puts the benefits in the council report, PDF and Word alike', async () => {
  const get = async (path: string) => Buffer.from(await (await api(path)).arrayBuffer());
  const pdf = pdfPages(await get('/report.pdf?period=2027-01'))
    .join('\n')
    .replace(/\s+/g, ' ');
  expect(pdf).toContain('Gevinstrealisering');
  expect(pdf).toContain('2026: forventet 150 000 kr, realisert 120 000 kr');
  expect(pdf).toContain('avkastning 1:0,6. Målet er minst 1:3, og det er ikke nådd ennå.');
  const { document } = await docxParts(await get('/report.docx?period=2027-01'));
  expect(document.replace(/\s+/g, ' ')).toContain('2026: forventet 150 000 kr, realisert 120 000 kr');
  expect(document).toContain('Reduserte kostnader (kroner) – ');
});
