/**
 * The yearly revision's rules (domain/revision-match.ts, domain/revision.ts), on Stord's plan as its
 * coordinator would revise it for a new year: a measure struck out, the ones after it renumbered,
 * one reworded, one new; the history of each stays with its measure through the renumbering.
 */
import {
  allMeasures,
  findMeasure,
  newMeasure,
  type GoalNode,
  type Measure,
  type Plan,
} from '../../bot/src/domain/plan';
import { matchMeasures, revisedDraft, textSimilarity } from '../../bot/src/domain/revision-match';
import { adoptedPlan, compareRevision } from '../../bot/src/domain/revision';
import { latestByMeasure, type StatusReport } from '../../bot/src/domain/status';
import { demoPlans } from '../support/demo';

function stord(): Plan {
  const plan = demoPlans().find((p) => p.id === 'stord-2022');
  if (!plan) throw new Error('Stord demo plan missing');
  return plan;
}

function report(measureId: string, status: StatusReport['status']): StatusReport {
  return {
    id: `r-${measureId}`,
    planId: 'stord-2022',
    measureId,
    periodId: '2026',
    status,
    reportedBy: { userId: 'u1', name: 'Birthe' },
    reportedAt: '2026-01-10T09:00:00.000Z',
    submissionId: `s-${measureId}`,
  };
}

/**
 * Stord's revised document as the importer makes it (ids are numbers): in sector 3, 3.1 struck out
 * and 3.2–3.4 moved up to 3.1–3.3, the new 3.2 reworded; a new 3.4; everything else as it was.
 */
function revisedDocument(plan: Plan): Plan {
  const sector3 = plan.goals.find((g) => g.number === '3') as GoalNode;
  const [, helsestasjon, kultur, kulturhus] = sector3.measures as [Measure, Measure, Measure, Measure];
  const asImported = (m: Measure, number: string, text = m.text): Measure => ({ ...m, id: number, number, text });
  const measures = [
    asImported(helsestasjon, '3.1'),
    asImported(kultur, '3.2', `${kultur.text.replace('Ta i bruk', 'Vidareutvikle')} i heile kommunen`),
    asImported(kulturhus, '3.3'),
    newMeasure({
      number: '3.4',
      text: 'Innføre digital utlånsløysing for utstyr på biblioteket',
      responsibleText: 'Kultursjef',
      indicator: { kind: 'deliverable', text: '' },
    }),
  ];
  return {
    ...plan,
    title: 'Digitaliseringsstrategi Stord 2027',
    goals: plan.goals.map((g) => (g.number === '3' ? { ...g, measures } : g)),
  };
}

describe('matching a revised document against the plan in force', () => {
  it('says how alike two texts are by their words, whatever the case and punctuation', () => {
    expect(textSimilarity('Ta i bruk DigiHelsestasjon.', 'ta i bruk digihelsestasjon')).toBe(1);
    expect(textSimilarity('Ta i bruk DigiHelsestasjon', 'Leggje inn data i NVDB-databasen')).toBe(0);
  });

  it('finds each measure again: same number and text, same text renumbered, reworded under another number', () => {
    const plan = stord();
    const matched = matchMeasures(allMeasures(plan), allMeasures(revisedDocument(plan)));
    expect(matched.get('1.1')).toBe('1.1');
    expect(matched.get('3.1')).toBe('3.2'); // DigiHelsestasjon moved up a number
    expect(matched.get('3.2')).toBe('3.3'); // reworded and moved up
    expect(matched.get('3.3')).toBe('3.4');
    expect(matched.has('3.4')).toBe(false); // new
    expect([...matched.values()]).not.toContain('3.1'); // struck out
  });

  it('does not hand a measure the history of the one above it when only the numbers agree', () => {
    const a = newMeasure({
      number: '1',
      text: 'Innføre digitale timelister',
      responsibleText: '',
      indicator: { kind: 'deliverable', text: '' },
    });
    const b = newMeasure({
      number: '2',
      text: 'Meir bruk av Elements',
      responsibleText: '',
      indicator: { kind: 'deliverable', text: '' },
    });
    const matched = matchMeasures([a, b], [{ ...b, id: '1', number: '1' }]);
    expect(matched.get('1')).toBe('2');
  });

  it('makes the draft keep the plan identity and the ids of matched measures, and gives new ones unused ids', () => {
    const plan = { ...stord(), tenantId: 'tenant-stord' };
    const withPeople = {
      ...plan,
      goals: plan.goals.map((g) => ({
        ...g,
        measures: g.measures.map((m) =>
          m.id === '3.2' ? { ...m, responsiblePeople: [{ userId: 'u9', name: 'Diana' }] } : m,
        ),
      })),
    };
    const draft = revisedDraft(withPeople, { ...revisedDocument(plan), id: 'stord-2027', tenantId: undefined } as Plan);
    expect(draft.id).toBe('stord-2022');
    expect(draft.tenantId).toBe('tenant-stord');
    expect(draft.title).toBe('Digitaliseringsstrategi Stord 2027');
    const sector3 = draft.goals.find((g) => g.number === '3') as GoalNode;
    expect(sector3.measures.map((m) => [m.number, m.id])).toEqual([
      ['3.1', '3.2'],
      ['3.2', '3.3'],
      ['3.3', '3.4'],
      ['3.4', '3.4~2'],
    ]);
    expect(sector3.measures[0]?.responsiblePeople).toEqual([{ userId: 'u9', name: 'Diana' }]);
  });
});

