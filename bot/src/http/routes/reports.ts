/**
 * The period's report for the council (Excel, PDF, Word): as frozen when locked, otherwise made now
 * and marked preliminary; narrowed by the overview's filter (?owner=, ?sector=, ?role=) when given.
 */
import { periodReport } from '../../app/period-report';
import { REPORT_FORMATS, type FrozenReport } from '../../app/ports';
import type { Router } from '../router';
import type { TabApiDeps } from './deps';
import { filterQuery, periodQuery, planIdOf } from './params';
import { XLSX_TYPE } from './plans';

const TYPES: Record<FrozenReport['format'], string> = {
  xlsx: XLSX_TYPE,
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function registerReportRoutes(router: Router, deps: TabApiDeps): void {
  for (const format of REPORT_FORMATS) {
    router.get(`/api/v1/plans/:planId/report.${format}`, {
      handle: async (context) => {
        const planId = planIdOf(context);
        const report = await periodReport(
          deps,
          context.actor,
          planId,
          periodQuery(context),
          format,
          filterQuery(context),
        );
        // A report of a period still open says so in its name as well as on its cover; so does a selection.
        const name = `${planId}-${report.periodId}${report.frozen ? '' : '-forelopig'}${report.filtered ? '-utvalg' : ''}.${format}`;
        return { file: report.bytes, name, type: TYPES[format] };
      },
    });
  }
}
