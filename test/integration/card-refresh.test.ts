/**
 * Cards that are never stale (Universal Actions' refresh), through the bot endpoint of the real
 * service: Kari's card, opened after her substitute answered for her, shows his answers; once all
 * is answered it shows the answers; once the coordinator locked the period it says so; and someone
 * the card is not for sees nothing of it. What Alex types on a page of his long card and does not
 * send is kept when he pages and when the card is refreshed, and is not an answer.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectorStandIn } from '../fakes/connector-stand-in';
import { cardProblems, cardTexts, findInputs } from '../support/adaptive-cards';
import { HOYLANDET_ID } from '../support/demo';
import { startTestService, talkingTo, type TestService } from '../support/service';

jest.setTimeout(60_000);

const KARI = { userId: 'kari', name: 'Kari Nordmann', roles: ['Teknisk sjef'], coordinatorOf: [] };
const OLA = { userId: 'ola', name: 'Ola Hansen', roles: ['Personalsjef'], coordinatorOf: [] };
const PER = { userId: 'per', name: 'Per Olsen', roles: [], coordinatorOf: [] };
/** 19 measures: two pages. */
const ALEX = { userId: 'alex', name: 'Alex Wilber', roles: ['Fagleder digitalisering'], coordinatorOf: [] };
type Card = Record<string, unknown>;

/** Tuesday 24 November 2026 in Oslo, during "status pr. januar 2027"; moved past its deadline to lock it. */
let now = new Date('2026-11-24T09:00:00Z');
const clock = { now: () => now };
let connector: ConnectorStandIn;
let service: TestService;

beforeAll(async () => {
  connector = await ConnectorStandIn.start();
  connector.knows(...[KARI, OLA, PER, ALEX].map((p) => `a:${p.userId}`));
  const dir = mkdtempSync(join(tmpdir(), 'card-refresh-'));
  writeFileSync(join(dir, 'directory.json'), JSON.stringify({ people: [KARI, OLA, PER, ALEX] }));
  service = await startTestService({ DIRECTORY_FILE: join(dir, 'directory.json') }, { clock, ...talkingTo(connector) });
});
afterAll(async () => {
  await service?.close();
  await connector?.stop();
});

