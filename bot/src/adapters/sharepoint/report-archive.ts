/**
 * Files a locked period's report in the site's default document library, under
 * "Tiltak-rapporter/<plan>/", where the council's case handler finds it. Putting the same name
 * again replaces the file: locking a period after reopening it files the new report.
 */
import type { FrozenReport, ReportArchive } from '../../app/ports';
import type { GraphApi } from './graph-http';

export const REPORT_FOLDER = 'Tiltak-rapporter';

const TYPES: Record<FrozenReport['format'], string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export class SharePointReportArchive implements ReportArchive {
  constructor(
    private readonly graph: GraphApi,
    private readonly siteId: string,
  ) {}

  async fileReports(planId: string, periodId: string, reports: FrozenReport[]): Promise<string[]> {
    const urls: string[] = [];
    for (const r of reports) {
      const path = `${REPORT_FOLDER}/${planId}/${planId}-${periodId}.${r.format}`;
      const item = await this.graph.putContent<{ webUrl: string }>(
        `/sites/${encodeURIComponent(this.siteId)}/drive/root:/${encodeURI(path)}:/content`,
        r.bytes,
        TYPES[r.format],
      );
      urls.push(item.webUrl);
    }
    return urls;
  }
}
