/** Path and query parameters the routes share, checked before any use case sees them. */
import { DomainError } from '../../domain/errors';
import type { MeasureFilter } from '../../domain/measure-filter';
import type { RouteContext } from '../router';

const PLAN_ID = /^[a-z0-9-]{1,100}$/;
const PERIOD_ID = /^\d{4}-(?:\d{2}|T[1-3]|Q[1-4])$/;

/** The :planId of the path; an id no plan can have is an unknown plan. */
export function planIdOf(context: Pick<RouteContext<unknown>, 'param'>): string {
  const planId = context.param('planId');
  if (!PLAN_ID.test(planId)) throw new DomainError('unknown-plan');
  return planId;
}

export function isPlanId(value: string): boolean {
  return PLAN_ID.test(value);
}

/** The ?period= of the query, when given; one no plan can have is an unknown period. */
export function periodQuery(context: Pick<RouteContext<unknown>, 'query'>): string | undefined {
  const period = context.query('period');
  if (period !== undefined && !PERIOD_ID.test(period)) throw new DomainError('unknown-period');
  return period;
}

/** ?owner=, ?sector= and ?role= as the tab's filters send them (the query is bounded by the header limit). */
export function filterQuery(context: Pick<RouteContext<unknown>, 'query'>): MeasureFilter {
  const filter: MeasureFilter = {};
  for (const key of ['owner', 'sector', 'role'] as const) {
    const value = context.query(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}
