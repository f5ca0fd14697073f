/** What the tab's main view loads: who is signed in, the plans they can see, and one plan's goal table. */
import type { GoalTableResponse, PlansResponse, SessionResponse } from '../../../bot/src/contract';
import { api } from '../api-client';
import { useLoad, type Loaded } from './use-load';

export function useSession(): Loaded<SessionResponse> {
  return useLoad((signal) => api.session(signal), 'session');
}

/** The plans the person can see, and the one to open when the address names none. */
export function usePlans(): Loaded<PlansResponse> {
  return useLoad((signal) => api.plans(signal), 'plans');
}

/** The goal table of the plan and period shown; nothing while no plan is chosen. */
export function useGoalTable(planId: string | undefined, periodId: string | undefined): Loaded<GoalTableResponse> {
  return useLoad(planId ? (signal) => api.goalTable(planId, periodId, signal) : undefined, `${planId}|${periodId}`);
}
