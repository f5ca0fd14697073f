/** The one way the tab talks to the service: typed calls to /api/v1. */
import type { ApiError, GoalTable, PlansResponse, SessionResponse } from '../../bot/src/http/api-types';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

async function getJson<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw new ApiRequestError(0, 'network', 'network');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as ApiError | undefined;
    throw new ApiRequestError(response.status, body?.error ?? 'http', body?.message ?? `HTTP ${response.status}`);
  }
  return (await response.json()) as T;
}

export const api = {
  session: () => getJson<SessionResponse>('/api/v1/session'),
  plans: () => getJson<PlansResponse>('/api/v1/plans'),
  goalTable: (planId: string, periodId?: string) =>
    getJson<GoalTable>(
      `/api/v1/plans/${encodeURIComponent(planId)}/goal-table${periodId ? `?period=${encodeURIComponent(periodId)}` : ''}`,
    ),
};
