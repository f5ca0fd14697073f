import {
  statusFormCard,
  statusPages,
  statusSummaryCard,
  STATUS_PAGE_VERB,
  SUBMIT_STATUS_VERB,
} from '../../bot/src/adapters/teams/cards';
import type { StatusForm } from '../../bot/src/domain/status-form';
import { measuresOwnedBy, type Person } from '../../bot/src/domain/responsibility';
import type { Plan } from '../../bot/src/domain/plan';
import type { StatusReport } from '../../bot/src/domain/status';
import { cardProblems, cardTexts, findInputs } from '../support/adaptive-cards';
import { hoylandet } from '../support/demo';

const plan = hoylandet();
const fagleder: Person = {
  userId: 'u-alex',
  name: 'Alex Wilber',
  roles: ['Fagleder digitalisering'],
  coordinatorOf: [],
};
const period = { id: '2027-01', start: '2026-02-01', end: '2027-01-31' };

function formFor(p: Plan, person: Person, current = new Map<string, StatusReport>()): StatusForm {
  return { submissionId: 'sub-0001', person, plan: p, period, measures: measuresOwnedBy(person, p), current };
}

const report = (measureId: string, over: Partial<StatusReport> = {}): StatusReport => ({
  id: `r-${measureId}`,
  planId: plan.id,
  measureId,
  periodId: '2027-01',
  status: 'on_track',
  reportedBy: { userId: 'u-alex', name: 'Alex Wilber' },
  reportedAt: '2026-11-22T13:05:00.000Z',
  submissionId: 'sub-0001',
  ...over,
});

/** Every page of the form, as Teams would get them one after another. */
const allPages = (form: StatusForm) => statusPages(form).map((_, page) => statusFormCard(form, { page }));

