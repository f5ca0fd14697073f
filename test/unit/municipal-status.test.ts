import {
  compareOwners,
  latestForOwner,
  municipalitiesOf,
  organisationOfAnswer,
  reportsForOwner,
  rollUpMeasure,
} from '../../bot/src/domain/municipal-status';
import { newMeasure, type Measure, type Plan } from '../../bot/src/domain/plan';
import type { Person } from '../../bot/src/domain/responsibility';
import type { StatusCode, StatusReport } from '../../bot/src/domain/status';

const OWNERS = [
  { id: 'gjerstad', name: 'Gjerstad kommune' },
  { id: 'risor', name: 'Risør kommune' },
  { id: 'tvedestrand', name: 'Tvedestrand kommune' },
  { id: 'vegarshei', name: 'Vegårshei kommune' },
  { id: 'amli', name: 'Åmli kommune' },
];

const shared = newMeasure({
  number: '4.1.1.1',
  text: 'Felles forståelse',
  responsibleText: 'Sektorgruppe Administrative støttefunksjoner',
  indicator: { kind: 'deliverable', text: '' },
});
const someOnly: Measure = { ...shared, id: '4.1.1.2', number: '4.1.1.2', appliesTo: ['risor', 'tvedestrand'] };

const plan: Plan = {
  id: 'ddo',
  title: 'DDØ',
  owners: OWNERS,
  language: 'nb',
  period: { fromYear: 2017, toYear: 2020 },
  cadence: { kind: 'quarterly' },
  levels: ['Satsingsområde', 'Tiltak'],
  goals: [{ id: '4.1', level: 0, number: '4.1', text: 'Tverrgående', children: [], measures: [shared, someOnly] }],
};

let seq = 0;
function report(
  measureId: string,
  status: StatusCode,
  organisationId?: string,
  at = '2020-10-01T10:00:00.000Z',
): StatusReport {
  seq += 1;
  return {
    id: `r${seq}`,
    planId: plan.id,
    measureId,
    periodId: '2020-Q4',
    status,
    reportedBy: { userId: `u${seq}`, name: `Person ${seq}` },
    reportedAt: at,
    submissionId: `s${seq}`,
    ...(organisationId ? { organisationId } : {}),
  };
}

const person = (municipalities: string[], roles = ['Sektorgruppe Administrative støttefunksjoner']): Person => ({
  userId: `p-${municipalities.join('-')}`,
  name: 'Sektorgruppa',
  roles,
  coordinatorOf: [],
  municipalities,
});

describe('each municipality’s own status in a shared plan', () => {
  it('keeps the latest report per municipality; a report for no municipality counts for every owner', () => {
    const reports = [
      report(shared.id, 'not_started', undefined, '2020-10-01T08:00:00.000Z'),
      report(shared.id, 'done', 'tvedestrand', '2020-10-02T08:00:00.000Z'),
      report(shared.id, 'delayed', 'risor', '2020-10-03T08:00:00.000Z'),
      report(shared.id, 'on_track', 'tvedestrand', '2020-10-04T08:00:00.000Z'),
    ];
    expect(latestForOwner(reports, 'tvedestrand').get(shared.id)?.status).toBe('on_track');
    expect(latestForOwner(reports, 'risor').get(shared.id)?.status).toBe('delayed');
    expect(latestForOwner(reports, 'amli').get(shared.id)?.status).toBe('not_started');
    expect(reportsForOwner(reports, 'risor').map((r) => r.status)).toEqual(['not_started', 'delayed']);
    expect(reportsForOwner(reports, undefined)).toHaveLength(4);
  });

  it('rolls a measure up over its owners: "3 av 5 fullført"', () => {
    const reports = [
      report(shared.id, 'done', 'gjerstad'),
      report(shared.id, 'done', 'risor'),
      report(shared.id, 'done', 'tvedestrand'),
      report(shared.id, 'delayed', 'vegarshei'),
      report(someOnly.id, 'done', 'amli'),
    ];
    const rollUp = rollUpMeasure(plan, shared, reports);
    expect({ done: rollUp.done, total: rollUp.total }).toEqual({ done: 3, total: 5 });
    expect(rollUp.counts).toMatchObject({ done: 3, delayed: 1, not_reported: 1 });
    expect(rollUp.owners.map((o) => [o.ownerId, o.report?.status])).toEqual([
      ['gjerstad', 'done'],
      ['risor', 'done'],
      ['tvedestrand', 'done'],
      ['vegarshei', 'delayed'],
      ['amli', undefined],
    ]);
  });

  it('counts a measure for some owners only there', () => {
    const rollUp = rollUpMeasure(plan, someOnly, [
      report(someOnly.id, 'done', 'risor'),
      report(someOnly.id, 'done', 'amli'),
    ]);
    expect(rollUp.owners.map((o) => o.ownerId)).toEqual(['risor', 'tvedestrand']);
    expect({ done: rollUp.done, total: rollUp.total }).toEqual({ done: 1, total: 2 });
  });

  it('compares the municipalities side by side over the measures that apply to each', () => {
    const side = compareOwners(
      plan,
      [shared, someOnly],
      [
        report(shared.id, 'done', 'tvedestrand'),
        report(someOnly.id, 'delayed', 'tvedestrand'),
        report(shared.id, 'on_track', 'risor'),
      ],
    );
    const byId = new Map(side.map((s) => [s.ownerId, s]));
    expect(byId.get('tvedestrand')).toMatchObject({ measures: 2, counts: { done: 1, delayed: 1, not_reported: 0 } });
    expect(byId.get('risor')).toMatchObject({ measures: 2, counts: { on_track: 1, not_reported: 1 } });
    expect(byId.get('amli')).toMatchObject({ measures: 1, counts: { not_reported: 1 } });
  });

  it('a person answers for their own municipalities the measure applies to; the coordinator for every owner', () => {
    expect(municipalitiesOf(person(['tvedestrand']), plan, shared)).toEqual(['tvedestrand']);
    expect(municipalitiesOf(person(['amli']), plan, someOnly)).toEqual([]);
    expect(municipalitiesOf(person(['risor'], ['Rektor']), plan, shared)).toEqual([]);
    expect(municipalitiesOf(person([], []), plan, someOnly, { coordinator: true })).toEqual(['risor', 'tvedestrand']);
    const alone: Plan = { ...plan, owners: [OWNERS[0] as (typeof OWNERS)[number]] };
    expect(municipalitiesOf(person(['gjerstad']), alone, shared)).toEqual([]);
  });

  it('takes a named municipality only if the person answers for it', () => {
    expect(organisationOfAnswer(['tvedestrand'], undefined)).toBe('tvedestrand');
    expect(organisationOfAnswer(['tvedestrand'], 'tvedestrand')).toBe('tvedestrand');
    expect(organisationOfAnswer(['tvedestrand'], 'risor')).toBeUndefined();
    expect(organisationOfAnswer([], 'risor')).toBeUndefined();
    expect(organisationOfAnswer([], undefined)).toBeNull();
  });
});
