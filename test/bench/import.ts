/**
 * `npm run bench -- import`: reading big documents through the parse worker, as the service does.
 * A 50-page PDF (a goal table printed by Chromium) and a 1 000-row workbook of a municipality's own
 * layout, each against the Høylandet text in the same run (the baseline, ratio printed), and the
 * adversarial table of issue 13 at 20 KB and 160 KB (its growth should stay near 8×). Time is
 * wall time of the read (the worker warm); peak memory is the process's RSS, sampled while it
 * reads, above what it was before (the worker's heap is capped at PARSE_HEAP_MB either way).
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PARSE_HEAP_MB } from '../../bot/src/adapters/files/limits';
import { parsePlanFileInWorker } from '../../bot/src/adapters/files/worker-parser';
import { allMeasures } from '../../bot/src/domain/plan';
import { launchBrowser } from '../support/chromium';
import { ROOT } from '../support/demo';

const FACTS = { facts: { title: 'Benk', owners: ['Benk kommune'], fromYear: 2024, toYear: 2027 } };

async function measure(
  fileName: string,
  content: Buffer,
): Promise<{ ms: number; peakRssMb: number; measures: number; pages?: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  const parsed = await parsePlanFileInWorker(fileName, content, FACTS);
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    ms: Math.round(ms),
    peakRssMb: Math.round((peak - base) / 1e5) / 10,
    measures: allMeasures(parsed.plan).length,
    ...(parsed.reading?.pages ? { pages: parsed.reading.pages } : {}),
  };
}

const AREAS = ['Arbeidsprosesser', 'Informasjonssikkerhet', 'Kompetanse', 'Innbyggertjenester', 'Infrastruktur'];

async function fiftyPagePdf(): Promise<Buffer> {
  const areas = AREAS;
  const rows = (area: number) =>
    Array.from(
      { length: 280 },
      (_, i) =>
        `<tr><td>${area + 1}.${i + 1} Innføre løsning ${i + 1} i området, med en tekst som er lang nok til å brytes over to linjer i cellen sin når den skrives ut</td><td>${(i % 3) + 1}</td><td>${2024 + (i % 4)}</td><td>Enhetsleder ${i % 17}</td></tr>`,
    ).join('');
  const html = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><style>body{font-family:"Liberation Sans",sans-serif;font-size:10pt}table{border-collapse:collapse;width:100%}td,th{border:1px solid #888;padding:4px;vertical-align:top;text-align:left}</style></head><body>
<h1>Handlingsplan</h1><p>2024 – 2027</p><p>Benk kommune</p>${areas.map((a, k) => `<h2>${a}</h2><table><thead><tr><th>Tiltak</th><th>Prioritet</th><th>Frist</th><th>Ansvar</th></tr></thead><tbody>${rows(k)}</tbody></table>`).join('')}</body></html>`;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    return await page.pdf({ format: 'A4' });
  } finally {
    await browser.close();
  }
}

async function thousandRowWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Handlingsplan');
  sheet.addRow(['Område', 'Tiltak', 'Ansvar', 'Frist', 'Status', 'Kostnad']);
  for (let i = 0; i < 1000; i++) {
    const area = AREAS[Math.floor((i * AREAS.length) / 1000)] ?? '';
    sheet.addRow([
      area,
      `Innføre digital løsning nummer ${i + 1} for ${area.toLocaleLowerCase('nb')}`,
      `Enhetsleder ${i % 40}`,
      String(2024 + (i % 4)),
      ['Pågår', 'Fullført', 'Ikke startet'][i % 3],
      `${(i % 9) * 10_000} kr`,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function adversarialTable(bytes: number): Buffer {
  const header = 'Test\n2024 – 2025\nTest kommune\nHovedmål\tStrategi\tTiltak\tAnsvarlig / Måleindikator\tStatus\n';
  const row = (i: number) =>
    `Mål ${i} ${' '.repeat(300)}x\t${i}.1${','.repeat(200)}\t${i}.1.1 ${'1.'.repeat(100)}\tRektor${', '.repeat(100)}\t\n`;
  let text = header;
  for (let i = 1; text.length < bytes; i++) text += row(i);
  return Buffer.from(text.slice(0, bytes));
}

export async function benchImport(): Promise<void> {
  const hoylandet = readFileSync(join(ROOT, 'bot/demo/plans/hoylandet-2023-2027.txt'));
  await parsePlanFileInWorker('warm.txt', hoylandet); // start the worker: its start-up is not the read
  const baseline = await measure('hoylandet.txt', hoylandet);
  console.log(`baseline: Høylandet text (44 measures) ${baseline.ms} ms`);

  const pdf = await fiftyPagePdf();
  const pdfRun = await measure('plan.pdf', pdf);
  console.log(
    `50-page PDF (${pdfRun.pages} pages, ${Math.round(pdf.length / 1024)} KB): ${pdfRun.measures} measures in ${pdfRun.ms} ms, peak +${pdfRun.peakRssMb} MB RSS`,
  );
  console.log(
    JSON.stringify({
      bench: 'import',
      case: 'pdf-50-pages',
      bytes: pdf.length,
      ...pdfRun,
      heapLimitMb: PARSE_HEAP_MB,
      ratioToBaseline: round(pdfRun.ms / baseline.ms),
    }),
  );

  const xlsx = await thousandRowWorkbook();
  const xlsxRun = await measure('plan.xlsx', xlsx);
  console.log(
    `1 000-row workbook (${Math.round(xlsx.length / 1024)} KB): ${xlsxRun.measures} measures in ${xlsxRun.ms} ms, peak +${xlsxRun.peakRssMb} MB RSS`,
  );
  console.log(
    JSON.stringify({
      bench: 'import',
      case: 'workbook-1000-rows',
      bytes: xlsx.length,
      ...xlsxRun,
      heapLimitMb: PARSE_HEAP_MB,
      ratioToBaseline: round(xlsxRun.ms / baseline.ms),
    }),
  );

  const small = await measure('small.txt', adversarialTable(20_000)).catch(() => undefined);
  const large = await measure('large.txt', adversarialTable(160_000)).catch(() => undefined);
  if (small && large) {
    console.log(
      `adversarial table (issue 13): 20 KB ${small.ms} ms, 160 KB ${large.ms} ms (${round(large.ms / small.ms)}×; linear is about 8×)`,
    );
    console.log(
      JSON.stringify({
        bench: 'import',
        case: 'adversarial-text',
        smallMs: small.ms,
        largeMs: large.ms,
        growth: round(large.ms / small.ms),
      }),
    );
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