function postActivity(person: { userId: string; name: string }, activity: Record<string, unknown>) {
  return fetch(`${service.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      channelId: 'msteams',
      serviceUrl: connector.url,
      recipient: { id: '28:bot' },
      channelData: { tenant: { id: 'tenant-1' } },
      from: { id: `29:${person.userId}`, aadObjectId: person.userId, name: person.name },
      conversation: { id: `a:${person.userId}`, conversationType: 'personal', tenantId: 'tenant-1' },
      locale: 'nb-NO',
      ...activity,
    }),
  });
}

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${service.url}/api/v1/plans/${HOYLANDET_ID}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json' },
  });

/** "status" in the chat: the cards the person gets. */
async function askForCards(person: typeof KARI): Promise<Card[]> {
  const before = connector.received.length;
  const response = await postActivity(person, { type: 'message', id: `m-${Math.random()}`, text: 'status' });
  expect(response.status).toBeLessThan(300);
  return connector.received.slice(before).flatMap((r) => (r.activity.attachments ?? []).map((a) => a.content as Card));
}

/** An Action.Execute of the card, as Teams sends it: the refresh, or a button with inputs. */
async function invoke(
  person: typeof KARI,
  action: { verb: string; data: Record<string, unknown> },
  trigger: 'automatic' | 'manual' = 'manual',
): Promise<Card> {
  const recorded = JSON.parse(
    readFileSync(join(__dirname, '../fixtures/activities/invoke-submit-status.json'), 'utf8'),
  ) as Record<string, unknown> & { value: { action: Record<string, unknown> } };
  const response = await postActivity(person, {
    ...recorded,
    from: { id: `29:${person.userId}`, aadObjectId: person.userId, name: person.name },
    conversation: { id: `a:${person.userId}`, conversationType: 'personal', tenantId: 'tenant-1' },
    value: { action: { ...recorded.value.action, verb: action.verb, data: action.data }, trigger },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { type: string; value: Card };
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(cardProblems(body.value)).toEqual([]);
  return body.value;
}
const refresh = (person: typeof KARI, card: Card) =>
  invoke(person, (card.refresh as { action: { verb: string; data: Record<string, unknown> } }).action, 'automatic');
const submit = (person: typeof KARI, card: Card, inputs: Record<string, string>) => {
  const action = (card.actions as { verb: string; data: Record<string, unknown> }[])[0]!;
  return invoke(person, { verb: action.verb, data: { ...action.data, ...inputs } });
};
const inputValue = (card: Card, id: string) => findInputs(card).find((i) => i.id === id)?.value;
const texts = (card: Card) => cardTexts(card).map((t) => t.text);

it("shows on Kari's old card what her substitute answered since, then the answers, then the lock", async () => {
  const [karisCard] = await askForCards(KARI);
  expect(karisCard?.refresh).toMatchObject({
    action: { type: 'Action.Execute', verb: 'refreshStatus', data: { personId: KARI.userId, periodId: '2027-01' } },
    userIds: ['8:orgid:kari'],
  });
  const measures = findInputs(karisCard)
    .filter((i) => i.type === 'Input.ChoiceSet')
    .map((i) => String(i.id).slice('status:'.length));
  expect(measures).toHaveLength(4);
  expect(inputValue((await refresh(KARI, karisCard!)) ?? {}, `status:${measures[0]}`)).toBeUndefined();

  // Kari is away: Ola stands in and answers one of her measures on the card he gets for her.
  const set = await api('/substitutes', {
    method: 'POST',
    body: JSON.stringify({ absentId: KARI.userId, substituteId: OLA.userId, from: '2026-11-23', to: '2026-12-04' }),
  });
  expect(set.status).toBe(201);
  const forKari = (await askForCards(OLA)).find((c) => texts(c).some((t) => t.includes('stedfortreder for Kari')));
  expect(forKari?.refresh).toMatchObject({ userIds: ['8:orgid:kari', '8:orgid:ola'] });
  await submit(OLA, forKari!, {
    [`status:${measures[0]}`]: 'delayed',
    [`comment:${measures[0]}`]: 'Venter på leverandør',
  });

  // Kari's card, opened again: the form, with Ola's answer in it.
  const opened = await refresh(KARI, karisCard!);
  expect(inputValue(opened, `status:${measures[0]}`)).toBe('delayed');
  expect(inputValue(opened, `comment:${measures[0]}`)).toBe('Venter på leverandør');
  expect(texts(opened).some((t) => t.startsWith('Allerede besvart'))).toBe(true);
  // Ola's copy, refreshed by him, is Kari's form too (he stands in for her today).
  const olasAgain = await refresh(OLA, forKari!);
  expect(texts(olasAgain).some((t) => t.includes('stedfortreder for Kari'))).toBe(true);

  // Per replays the refresh of Kari's card: nothing of her form or her answers.
  const forged = await refresh(PER, karisCard!);
  expect(findInputs(forged)).toEqual([]);
  expect(JSON.stringify(forged)).not.toContain('Venter på leverandør');
  expect(texts(forged)).toContain('Status form'); // in Per's Teams language (en-US)

  // Ola answers the rest: Kari's card shows the answers, no form.
  await submit(OLA, olasAgain, Object.fromEntries(measures.slice(1).map((id) => [`status:${id}`, 'on_track'])));
  const answered = await refresh(KARI, karisCard!);
  expect(findInputs(answered)).toEqual([]);
  expect(texts(answered)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Status levert: /),
      expect.stringMatching(/^Levert av Ola Hansen /),
      'Forsinket · Venter på leverandør',
    ]),
  );

  // After the deadline the coordinator locks the period: the card says so.
  now = new Date('2027-02-10T10:00:00Z');
  expect((await api('/periods/2027-01/lock', { method: 'POST' })).status).toBe(201);
  const locked = await refresh(KARI, karisCard!);
  expect(findInputs(locked)).toEqual([]);
  expect(texts(locked)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Perioden er låst: /),
      expect.stringMatching(/^Status pr\. januar 2027 er låst av koordinatoren/),
      'Forsinket · Venter på leverandør',
    ]),
  );
});

it('keeps what Alex typed on a page and did not send when he pages back and forth, without storing it', async () => {
  const [first] = await askForCards(ALEX);
  const pageAction = (card: Card, title: string) =>
    (card.actions as { verb: string; title: string; data: Record<string, unknown> }[]).find((a) => a.title === title)!;
  const [one, two] = findInputs(first!)
    .filter((i) => i.type === 'Input.ChoiceSet')
    .map((i) => String(i.id).slice('status:'.length));
  // Teams sends every input of the page with "Neste side": the typed ones, and the untouched as ''.
  const typed = {
    [`status:${one}`]: 'done',
    [`comment:${one}`]: 'Ferdig, men ikke sendt',
    [`status:${two}`]: '',
    [`comment:${two}`]: '',
  };
  const next = pageAction(first!, 'Neste side');
  const second = await invoke(ALEX, { verb: next.verb, data: { ...next.data, ...typed } });
  expect(findInputs(second).map((i) => i.id)).not.toContain(`status:${one}`);
  const draft = { [`status:${one}`]: 'done', [`comment:${one}`]: 'Ferdig, men ikke sendt' };
  expect(pageAction(second, 'Forrige side').data.draft).toEqual(draft);
  expect((second.refresh as { action: { data: Record<string, unknown> } }).action.data.draft).toEqual(draft);

  // Back to the first page, and the first page refreshed later: what he typed is there.
  const back = pageAction(second, 'Forrige side');
  const again = await invoke(ALEX, { verb: back.verb, data: back.data });
  expect(inputValue(again, `status:${one}`)).toBe('done');
  expect(inputValue(again, `comment:${one}`)).toBe('Ferdig, men ikke sendt');
  expect(inputValue(again, `status:${two}`)).toBeUndefined();
  const refreshed = await refresh(ALEX, again);
  expect(inputValue(refreshed, `comment:${one}`)).toBe('Ferdig, men ikke sendt');

  // Not an answer: the goal table has no status for it.
  const table = JSON.stringify(await (await api('/goal-table')).json());
  expect(table).not.toContain('Ferdig, men ikke sendt');
});
