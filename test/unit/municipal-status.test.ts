import {
  compareOwners,
  latestForOwner,
  reportsForOwner,
  rollUpMeasure,
  wholeLatest,
  wholeStatusOf,
} from '../../bot/src/domain/municipal-status';
import { answerScopeOf, organisationOfAnswer, ownAnswers } from '../../bot/src/domain/municipal-answers';
import { newMeasure, type Measure, type Plan } from '../../bot/src/domain/plan';
import type { Person } from '../../bot/src/domain/responsibility';
import { DDO_OWNERS } from '../support/demo';
import type { StatusCode, StatusReport } from '../../bot/src/domain/status';

const OWNERS = DDO_OWNERS;

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

  it('prefers a municipality’s own report over a later one for every owner in the same period', () => {
    const reports = [
      report(shared.id, 'done', 'risor', '2020-10-02T08:00:00.000Z'),
      report(shared.id, 'delayed', undefined, '2020-10-05T08:00:00.000Z'),
    ];
    expect(latestForOwner(reports, 'risor').get(shared.id)?.status).toBe('done');
    // Without an own report the one for every owner still stands in.
    expect(latestForOwner(reports, 'amli').get(shared.id)?.status).toBe('delayed');
    // A later period's report for every owner is newer news than an earlier period's own.
    const later = { ...report(shared.id, 'on_track', undefined, '2021-01-05T08:00:00.000Z'), periodId: '2021-Q1' };
    expect(latestForOwner([...reports, later], 'risor').get(shared.id)?.status).toBe('on_track');
  });

  it('shows a shared measure seen whole as its least advanced owner, consistent with the roll-up', () => {
    const all = (statuses: StatusCode[]) =>
      wholeStatusOf(
        rollUpMeasure(
          plan,
          shared,
          statuses.map((s, i) => report(shared.id, s, OWNERS[i]?.id)),
        ),
      );
    expect(all(['done', 'done', 'done', 'done', 'done'])?.status).toBe('done');
    expect(all(['done', 'on_track', 'done', 'not_started', 'done'])?.status).toBe('not_started');
    expect(all(['done', 'done', 'done'])).toBeUndefined(); // two not reported: not done as a whole
    expect(all(['done', 'delayed', 'done'])?.organisationId).toBe('risor'); // delayed anywhere shows
    expect(all(['cancelled', 'done', 'done', 'done', 'done'])?.status).toBe('done');
    expect(all(['cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled'])?.status).toBe('cancelled');
    // The latest report of any municipality (on_track, reported last) is not the measure's status.
    const reports = [
      report(shared.id, 'done', 'gjerstad', '2020-10-01T08:00:00.000Z'),
      report(shared.id, 'delayed', 'risor', '2020-10-02T08:00:00.000Z'),
      report(shared.id, 'on_track', 'tvedestrand', '2020-10-03T08:00:00.000Z'),
      report(someOnly.id, 'done', 'risor'),
      report(someOnly.id, 'done', 'tvedestrand'),
    ];
    const whole = wholeLatest(plan, [shared, someOnly], reports);
    expect(whole.get(shared.id)?.status).toBe('delayed');
    expect(whole.get(someOnly.id)?.status).toBe('done');
    const alone: Plan = { ...plan, owners: [OWNERS[0] as (typeof OWNERS)[number]] };
    expect(wholeLatest(alone, [shared], reports.slice(0, 3)).get(shared.id)?.status).toBe('on_track');
  });

  it('a person answers for their own municipalities the measure applies to; the coordinator for every owner', () => {
    const of = (p: Person, m: Measure, coordinator = false) => answerScopeOf(p, plan, m, { coordinator });
    expect(of(person(['tvedestrand']), shared)).toEqual({
      answersFor: ['tvedestrand'],
      byDefault: 'tvedestrand',
      expected: ['tvedestrand'],
    });
    expect(of(person(['amli']), someOnly).answersFor).toEqual([]);
    expect(of(person(['risor'], ['Rektor']), shared).answersFor).toEqual([]);
    expect(of(person([], []), someOnly, true).answersFor).toEqual(['risor', 'tvedestrand']);
    const alone: Plan = { ...plan, owners: [OWNERS[0] as (typeof OWNERS)[number]] };
    expect(answerScopeOf(person(['gjerstad']), alone, shared).answersFor).toEqual([]);
  });

  it('stores a coordinator’s answer for their own municipality, and asks one without any among the owners to choose', () => {
    expect(answerScopeOf(person(['tvedestrand'], []), plan, shared, { coordinator: true }).byDefault).toBe(
      'tvedestrand',
    );
    expect(answerScopeOf(person(['oslo'], []), plan, shared, { coordinator: true }).byDefault).toBe('choose');
    const onlyRisor: Measure = { ...someOnly, appliesTo: ['risor'] };
    expect(answerScopeOf(person([], []), plan, onlyRisor, { coordinator: true }).byDefault).toBe('risor');
  });

  it('keeps someone named from outside a measure of some owners from answering for all of them', () => {
    const named = (municipalities: string[], m: Measure): Measure => ({
      ...m,
      responsiblePeople: [{ userId: person(municipalities).userId, name: 'Navngitt' }],
    });
    const outsider = person(['amli'], []);
    const scope = answerScopeOf(outsider, plan, named(['amli'], someOnly));
    expect(scope).toEqual({
      answersFor: ['risor', 'tvedestrand'],
      byDefault: 'choose',
      expected: ['risor', 'tvedestrand'],
    });
    const onlyRisor = named(['amli'], { ...someOnly, appliesTo: ['risor'] });
    expect(answerScopeOf(outsider, plan, onlyRisor).byDefault).toBe('risor');
    // Without a municipality, on a measure of every owner: for no municipality in particular.
    const nowhere: Person = { ...person([], []), municipalities: undefined } as Person;
    const everyone: Measure = { ...shared, responsiblePeople: [{ userId: nowhere.userId, name: 'Navngitt' }] };
    expect(answerScopeOf(nowhere, plan, everyone).byDefault).toBeNull();
  });

  it('takes a named municipality only if the person answers for it', () => {
    const scope = { answersFor: ['tvedestrand'], byDefault: 'tvedestrand', expected: ['tvedestrand'] };
    expect(organisationOfAnswer(scope, undefined)).toBe('tvedestrand');
    expect(organisationOfAnswer(scope, 'tvedestrand')).toBe('tvedestrand');
    expect(organisationOfAnswer(scope, 'risor')).toBe('refused');
    expect(organisationOfAnswer({ answersFor: [], byDefault: null, expected: [] }, 'risor')).toBe('refused');
    expect(organisationOfAnswer({ answersFor: [], byDefault: null, expected: [] }, undefined)).toBeNull();
    expect(organisationOfAnswer({ answersFor: ['risor', 'amli'], byDefault: 'choose', expected: [] }, undefined)).toBe(
      'choose',
    );
  });

  it('counts a measure answered for a person only with their own municipalities’ answers', () => {
    const reports = [
      report(shared.id, 'done', 'risor', '2020-10-01T08:00:00.000Z'),
      report(shared.id, 'delayed', 'tvedestrand', '2020-10-02T08:00:00.000Z'),
    ];
    expect(ownAnswers(person(['gjerstad']), plan, [shared], reports).has(shared.id)).toBe(false);
    expect(ownAnswers(person(['risor']), plan, [shared], reports).get(shared.id)?.status).toBe('done');
    // Two municipalities: answered only when both are; the pre-fill is the first one's.
    const both = person(['risor', 'amli']);
    expect(ownAnswers(both, plan, [shared], reports).has(shared.id)).toBe(false);
    expect(ownAnswers(both, plan, [shared], reports, { partial: true }).get(shared.id)?.status).toBe('done');
    const withAmli = [...reports, report(shared.id, 'on_track', 'amli', '2020-10-03T08:00:00.000Z')];
    expect(ownAnswers(both, plan, [shared], withAmli).get(shared.id)?.status).toBe('done');
    const alone: Plan = { ...plan, owners: [OWNERS[0] as (typeof OWNERS)[number]] };
    expect(ownAnswers(person(['gjerstad']), alone, [shared], reports).get(shared.id)?.status).toBe('delayed');
  });
});
