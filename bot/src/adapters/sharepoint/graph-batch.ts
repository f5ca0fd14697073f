/**
 * Graph's JSON batching (https://learn.microsoft.com/graph/json-batching): at most 20 requests
 * per envelope, each answered on its own and possibly out of order ("individual responses might
 * appear in a different order than the requests": matched by id here), each throttled on its own
 * ("requests in a batch are evaluated individually against the applicable throttling limits").
 * Requests Graph throttled inside an envelope are sent again after the longest wait it asked for,
 * within the same policy as single requests; other statuses are returned for the caller to judge.
 */
import { classify, type Verdict } from '../http/classify';
import { GRAPH_TRANSIENT, GraphRequestError, GraphThrottledError } from './graph-errors';

/** What batching needs of the Graph client: one call, and its retry policy. */
export interface BatchTransport {
  post<T>(path: string, body: unknown): Promise<T>;
  delay(verdict: Verdict, attempt: number): number | undefined;
  wait(wait: { ms: number; status?: number; attempt: number }, what: string): Promise<void>;
}

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the version root, e.g. /sites/{id}/lists/{id}/items. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export const BATCH_LIMIT = 20;

export async function batchAll(graph: BatchTransport, requests: BatchRequest[]): Promise<Map<string, BatchResponse>> {
  const results = new Map<string, BatchResponse>();
  for (let i = 0; i < requests.length; i += BATCH_LIMIT) {
    let pending = requests.slice(i, i + BATCH_LIMIT);
    for (let attempt = 0; pending.length > 0; attempt++) {
      const reply = await graph.post<{ responses: BatchResponse[] }>('/$batch', {
        requests: pending.map((r) => ({
          ...r,
          // "When a body is included with the request, the headers object must contain a value for Content-Type."
          headers: { ...(r.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...r.headers },
        })),
      });
      const again: BatchRequest[] = [];
      let wait = { ms: 0, status: 0, attempt: attempt + 1 };
      for (const response of reply.responses) {
        const request = pending.find((r) => r.id === response.id);
        const delay = request && graph.delay(verdictOf(response), attempt);
        if (request && delay !== undefined) {
          again.push(request);
          if (delay >= wait.ms) wait = { ...wait, ms: delay, status: response.status };
        } else results.set(response.id, response);
      }
      if (again.length > 0) await graph.wait(wait, `$batch (${again.length} requests)`);
      pending = again;
    }
  }
  return results;
}

function verdictOf(response: BatchResponse): Verdict {
  return classify(
    { status: response.status, headers: { get: (name: string) => headerOf(response, name) } },
    GRAPH_TRANSIENT,
  );
}

/** Throws the error a failed batch response stands for. */
export function throwIfFailed(response: BatchResponse | undefined, what: string): BatchResponse {
  if (!response) throw new GraphRequestError(0, 'missingResponse', `no response for ${what}`, undefined);
  if (response.status < 400) return response;
  const verdict = verdictOf(response);
  if (verdict.kind === 'wait') throw new GraphThrottledError(response.status, verdict.ms, response.body);
  const err = (response.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new GraphRequestError(response.status, err?.code ?? 'unknown', `${what}: ${err?.message ?? ''}`, response.body);
}

function headerOf(response: BatchResponse, name: string): string | null {
  const entry = Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase());
  return entry?.[1] ?? null;
}
