/**
 * The version of a measure a move or a delete is made against (If-Match), read when the dialog
 * opens and replaced by the service's newer one when someone else changed the measure meanwhile.
 */
import { useEffect, useState } from 'react';
import type { MeasureResponse } from '../../../../bot/src/contract';
import { api, ApiRequestError } from '../../api-client';

export function useMeasureVersion(planId: string, measureId: string) {
  const [version, setVersion] = useState<string>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    const controller = new AbortController();
    api.measure(planId, measureId, controller.signal).then(
      (m) => !controller.signal.aborted && setVersion(m.version),
      (e: unknown) => !controller.signal.aborted && setLoadError((e as Error).message),
    );
    return () => controller.abort();
  }, [planId, measureId]);
  return { version, setVersion, loadError };
}

/** The version stored now, when the service refused for an older one (412); else undefined. */
export function newerVersionOf(error: unknown): string | undefined {
  if (!(error instanceof ApiRequestError) || error.status !== 412) return undefined;
  return (error.body as { current?: MeasureResponse } | undefined)?.current?.version;
}
