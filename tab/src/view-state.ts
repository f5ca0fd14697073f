/**
 * What the tab shows (plan, period, filters) lives in the URL, so a link or a channel tab opens
 * the same view and the browser's back button works as people expect.
 */
import type { TableFilter } from './components/filter-table';
import { KEYS, viewNameOf, type ViewState } from './view-keys';

export type { ViewState } from './view-keys';

export function readView(): ViewState {
  const q = new URLSearchParams(location.search);
  const get = (key: string) => q.get(key) ?? undefined;
  const filter: TableFilter = {};
  const owner = get(KEYS.owner);
  const sector = get(KEYS.sector);
  const role = get(KEYS.role);
  if (owner) filter.owner = owner;
  if (sector) filter.sector = sector;
  if (role) filter.role = role;
  const planId = get(KEYS.planId);
  const periodId = get(KEYS.periodId);
  const show = viewNameOf(get(KEYS.show));
  return { ...(planId ? { planId } : {}), ...(periodId ? { periodId } : {}), filter, ...(show ? { show } : {}) };
}

export function writeView(view: ViewState): void {
  const url = new URL(location.href);
  const set = (key: string, value: string | undefined) =>
    value ? url.searchParams.set(key, value) : url.searchParams.delete(key);
  set(KEYS.planId, view.planId);
  set(KEYS.periodId, view.periodId);
  set(KEYS.owner, view.filter.owner);
  set(KEYS.sector, view.filter.sector);
  set(KEYS.role, view.filter.role);
  set(KEYS.show, view.show);
  history.replaceState(null, '', url);
}
