/**
 * `npm run bench -- overview`: the ledermøte's overview for a plan of 500 measures with 8 periods
 * of answers, on the embedded store. Prints the API's p50/p95 (and the goal table's, measured in
 * the same run, as the baseline), the council's report as the tab downloads it (PDF, Word, Excel:
 * median time and size), the first render in headless Chromium (navigation to the goals drawn), the
 * goal table's first render on a phone (390 px: one card per measure) against the same table at
 * desktop width in the same run, and the tab's JavaScript per entry point, gzipped. Ends with one
 * JSON line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { openSqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import type { Plan } from '../../bot/src/domain/plan';
import type { StatusReport } from '../../bot/src/domain/status';
import { STATUS_CODES } from '../../bot/src/domain/status';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '../support/chromium';
import { ROOT } from '../support/demo';
import { startTestService } from '../support/service';
import { syntheticPlan } from './synthetic-plan';

const MEASURES = 500;
const PERIODS = 8;
const RUNS = 40;
const RENDERS = 5;
const REPORTS = 5;
/** Periods 2019-01 … 2026-01; the clock stands in the last of them. */
const clock = { now: () => new Date('2026-03-01T12:00:00Z') };

function plan(): Plan {
  return syntheticPlan({ id: 'bench-overview', measures: MEASURES, perGoal: 25, fromYear: 2019, toYear: 2026 });
}

/** Every measure answered in every period, some twice; the last period 90 % answered. */
function answers(p: Plan): StatusReport[] {
  const out: StatusReport[] = [];
  p.goals.forEach((g, gi) =>
    g.measures.forEach((m, mi) => {
      for (let i = 0; i < PERIODS; i++) {
        if (i === PERIODS - 1 && (gi + mi) % 10 === 0) continue;
        const times = (gi + mi + i) % 4 === 0 ? 2 : 1;
        for (let k = 0; k < times; k++)
          out.push({
            id: `${m.id}-${i}-${k}`,
            planId: p.id,
            measureId: m.id,
            periodId: `${2019 + i}-01`,
            status: STATUS_CODES[(gi + mi + i + k) % STATUS_CODES.length]!,
            comment: 'Status som rapportert',
            reportedBy: { userId: 'u1', name: 'Alex Wilber' },
            reportedAt: new Date(Date.UTC(2019 + i, 0, 10 + k)).toISOString(),
            submissionId: `seed-${m.id}-${i}-${k}`,
          });
      }
    }),
  );
  return out;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

async function timeGets(url: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    if (i >= 5) times.push(performance.now() - started); // the first few warm the caches
  }
  return times;
}

/** Each format of the period's report, fetched as the tab does (made anew each time: the period is open). */
async function timeReports(base: string): Promise<Record<'pdf' | 'docx' | 'xlsx', { ms: number; kb: number }>> {
  const out = {} as Record<'pdf' | 'docx' | 'xlsx', { ms: number; kb: number }>;
  for (const format of ['pdf', 'docx', 'xlsx'] as const) {
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < REPORTS + 1; i++) {
      const started = performance.now();
      const response = await fetch(`${base}/report.${format}`);
      size = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200) throw new Error(`report.${format}: ${response.status}`);
      if (i > 0) times.push(performance.now() - started); // the first loads the fonts and the code
    }
    out[format] = { ms: percentile(times, 50), kb: Math.round(size / 1024) };
  }
  return out;
}

/** Each entry point of the built tab (what index.html loads, and the chunk loaded inside Teams). */
function jsSizes(): { file: string; rawKb: number; gzipKb: number; entry: boolean }[] {
  const dir = join(ROOT, 'dist/tab/assets');
  const html = readFileSync(join(ROOT, 'dist/tab/index.html'), 'utf8');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return {
        file,
        rawKb: Math.round(bytes.length / 102.4) / 10,
        gzipKb: Math.round(gzipSync(bytes).length / 102.4) / 10,
        entry: html.includes(file),
      };
    });
}