describe('comparing and adopting a revision', () => {
  it('names what is new, removed, renumbered and changed, in that order of the plan', () => {
    const plan = stord();
    const draft = revisedDraft(plan, revisedDocument(plan));
    const diff = compareRevision(plan, draft, new Set(['3.1']));
    expect(diff.added.map((m) => m.number)).toEqual(['3.4']);
    expect(diff.removed).toEqual([{ id: '3.1', number: '3.1', text: findMeasure(plan, '3.1')?.text, reported: true }]);
    expect(diff.renumbered.map((m) => [m.from, m.number])).toEqual([
      ['3.2', '3.1'],
      ['3.3', '3.2'],
      ['3.4', '3.3'],
    ]);
    expect(diff.changed).toEqual([expect.objectContaining({ id: '3.3', number: '3.2', fields: ['text'] })]);
    expect(diff.unchanged).toBe(allMeasures(plan).length - 4);
  });

  it('keeps every report with its measure through the renumbering, and a removed measure closed with its own', () => {
    const plan = stord();
    const reports = [report('3.1', 'done'), report('3.2', 'on_track'), report('3.4', 'delayed')];
    const reported = new Set(reports.map((r) => r.measureId));
    const adopted = adoptedPlan(plan, revisedDraft(plan, revisedDocument(plan)), reported, {
      reason: 'Fjerna ved rullering (versjon 2)',
      on: '2026-12-02',
    });
    const latest = latestByMeasure(reports);
    const byNumber = (number: string) => allMeasures(adopted).find((m) => m.number === number && !m.closed);
    // DigiHelsestasjon is 3.1 now, and its "on track" is still its own.
    expect(byNumber('3.1')?.text).toBe('Ta i bruk DigiHelsestasjon');
    expect(latest.get(byNumber('3.1')?.id ?? '')?.status).toBe('on_track');
    expect(latest.get(byNumber('3.3')?.id ?? '')?.status).toBe('delayed');
    expect(latest.get(byNumber('3.4')?.id ?? '')).toBeUndefined();
    // The struck-out measure had a report: it stays, closed, under its sector, with the report.
    const struck = findMeasure(adopted, '3.1');
    expect(struck?.closed).toEqual({ reason: 'Fjerna ved rullering (versjon 2)', on: '2026-12-02' });
    expect(adopted.goals.find((g) => g.number === '3')?.measures.map((m) => m.id)).toContain('3.1');
    expect(latest.get('3.1')?.status).toBe('done');
  });

  it('drops a removed measure no one reported on, and leaves a draft with nothing removed as it is', () => {
    const plan = stord();
    const draft = revisedDraft(plan, revisedDocument(plan));
    expect(findMeasure(adoptedPlan(plan, draft, new Set(), { reason: 'x', on: '2026-12-02' }), '3.1')).toBeUndefined();
    expect(adoptedPlan(plan, plan, new Set(['1.1']), { reason: 'x', on: '2026-12-02' })).toBe(plan);
  });
});
