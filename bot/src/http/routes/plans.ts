/** The plans a person can see, a blank workbook to fill in, and a plan exported as a workbook. */
import { writeBlankTemplate, writePlanWorkbook } from '../../adapters/files/workbook-writer';
import { planListFor } from '../../app/get-goal-table';
import { planForExport } from '../../app/export-plan';
import type { PlansResponse } from '../../contract/api-types';
import type { Router } from '../router';
import type { TabApiDeps } from './deps';
import { planIdOf } from './params';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerPlanRoutes(router: Router, deps: TabApiDeps): void {
  router.get('/api/v1/plans', {
    handle: async (context) => {
      const body: PlansResponse = await planListFor(deps, context.actor);
      return { status: 200, body };
    },
  });

  router.get('/api/v1/template.xlsx', {
    handle: async () => ({ file: await writeBlankTemplate(), name: 'tiltak-mal.xlsx', type: XLSX_TYPE }),
  });

  router.get('/api/v1/plans/:planId/export.xlsx', {
    handle: async (context) => {
      const { plan, periodId, reports } = await planForExport(deps, context.actor, planIdOf(context));
      const file = await writePlanWorkbook(plan, { status: { periodId, reports } });
      return { file, name: `${plan.id}.xlsx`, type: XLSX_TYPE };
    },
  });
}
