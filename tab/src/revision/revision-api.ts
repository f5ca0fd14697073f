/** The tab's calls for the yearly revision and the plan's versions (routes/revision.ts). */
import type {
  AdoptResponse,
  DraftMeasureRequest,
  MeasureResponse,
  PlanUpload,
  RevisionResponse,
  VersionResponse,
  VersionsResponse,
} from '../../../bot/src/contract';
import { ApiRequestError, requestJson } from '../api-client';

const planPath = (planId: string) => `/api/v1/plans/${encodeURIComponent(planId)}`;
const revisionPath = (planId: string) => `${planPath(planId)}/revision`;

export const revisionApi = {
  /** The draft under way, or undefined when the plan has none. */
  get: async (planId: string, signal?: AbortSignal): Promise<RevisionResponse | undefined> => {
    try {
      return await requestJson<RevisionResponse>(revisionPath(planId), signal ? { signal } : {});
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'revision_not_found') return undefined;
      throw error;
    }
  },
  start: (planId: string) => requestJson<RevisionResponse>(revisionPath(planId), { method: 'POST' }),
  /** The revised document as the draft; `version` undefined when no draft exists yet. */
  importDocument: (planId: string, upload: PlanUpload, version: string | undefined) =>
    requestJson<RevisionResponse>(`${revisionPath(planId)}/import`, {
      method: 'POST',
      body: JSON.stringify(upload),
      headers: version ? { 'If-Match': version } : {},
    }),
  editMeasure: (planId: string, measureId: string, edit: DraftMeasureRequest, version: string) =>
    requestJson<MeasureResponse>(`${revisionPath(planId)}/measures/${encodeURIComponent(measureId)}`, {
      method: 'PATCH',
      body: JSON.stringify(edit),
      headers: { 'If-Match': version },
    }),
  adopt: (planId: string, version: string) =>
    requestJson<AdoptResponse>(`${revisionPath(planId)}/adopt`, { method: 'POST', headers: { 'If-Match': version } }),
  discard: (planId: string, version: string) =>
    requestJson<void>(revisionPath(planId), { method: 'DELETE', headers: { 'If-Match': version } }),
  versions: (planId: string, signal?: AbortSignal) =>
    requestJson<VersionsResponse>(`${planPath(planId)}/versions`, signal ? { signal } : {}),
  /** An earlier version with the reports of `periodId` (the service's choice of period when none). */
  version: (planId: string, number: number, periodId: string | undefined, signal?: AbortSignal) =>
    requestJson<VersionResponse>(
      `${planPath(planId)}/versions/${number}${periodId ? `?period=${encodeURIComponent(periodId)}` : ''}`,
      signal ? { signal } : {},
    ),
};
