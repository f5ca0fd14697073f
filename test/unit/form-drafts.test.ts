/** Drafts of a long status card: what is kept when the person pages, and how much it may weigh. */
import { statusFormCard, statusPages } from '../../bot/src/adapters/teams/cards';
import { DRAFT_BUDGET_BYTES, mergeDraft } from '../../bot/src/adapters/teams/form-drafts';
import { allMeasures } from '../../bot/src/domain/plan';
import type { Person } from '../../bot/src/domain/responsibility';
import type { StatusReport } from '../../bot/src/domain/status';
import type { StatusForm } from '../../bot/src/domain/status-form';
import { hoylandet } from '../support/demo';

const plan = hoylandet();
const everything: Person = { userId: 'u', name: 'U', roles: [], coordinatorOf: [] };
const measures = allMeasures(plan);
const period = { id: '2027-01', start: '2026-02-01', end: '2027-01-31' };
const answered = (id: string): StatusReport => ({
  id: `r-${id}`,
  planId: plan.id,
  measureId: id,
  periodId: period.id,
  status: 'on_track',
  comment: 'Gitt i fanen',
  reportedBy: { userId: 'u', name: 'U' },
  reportedAt: '2026-11-22T13:05:00.000Z',
  submissionId: 's',
});
const form = (current: StatusReport[] = []): StatusForm => ({
  submissionId: 'sub-0001',
  person: everything,
  plan,
  period,
  measures,
  current: new Map(current.map((r) => [r.measureId, r])),
});
const [a, b, c] = measures.map((m) => m.id);

it('keeps what was typed over what the card carried, and leaves out empty and unchanged inputs', () => {
  const draft = mergeDraft(
    form([answered(c!)]),
    { [`status:${a}`]: 'delayed', [`comment:${a}`]: 'Første utkast' },
    {
      [`comment:${a}`]: 'Andre utkast',
      [`status:${b}`]: '',
      [`status:${c}`]: 'on_track', // as answered in the tab: not a draft
      [`comment:${c}`]: 'Gitt i fanen',
      submissionId: 'not an input',
    },
  );
  expect(draft).toEqual({ [`status:${a}`]: 'delayed', [`comment:${a}`]: 'Andre utkast' });
});

it('bounds the draft, so every page with its draft in three places stays inside what Teams accepts', () => {
  const long = 'Æ'.repeat(1_000);
  const typed = Object.fromEntries(measures.map((m) => [`comment:${m.id}`, long]));
  const draft = mergeDraft(form(), undefined, typed);
  expect(JSON.stringify(draft).length * 2).toBeLessThanOrEqual(DRAFT_BUDGET_BYTES);
  expect(Object.keys(draft).length).toBeGreaterThan(0);
  const pages = statusPages(form()).map((_, page) => statusFormCard(form(), { page, draft }));
  for (const page of pages) expect(JSON.stringify(page).length * 2).toBeLessThan(100_000);
});
