/**
 * The view's parts as URL parameters: kept apart from view-state.ts (which reads and writes the
 * browser's address) so that building a channel tab's address needs no browser.
 */
import type { TableFilter } from './components/filter-table';

export interface ViewState {
  planId?: string;
  periodId?: string;
  filter: TableFilter;
  /** The goal table (default), the person's own measures, the ledermøte's overview, or a coordinators' panel. */
  show?: Exclude<ViewName, 'table'>;
}

/** The tab's views, in the order their tabs stand. */
export const VIEW_NAMES = [
  'table',
  'mine',
  'overview',
  'round',
  'substitutes',
  'audit',
  'revision',
  'versions',
] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export function viewNameOf(value: string | undefined): Exclude<ViewName, 'table'> | undefined {
  return value && value !== 'table' && (VIEW_NAMES as readonly string[]).includes(value)
    ? (value as Exclude<ViewName, 'table'>)
    : undefined;
}

export const KEYS = {
  planId: 'plan',
  periodId: 'period',
  owner: 'owner',
  sector: 'sector',
  role: 'role',
  show: 'show',
} as const;

/** The address a channel tab opens: its plan, and the department's filter and view if chosen. */
export function channelTabUrl(origin: string, view: ViewState): string {
  const url = new URL('/tab/', origin);
  if (view.planId) url.searchParams.set(KEYS.planId, view.planId);
  if (view.filter.owner) url.searchParams.set(KEYS.owner, view.filter.owner);
  if (view.filter.sector) url.searchParams.set(KEYS.sector, view.filter.sector);
  if (view.show) url.searchParams.set(KEYS.show, view.show);
  return url.toString();
}

/**
 * The address the meeting's stage shows (`?view=stage`): meeting mode for the plan, period and
 * filters the side panel shows, so everyone in the meeting sees the goals the panel's owner sees.
 */
export function stageUrl(origin: string, view: ViewState): string {
  const url = new URL('/tab/', origin);
  url.searchParams.set('view', 'stage');
  if (view.planId) url.searchParams.set(KEYS.planId, view.planId);
  if (view.periodId) url.searchParams.set(KEYS.periodId, view.periodId);
  if (view.filter.owner) url.searchParams.set(KEYS.owner, view.filter.owner);
  if (view.filter.sector) url.searchParams.set(KEYS.sector, view.filter.sector);
  if (view.filter.role) url.searchParams.set(KEYS.role, view.filter.role);
  return url.toString();
}
