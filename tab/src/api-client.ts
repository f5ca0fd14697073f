/** The one way the tab talks to the service: typed calls to /api/v1. */
import type {
  ApiError,
  AuditResponse,
  DevUsersResponse,
  GoalTableResponse,
  MeasureConflictResponse,
  MeasureEditRequest,
  NewMeasureRequest,
  NewGoalRequest,
  NumberProposal,
  MeasureResponse,
  RoundProgress,
  SubstitutesResponse,
  Substitution,
  OverviewResponse,
  MeasureHistory,
  LockOutcome,
  ImportPreview,
  ImportProblem,
  PlansResponse,
  PlanUpload,
  SessionResponse,
  MeasureFilter,
  MyMeasuresResponse,
  MyReportResponse,
  Decision,
  DecisionRequest,
} from '../../bot/src/contract';
import type { ReportEntry } from './data/my-measures';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For a refused import: where each problem is. */
    readonly problems: ImportProblem[] = [],
    /** The whole error body, for callers that need more than the message. */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** Inside Teams: gives the SSO token (teams-js authentication.getAuthToken) for each call. */
let tokenProvider: (() => Promise<string>) | undefined;

export function setTokenProvider(provider: () => Promise<string>): void {
  tokenProvider = provider;
}

/** The person's language, sent as Accept-Language so that the service's messages speak it. */
let language = 'nb';

export function setLanguage(lang: string): void {
  language = lang;
}

/** Local development's dev login: whom to act as (remembered in this browser). */
const DEV_USER_KEY = 'tiltak.devUser';

export function devUser(): string | undefined {
  try {
    return localStorage.getItem(DEV_USER_KEY) ?? undefined;
  } catch {
    // Framed by Teams the tab is a third party, and a browser may deny it storage: no dev login then.
    return undefined;
  }
}

export function setDevUser(userId: string | undefined): void {
  if (userId) localStorage.setItem(DEV_USER_KEY, userId);
  else localStorage.removeItem(DEV_USER_KEY);
}

export async function requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    const token = tokenProvider ? await tokenProvider() : undefined;
    response = await fetch(path, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        Accept: 'application/json',
        'Accept-Language': language,
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(devUser() ? { 'X-Tiltak-Dev-User': devUser() } : {}),
      },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiRequestError(0, 'network', 'network');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as
      (ApiError & { problems?: ImportProblem[] }) | undefined;
    throw new ApiRequestError(
      response.status,
      body?.error ?? 'http',
      body?.message ?? `HTTP ${response.status}`,
      body?.problems ?? [],
      body,
    );
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const getJson = <T>(path: string, signal?: AbortSignal) => requestJson<T>(path, signal ? { signal } : {});
const postJson = <T>(path: string, body: unknown) =>
  requestJson<T>(path, { method: 'POST', body: JSON.stringify(body) });

/** Thrown by saveMeasure when someone else saved first: what is stored now, to start again from. */
export class MeasureConflict extends Error {
  constructor(readonly current: MeasureResponse) {
    super('changed_by_someone_else');
  }
}

const measurePath = (planId: string, measureId: string) =>
  `/api/v1/plans/${encodeURIComponent(planId)}/measures/${encodeURIComponent(measureId)}`;

async function saveMeasure(
  planId: string,
  measureId: string,
  edit: MeasureEditRequest,
  version: string,
): Promise<MeasureResponse> {
  try {
    return await requestJson<MeasureResponse>(measurePath(planId, measureId), {
      method: 'PATCH',
      body: JSON.stringify(edit),
      headers: { 'If-Match': version },
    });
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 412 && error.body) {
      throw new MeasureConflict((error.body as MeasureConflictResponse).current);
    }
    throw error;
  }
}

/**
 * Fetches the period's report with the person's token (a plain link would carry none inside Teams)
 * and hands it to the browser as a download.
 */