/** Median time from navigation until the last of the plan's measures is drawn (`selector` counts them). */
async function medianRender(
  browser: BrowserContext,
  url: string,
  viewport: { width: number; height: number },
  selector: string,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RENDERS; i++) {
    const page = await browser.newPage();
    await page.setViewportSize(viewport);
    const started = performance.now();
    await page.goto(url);
    await page
      .locator(selector)
      .nth(MEASURES - 1)
      .waitFor({ state: 'attached' });
    times.push(performance.now() - started);
    await page.close();
  }
  return percentile(times, 50);
}

export async function benchOverview(): Promise<void> {
  const service = await startTestService({ LOAD_DEMO_PLANS: 'false' }, { clock });
  try {
    const store = openSqliteStore(service.databasePath);
    const p = plan();
    await store.plans.savePlan(p);
    const reports = answers(p);
    await store.reports.appendReports(reports);
    store.close();
    console.log(`plan: ${MEASURES} measures, ${PERIODS} periods, ${reports.length} reports (embedded store)`);

    const base = `${service.url}/api/v1/plans/${p.id}`;
    const table = await timeGets(`${base}/goal-table`);
    const overview = await timeGets(`${base}/overview`);
    const apiP95Ms = percentile(overview, 95);
    console.log(`goal table API (baseline): p50 ${percentile(table, 50)} ms, p95 ${percentile(table, 95)} ms`);
    console.log(`overview API: p50 ${percentile(overview, 50)} ms, p95 ${apiP95Ms} ms (goal < 1500 ms)`);
    console.log(`overview / goal table p95: ${(apiP95Ms / percentile(table, 95)).toFixed(2)}×`);

    const reportTimes = await timeReports(base);
    for (const [format, r] of Object.entries(reportTimes))
      console.log(`report.${format} (median of ${REPORTS}): ${r.ms} ms, ${r.kb} KB`);

    const browser = await launchBrowser({ locale: 'nb-NO' });
    const renders: number[] = [];
    for (let i = 0; i < RENDERS; i++) {
      const page = await browser.newPage();
      const started = performance.now();
      await page.goto(`${service.url}/tab/?plan=${p.id}&show=overview`);
      await page
        .locator('article')
        .nth(MEASURES / 25)
        .waitFor(); // every goal and the total drawn
      renders.push(performance.now() - started);
      await page.close();
    }
    const firstRenderMs = percentile(renders, 50);
    console.log(`first render in Chromium (median of ${RENDERS}): ${firstRenderMs} ms (goal < 1500 ms)`);

    const tableUrl = `${service.url}/tab/?plan=${p.id}`;
    const desktopTableMs = await medianRender(
      browser,
      tableUrl,
      { width: 1400, height: 1000 },
      'tbody tr[data-measure]',
    );
    const phoneTableMs = await medianRender(browser, tableUrl, { width: 390, height: 844 }, '[data-measure-card]');
    await browser.close();
    console.log(`goal table, first render at 1400 px (baseline, median of ${RENDERS}): ${desktopTableMs} ms`);
    console.log(
      `goal table, first render at 390 px as cards (median of ${RENDERS}): ${phoneTableMs} ms, ${(phoneTableMs / desktopTableMs).toFixed(2)}× the desktop table`,
    );

    const sizes = jsSizes();
    for (const s of sizes)
      console.log(`tab JS ${s.entry ? 'entry' : 'lazy '} ${s.file}: ${s.rawKb} KB raw, ${s.gzipKb} KB gzip`);
    const jsGzipKb = Math.round(sizes.filter((s) => s.entry).reduce((n, s) => n + s.gzipKb, 0) * 10) / 10;
    console.log(`tab JS loaded at start, gzip: ${jsGzipKb} KB (goal ≤ 250 KB)`);
    console.log(
      JSON.stringify({
        bench: 'overview',
        measures: MEASURES,
        periods: PERIODS,
        apiP95Ms,
        firstRenderMs,
        phoneTableMs,
        phoneToDesktopRatio: Math.round((phoneTableMs / desktopTableMs) * 100) / 100,
        jsGzipKb,
        reportPdfMs: reportTimes.pdf.ms,
        reportPdfKb: reportTimes.pdf.kb,
        reportDocxMs: reportTimes.docx.ms,
        reportDocxKb: reportTimes.docx.kb,
        reportXlsxMs: reportTimes.xlsx.ms,
      }),
    );
  } finally {
    await service.close();
  }
}