describe('the status form card', () => {
  const card = statusFormCard(formFor(plan, fagleder));

  it('is a valid Adaptive Card 1.5 with one Universal Action when the measures fit one page', () => {
    const few: StatusForm = { ...formFor(plan, fagleder), measures: measuresOwnedBy(fagleder, plan).slice(0, 4) };
    const small = statusFormCard(few);
    expect(cardProblems(small)).toEqual([]);
    expect(small.version).toBe('1.5');
    expect(small.actions).toEqual([
      {
        type: 'Action.Execute',
        verb: SUBMIT_STATUS_VERB,
        title: 'Send status',
        style: 'positive',
        data: { submissionId: 'sub-0001', planId: plan.id, periodId: '2027-01' },
      },
    ]);
  });

  it('pages 19 measures: each page sends its own measures and leads to the next', () => {
    const pages = allPages(formFor(plan, fagleder));
    expect(pages).toHaveLength(2);
    pages.forEach((p) => expect(cardProblems(p)).toEqual([]));
    expect(pages[0]?.actions).toEqual([
      expect.objectContaining({ verb: SUBMIT_STATUS_VERB, title: 'Send status for denne siden' }),
      {
        type: 'Action.Execute',
        verb: STATUS_PAGE_VERB,
        title: 'Neste side',
        data: { planId: plan.id, personId: 'u-alex', page: 1 },
      },
    ]);
    expect(pages[1]?.actions).toEqual([
      expect.objectContaining({ verb: SUBMIT_STATUS_VERB }),
      expect.objectContaining({
        verb: STATUS_PAGE_VERB,
        title: 'Forrige side',
        data: expect.objectContaining({ page: 0 }),
      }),
    ]);
    expect(cardTexts(pages[0]).map((t) => t.text)).toContain('Side 1 av 2 · 19 trenger svar');
  });

  it('puts the measures that need an answer first, grouped under their goal', () => {
    const answered = new Map(['1.3.2', '1.4.1', '2.2.1'].map((id) => [id, report(id)]));
    const [first, second] = allPages(formFor(plan, fagleder, answered));
    const ids = (c: unknown) =>
      findInputs(c)
        .filter((i) => i.type === 'Input.ChoiceSet')
        .map((i) => i.id);
    expect(ids(first)).not.toContain('status:1.3.2');
    expect(ids(second).slice(-3)).toEqual(['status:1.3.2', 'status:1.4.1', 'status:2.2.1']);
    const headings = cardTexts(first).filter((t) => t.text.startsWith('Trenger svar – '));
    expect(headings[0]?.text).toMatch(/^Trenger svar – 2 /);
    expect(cardTexts(second).some((t) => t.text.startsWith('Allerede besvart – 1 '))).toBe(true);
  });

  it("lists every one of the person's measures with a status choice and a comment, labelled for screen readers", () => {
    const inputs = allPages(formFor(plan, fagleder)).flatMap((p) => findInputs(p));
    const choiceSets = inputs.filter((i) => i.type === 'Input.ChoiceSet');
    expect(choiceSets).toHaveLength(19);
    expect(choiceSets[0]).toMatchObject({
      id: 'status:1.3.2',
      label: 'Status for 1.3.2',
      choices: [
        { title: 'Ikke startet', value: 'not_started' },
        { title: 'I rute', value: 'on_track' },
        { title: 'Forsinket', value: 'delayed' },
        { title: 'Fullført', value: 'done' },
        { title: 'Avbrutt', value: 'cancelled' },
      ],
    });
    expect(inputs.filter((i) => i.type === 'Input.Text')).toHaveLength(19);
    expect(inputs.every((i) => typeof i.label === 'string' && (i.label as string).length > 0)).toBe(true);
    expect(inputs.some((i) => i.type === 'Input.Number')).toBe(false); // Høylandet's indicators are deliverables
  });

  it('stays well inside the 40 KB Teams allows for a message, even for the person with the most measures', () => {
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
  });

  it('pre-fills the answer already given this period', () => {
    const prefilled = allPages(
      formFor(plan, fagleder, new Map([['2.2.1', report('2.2.1', { comment: 'Oppdatert i oktober' })]])),
    );
    const inputs = prefilled.flatMap((p) => findInputs(p));
    expect(inputs.find((i) => i.id === 'status:2.2.1')?.value).toBe('on_track');
    expect(inputs.find((i) => i.id === 'comment:2.2.1')?.value).toBe('Oppdatert i oktober');
  });

  it('speaks nynorsk for a nynorsk plan and asks for a value where the indicator is numeric', () => {
    const nnPlan: Plan = {
      ...plan,
      language: 'nn',
      goals: [
        {
          id: 'g1',
          level: 0,
          number: '1',
          text: 'Mål',
          children: [],
          measures: [
            {
              id: '1.1',
              number: '1.1',
              text: 'Auke talet på nedlastingar',
              responsibleText: 'Fagleder digitalisering',
              responsibleRoles: ['Fagleder digitalisering'],
              indicator: {
                kind: 'numeric',
                text: 'Nedlastingar',
                unit: 'stk',
                baseline: 1000,
                target: 30000,
                direction: 'higher',
              },
            },
          ],
        },
      ],
    };
    const nnCard = statusFormCard(formFor(nnPlan, fagleder));
    expect(cardProblems(nnCard)).toEqual([]);
    const inputs = findInputs(nnCard);
    expect((inputs[0]?.choices as { title: string }[]).map((c) => c.title)).toEqual([
      'Ikkje starta',
      'I rute',
      'Forseinka',
      'Fullført',
      'Avbroten',
    ]);
    expect(inputs.find((i) => i.type === 'Input.Number')).toMatchObject({
      id: 'value:1.1',
      label: 'Verdi for 1.1 (stk)',
    });
    expect(cardTexts(nnCard).some((t) => t.text.includes('Vel status, og legg gjerne til ein kommentar'))).toBe(true);
  });

  it('asks a reminder only for what is missing: "3 av 19 gjenstår"', () => {
    const missing = measuresOwnedBy(fagleder, plan).slice(-3);
    const reminder = statusFormCard({
      ...formFor(plan, fagleder),
      measures: missing,
      remaining: { missing: 3, total: 19 },
    });
    expect(findInputs(reminder).filter((i) => i.type === 'Input.ChoiceSet')).toHaveLength(3);
    expect(cardTexts(reminder).some((t) => t.text.includes('3 av 19 gjenstår'))).toBe(true);
  });

  it('shows an error above the form and keeps what the person had entered', () => {
    const withError = statusFormCard(formFor(plan, fagleder), {
      error: 'Velg status for 2.2.1',
      values: { 'comment:2.2.1': 'Mitt utkast' },
    });
    expect(cardProblems(withError)).toEqual([]);
    expect(cardTexts(withError).map((t) => t.text)).toContain('Velg status for 2.2.1');
    expect(findInputs(withError).find((i) => i.id === 'comment:2.2.1')?.value).toBe('Mitt utkast');
  });
});

