/** What the tab's main view loads: who is signed in, the plans they can see, and one plan's goal table. */
import type { GoalTableResponse, PlanSummary, SessionResponse } from '../../../bot/src/contract';
import { api } from '../api-client';
import { useLoad, type Loaded } from './use-load';

export function useSession(): Loaded<SessionResponse> {
  return useLoad((signal) => api.session(signal), 'session');
}

export function usePlans(): Loaded<PlanSummary[]> {
  return useLoad(async (signal) => (await api.plans(signal)).plans, 'plans');
}

/** The goal table of the plan and period shown; nothing while no plan is chosen. */
export function useGoalTable(planId: string | undefined, periodId: string | undefined): Loaded<GoalTableResponse> {
  return useLoad(planId ? (signal) => api.goalTable(planId, periodId, signal) : undefined, `${planId}|${periodId}`);
}