async function downloadReport(
  planId: string,
  periodId: string,
  format: 'xlsx' | 'pdf' | 'docx',
  filter: MeasureFilter = {},
): Promise<void> {
  const token = tokenProvider ? await tokenProvider() : undefined;
  // Narrowed as the overview is: the service applies the same filter rule to the report.
  const path = `/api/v1/plans/${encodeURIComponent(planId)}/report.${format}${queryOf({ period: periodId, ...filter })}`;
  const response = await fetch(path, {
    headers: {
      'Accept-Language': language,
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(devUser() ? { 'X-Tiltak-Dev-User': devUser() } : {}),
    },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new ApiRequestError(response.status, 'http', `HTTP ${response.status}`);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `report.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `?a=1&b=2` of the parameters given; nothing when none is. */
function queryOf(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

const myMeasuresPath = (planId: string) => `/api/v1/plans/${encodeURIComponent(planId)}/my-measures`;
const substitutesPath = (planId: string) => `/api/v1/plans/${encodeURIComponent(planId)}/substitutes`;
const roundsPath = (planId: string) => `/api/v1/plans/${encodeURIComponent(planId)}/rounds`;

export const api = {
  myMeasures: (planId: string, periodId: string | undefined, signal?: AbortSignal) =>
    getJson<MyMeasuresResponse>(`${myMeasuresPath(planId)}${queryOf({ period: periodId })}`, signal),
  /** `key` names this save: sent again (after a lost answer) it stores nothing twice. */
  reportMine: (planId: string, report: { periodId: string; entries: ReportEntry[] }, key: string) =>
    requestJson<MyReportResponse>(myMeasuresPath(planId), {
      method: 'POST',
      body: JSON.stringify(report),
      headers: { 'Idempotency-Key': key },
    }),
  latestRound: async (planId: string, signal?: AbortSignal): Promise<RoundProgress | undefined> => {
    try {
      return await getJson<RoundProgress>(`${roundsPath(planId)}/latest`, signal);
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'no_round') return undefined;
      throw error;
    }
  },
  startRound: (planId: string) => postJson<unknown>(roundsPath(planId), {}),
  nudge: (planId: string) => postJson<{ added: number }>(`${roundsPath(planId)}/latest/nudge`, {}),
  reschedule: (planId: string, schedule: { firstAt: string; secondAt: string; escalateAt: string }) =>
    requestJson<unknown>(`${roundsPath(planId)}/latest/schedule`, { method: 'PUT', body: JSON.stringify(schedule) }),
  setRoundState: (planId: string, state: 'running' | 'paused' | 'cancelled') =>
    postJson<unknown>(`${roundsPath(planId)}/latest/state`, { state }),
  substitutes: (planId: string, signal?: AbortSignal) => getJson<SubstitutesResponse>(substitutesPath(planId), signal),
  setSubstitute: (planId: string, input: { absentId: string; substituteId: string; from: string; to: string }) =>
    postJson<Substitution>(substitutesPath(planId), input),
  removeSubstitute: (planId: string, id: string) =>
    requestJson<void>(`${substitutesPath(planId)}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  measure: (planId: string, measureId: string, signal?: AbortSignal) =>
    getJson<MeasureResponse>(measurePath(planId, measureId), signal),
  saveMeasure,
  /** Only a measure without reports; one with reports answers measure_has_reports (close it instead). */
  deleteMeasure: (planId: string, measureId: string, version: string) =>
    requestJson<void>(measurePath(planId, measureId), { method: 'DELETE', headers: { 'If-Match': version } }),
  moveMeasure: (planId: string, measureId: string, goalId: string, version: string) =>
    requestJson<MeasureResponse>(`${measurePath(planId, measureId)}/move`, {
      method: 'POST',
      body: JSON.stringify({ goalId }),
      headers: { 'If-Match': version },
    }),
  proposal: (planId: string, goalId: string, signal?: AbortSignal) =>
    getJson<NumberProposal>(
      `/api/v1/plans/${encodeURIComponent(planId)}/goals/${encodeURIComponent(goalId)}/proposal`,
      signal,
    ),
  addMeasure: (planId: string, goalId: string, measure: NewMeasureRequest) =>
    postJson<MeasureResponse>(
      `/api/v1/plans/${encodeURIComponent(planId)}/goals/${encodeURIComponent(goalId)}/measures`,
      measure,
    ),
  addGoal: (planId: string, goal: NewGoalRequest) =>
    postJson<unknown>(`/api/v1/plans/${encodeURIComponent(planId)}/goals`, goal),
  audit: (planId: string, signal?: AbortSignal) =>
    getJson<AuditResponse>(`/api/v1/plans/${encodeURIComponent(planId)}/audit`, signal),
  devUsers: (signal?: AbortSignal) => getJson<DevUsersResponse>('/api/v1/dev/users', signal),
  previewImport: (upload: PlanUpload) => postJson<ImportPreview>('/api/v1/imports/preview', upload),
  saveImport: (upload: PlanUpload) =>
    postJson<{ id: string; outcome: 'created' | 'replaced' }>('/api/v1/plans', upload),
  templateUrl: '/api/v1/template.xlsx',
  /** The overview narrowed as the goal table is: the service applies the same filter rule. */
  overview: (planId: string, periodId: string | undefined, filter: MeasureFilter, signal?: AbortSignal) =>
    getJson<OverviewResponse>(
      `/api/v1/plans/${encodeURIComponent(planId)}/overview${queryOf({ period: periodId, ...filter })}`,
      signal,
    ),
  history: (planId: string, measureId: string, signal?: AbortSignal) =>
    getJson<MeasureHistory>(`${measurePath(planId, measureId)}/history`, signal),
  recordDecision: (planId: string, measureId: string, input: DecisionRequest) =>
    postJson<Decision>(`${measurePath(planId, measureId)}/decisions`, input),
  lockPeriod: (planId: string, periodId: string) =>
    postJson<LockOutcome>(
      `/api/v1/plans/${encodeURIComponent(planId)}/periods/${encodeURIComponent(periodId)}/lock`,
      {},
    ),
  reopenPeriod: (planId: string, periodId: string, reason: string) =>
    postJson<unknown>(`/api/v1/plans/${encodeURIComponent(planId)}/periods/${encodeURIComponent(periodId)}/reopen`, {
      reason,
    }),
  downloadReport,
  exportUrl: (planId: string) => `/api/v1/plans/${encodeURIComponent(planId)}/export.xlsx`,
  session: (signal?: AbortSignal) => getJson<SessionResponse>('/api/v1/session', signal),
  plans: (signal?: AbortSignal) => getJson<PlansResponse>('/api/v1/plans', signal),
  goalTable: (planId: string, periodId?: string, signal?: AbortSignal) =>
    getJson<GoalTableResponse>(
      `/api/v1/plans/${encodeURIComponent(planId)}/goal-table${periodId ? `?period=${encodeURIComponent(periodId)}` : ''}`,
      signal,
    ),
};