describe('the answered card', () => {
  it('shows who answered, when (Oslo time) and what, read-only', () => {
    const card = statusSummaryCard(plan, [
      report('2.2.1', { comment: 'Planen er oppdatert' }),
      report('2.2.2', { status: 'delayed' }),
    ]);
    expect(cardProblems(card)).toEqual([]);
    expect(findInputs(card)).toEqual([]);
    expect(card.actions).toBeUndefined();
    const texts = cardTexts(card).map((t) => t.text);
    expect(texts).toContain('Levert av Alex Wilber 22.11.2026 kl. 14:05.');
    expect(texts).toContain('I rute · Planen er oppdatert');
    expect(texts).toContain('Forsinket');
  });

  it('after part of the form, offers the measures still missing', () => {
    const card = statusSummaryCard(plan, [report('2.2.1')], { personId: 'u-alex', missing: 18, total: 19 });
    expect(cardProblems(card)).toEqual([]);
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        verb: STATUS_PAGE_VERB,
        title: 'Fortsett: 18 av 19 gjenstår',
        style: 'positive',
        data: { planId: plan.id, personId: 'u-alex', page: 0, missingOnly: true },
      },
    ]);
  });

  it('never lets a comment become Markdown: user text only travels in TextRuns', () => {
    const hostile = '[Klikk her](https://evil.example) **viktig** <at>alle</at>';
    const card = statusSummaryCard(plan, [
      report('2.2.1', { comment: hostile, reportedBy: { userId: 'x', name: '**Admin**' } }),
    ]);
    const carriers = cardTexts(card).filter((t) => t.text.includes('evil.example') || t.text.includes('**Admin**'));
    expect(carriers.length).toBe(2);
    expect(carriers.every((t) => t.type === 'TextRun')).toBe(true);
    expect(JSON.stringify(card)).not.toMatch(/"type":"TextBlock"/);
  });
});

it('offers "unchanged since last period" and starts from last period\'s answer where this period has none', () => {
  const measures = measuresOwnedBy(fagleder, plan);
  const [first, second] = measures.map((m) => m.id) as [string, string];
  const form = {
    ...formFor(plan, fagleder),
    previous: new Map([[first, report(first, { periodId: '2026-01', status: 'delayed', comment: 'Venter' })]]),
  };
  const json = statusFormCard(form) as unknown as { body: { items?: Record<string, unknown>[] }[] };
  const inputs = json.body.flatMap((b) => b.items ?? []);
  const statusOf = (id: string) =>
    inputs.find((i) => i.id === `status:${id}`) as { value?: string; choices: { value: string }[] };
  expect(statusOf(first).choices[0]).toEqual({ title: 'Uendret siden forrige periode', value: 'unchanged' });
  expect(statusOf(first).value).toBe('delayed');
  expect(JSON.stringify(json)).toContain('Forrige periode: Forsinket · Venter');
  expect(statusOf(second).choices.map((c) => c.value)).not.toContain('unchanged');
  expect(statusOf(second).value).toBeUndefined();
});

describe('blocks shared by the forms of one pass', () => {
  const other: Person = { ...fagleder, userId: 'u-kari', name: 'Kari Nordmann' };

  it('gives each person the card made for them alone, though measures shared with others are built once', () => {
    const answers = new Map([[measuresOwnedBy(fagleder, plan)[0]!.id, report(measuresOwnedBy(fagleder, plan)[0]!.id)]]);
    const first = statusFormCard(formFor(plan, fagleder, answers));
    const second = statusFormCard(formFor(plan, other, answers)); // the same answers: the pass's
    expect(second).toEqual(statusFormCard(formFor(plan, other, new Map(answers)))); // as if made alone
    expect(JSON.stringify(second)).toContain('u-kari');
    expect(JSON.stringify(second)).not.toContain('u-alex');
    expect(JSON.stringify(first)).toContain('u-alex');
  });

  it('shows an answer that came in after the first card was made from the same answers', () => {
    const measureId = measuresOwnedBy(fagleder, plan)[0]!.id;
    const answers = new Map<string, StatusReport>();
    // Every page: the answered measure moves to the last.
    const allPages = (form: StatusForm) =>
      statusPages(form)
        .map((_, page) => JSON.stringify(statusFormCard(form, { page })))
        .join();
    const before = allPages(formFor(plan, fagleder, answers));
    answers.set(measureId, report(measureId, { comment: 'Kom inn etterpå' }));
    const after = allPages(formFor(plan, other, answers));
    expect(before).not.toContain('Kom inn etterpå');
    expect(after).toContain('Kom inn etterpå');
  });
});
