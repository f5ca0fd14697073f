/**
 * The status card as Teams refreshes it (Universal Actions' `refresh`): which users it refreshes
 * for, and what the refreshed card shows for each state of the form.
 */
import { REFRESH_STATUS_VERB, statusFormCard, teamsUserMri } from '../../bot/src/adapters/teams/cards';
import { refreshedStatusCard } from '../../bot/src/adapters/teams/refresh-cards';
import type { CurrentStatusForm } from '../../bot/src/app/current-status-form';
import { allMeasures } from '../../bot/src/domain/plan';
import { measuresOwnedBy, type Person } from '../../bot/src/domain/responsibility';
import type { StatusReport } from '../../bot/src/domain/status';
import type { StatusForm } from '../../bot/src/domain/status-form';
import { cardProblems, cardTexts, findInputs } from '../support/adaptive-cards';
import { hoylandet } from '../support/demo';

const plan = hoylandet();
const person = (userId: string, roles: string[]): Person => ({ userId, name: userId, roles, coordinatorOf: [] });
const alex = person('u-alex', ['Fagleder digitalisering']);
const sub = person('u-sub', []);
const period = { id: '2027-01', start: '2026-02-01', end: '2027-01-31' };
const report = (measureId: string, over: Partial<StatusReport> = {}): StatusReport => ({
  id: `r-${measureId}`,
  planId: plan.id,
  measureId,
  periodId: period.id,
  status: 'on_track',
  comment: `Kommentar til ${measureId}`,
  reportedBy: { userId: 'u-sub', name: 'Siri Stedfortreder' },
  reportedAt: '2026-11-22T13:05:00.000Z',
  submissionId: 'x',
  ...over,
});
const form = (current: StatusReport[] = [], over: Partial<StatusForm> = {}): StatusForm => ({
  submissionId: 'sub-0001',
  person: alex,
  plan,
  period,
  measures: measuresOwnedBy(alex, plan),
  current: new Map(current.map((r) => [r.measureId, r])),
  ...over,
});
const ids = measuresOwnedBy(alex, plan).map((m) => m.id);
const choices = (card: unknown) =>
  findInputs(card)
    .filter((i) => i.type === 'Input.ChoiceSet')
    .map((i) => i.id);

describe('the refresh on a status card', () => {
  it('asks the bot for the same page of the same form, automatically for the person', () => {
    const card = statusFormCard(form(), { page: 1 });
    expect(cardProblems(card)).toEqual([]);
    expect(card.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: REFRESH_STATUS_VERB,
        title: 'Oppdater',
        data: { planId: plan.id, personId: 'u-alex', periodId: '2027-01', page: 1 },
      },
      userIds: ['8:orgid:u-alex'],
    });
  });

  it('refreshes for the substitute too when the card went to them, and keeps a reminder to what is missing', () => {
    const card = statusFormCard({ ...form(), substitute: sub, remaining: { missing: 19, total: 19 } });
    expect(card.refresh).toMatchObject({
      action: { data: { personId: 'u-alex', missingOnly: true } },
      userIds: [teamsUserMri('u-alex'), teamsUserMri('u-sub')],
    });
  });
});

describe('the refreshed card', () => {
  it('is the form with the answers given since pre-filled while measures are missing', () => {
    const given = report(ids[0]!, { status: 'delayed', comment: 'Svart i fanen' });
    const card = refreshedStatusCard({ kind: 'open', form: form([given]) }, 'en', { page: 1 });
    expect(cardProblems(card)).toEqual([]);
    // Answered measures come last: on the second page, with the answer from the tab.
    const status = findInputs(card).find((i) => i.id === `status:${ids[0]}`);
    const comment = findInputs(card).find((i) => i.id === `comment:${ids[0]}`);
    expect(status?.value).toBe('delayed');
    expect(comment?.value).toBe('Svart i fanen');
  });

  it('keeps to the missing measures when the card held only those', () => {
    const answered = ids.slice(0, 16).map((id) => report(id));
    const card = refreshedStatusCard({ kind: 'open', form: form(answered) }, 'nb', { missingOnly: true });
    expect(choices(card)).toEqual(ids.slice(16).map((id) => `status:${id}`));
    expect(cardTexts(card).some((t) => t.text.includes('3 av 19 gjenstår'))).toBe(true);
  });

  it('shows the answers read-only, and who gave them, once every measure is answered', () => {
    const card = refreshedStatusCard({ kind: 'answered', form: form(ids.map((id) => report(id))) }, 'en');
    expect(cardProblems(card)).toEqual([]);
    expect(findInputs(card)).toEqual([]);
    expect(card.actions).toBeUndefined();
    const texts = cardTexts(card).map((t) => t.text);
    expect(texts).toContain(`Status levert: ${plan.title}`);
    expect(texts.some((t) => /^Levert av Siri Stedfortreder /.test(t))).toBe(true);
    expect(texts).toContain(`I rute · Kommentar til ${ids[18]}`);
    expect(card.refresh).toMatchObject({ action: { verb: REFRESH_STATUS_VERB } });
  });

  it('says the period is locked, with what was answered and what was not, and offers no form', () => {
    const card = refreshedStatusCard({ kind: 'locked', form: form(ids.slice(2).map((id) => report(id))) }, 'en');
    expect(cardProblems(card)).toEqual([]);
    expect(findInputs(card)).toEqual([]);
    expect(card.actions).toBeUndefined();
    const texts = cardTexts(card).map((t) => t.text);
    expect(texts).toContain(`Perioden er låst: ${plan.title}`);
    expect(texts.some((t) => t.includes('er låst av koordinatoren'))).toBe(true);
    const numbers = measuresOwnedBy(alex, plan)
      .slice(0, 2)
      .map((m) => m.number);
    expect(texts).toContain(`Uten svar: ${numbers.join(', ')}`);
  });

  it('shows someone the form is not for nothing of it, in their own language', () => {
    const state: CurrentStatusForm = { kind: 'not-allowed' };
    const card = refreshedStatusCard(state, 'en');
    expect(cardProblems(card)).toEqual([]);
    expect(findInputs(card)).toEqual([]);
    expect(card.refresh).toBeUndefined();
    expect(cardTexts(card).map((t) => t.text)).toEqual([
      'Status form',
      'This form is not for you, or you no longer stand in for the person it is for. Write “status” to get your own forms.',
    ]);
  });

  it('stays within the page budget for a person answering every measure with long comments', () => {
    const everything: Person = { ...alex, roles: [] };
    const measures = allMeasures(plan);
    const long = 'Æ'.repeat(250) + 'a'.repeat(250);
    const all = measures.map((m) => report(m.id, { comment: long }));
    for (const kind of ['answered', 'locked'] as const) {
      const card = refreshedStatusCard({ kind, form: form(all, { person: everything, measures }) }, 'nb');
      expect(JSON.stringify(card).length * 2).toBeLessThan(80_000);
      expect(
        cardTexts(card).some((t) => /^… og \d+ tiltak til\. Alle svarene står i Tiltak-fanen\.$/.test(t.text)),
      ).toBe(true);
    }
  });
});
