/**
 * The report the council gets, read back as its readers' tools read it: the PDF's extracted text
 * holds the minus sign and the Norwegian letters as written, its fonts are embedded, it is tagged
 * (structure, language, headings, a table with header cells, alt text for every chart) and numbers
 * its pages; the Word document is a real document with Word's headings, its language, and the goal
 * table as a Word table whose header row repeats. Both say "Ingen ansvarlig" where the plan names
 * no one and what changed since the period before.
 */
import { overviewOf } from '../../bot/src/app/get-overview';
import { renderPeriodReport } from '../../bot/src/adapters/reports/period-report';
import { planPeriods } from '../../bot/src/domain/period';
import { allMeasures, type Plan } from '../../bot/src/domain/plan';
import type { StatusReport } from '../../bot/src/domain/status';
import { demoPlans } from '../support/demo';
import {
  docxParts,
  docxTableRows,
  pdfFonts,
  pdfInfo,
  pdfPages,
  pdfStrings,
  pdfStructure,
} from '../support/report-inspect';

jest.setTimeout(60_000);

const now = new Date('2026-11-24T10:00:00Z');
const plans = demoPlans();
const planOf = (prefix: string): Plan => plans.find((p) => p.id.startsWith(prefix))!;
const goalHeading = (goal: Plan['goals'][number]) => `Hovedprioritering / fokusområde ${goal.number}: ${goal.text}`;

/** The plan's last two periods; every measure answered in the last, its first one delayed now and on track before. */
async function report(plan: Plan, format: 'pdf' | 'docx', value?: { measureId: string; value: number }) {
  const periods = planPeriods(plan.cadence, plan.period, now);
  const [before, period] = periods.slice(-2) as [(typeof periods)[0], (typeof periods)[0]];
  const measures = allMeasures(plan);
  const answer = (measureId: string, periodId: string, status: StatusReport['status'], v?: number): StatusReport => ({
    id: `${measureId}-${periodId}`,
    planId: plan.id,
    measureId,
    periodId,
    status,
    comment: 'Blåbærsyltetøy på Ærøy, ÆØÅ',
    ...(v !== undefined ? { value: v } : {}),
    reportedBy: { userId: 'u1', name: 'Megan Bowen' },
    reportedAt: now.toISOString(),
    submissionId: `s-${measureId}-${periodId}`,
  });
  const reports = [
    answer(measures[0]!.id, before.id, 'on_track'),
    ...measures.map((m, i) =>
      answer(m.id, period.id, i === 0 ? 'delayed' : 'done', m.id === value?.measureId ? value.value : undefined),
    ),
  ];
  const overview = overviewOf(plan, period, before, periods, reports, []);
  const [file] = await renderPeriodReport({ plan, overview, madeAt: now.toISOString() }, [format]);
  return { bytes: file!.bytes, measures, period };
}

describe('the PDF', () => {
  const sandefjord = planOf('sandefjord');
  const downloads = allMeasures(sandefjord).find((m) => m.indicator.kind === 'numeric' && m.indicator.unit)!;
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = (await report(sandefjord, 'pdf', { measureId: downloads.id, value: -35 })).bytes;
  });

  it('prints −35 with the true minus sign, its unit and target, and the Norwegian letters', () => {
    const text = pdfPages(pdf).join('\n');
    expect(text).toContain(`Verdi: −35 ${(downloads.indicator as { unit: string }).unit}`);
    expect(text).toMatch(/Mål: 30[\s\u00a0]000 nedlastinger/);
    expect(text).toContain('Høyere er bedre');
    expect(text).toContain('Blåbærsyltetøy på Ærøy, ÆØÅ');
    expect(text).not.toContain('"35');
  });

  it('embeds every font it uses, Source Sans 3 regular and bold, and no standard font', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'SourceSans3-Bold',
      'SourceSans3-Regular',
    ]);
    expect(fonts.every((f) => f.embedded)).toBe(true);
  });

  it('is tagged, PDF 1.7, in the plan language, with its title shown', () => {
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info['PDF version']).toBe('1.7');
    expect(info.Title).toContain(sandefjord.title);
    expect(pdfStrings(pdf, 'Lang')).toEqual(['nb-NO']);
  });

  it('has headings, a chart per goal with its numbers as alt text, and the goal table with header cells', () => {
    const tree = pdfStructure(pdf);
    expect(tree).toMatch(/^Document/);
    expect(tree).toMatch(/H1 \(block\)\n\s+"Sammendrag"/);
    expect(tree).toMatch(/H1 \(block\)\n\s+"Måltabell"/);
    const alts = pdfStrings(pdf, 'Alt');
    expect(alts).toHaveLength(sandefjord.goals.length + 1);
    expect(alts.at(-1)).toBe(
      `Stolpediagram for Alle mål. ${allMeasures(sandefjord).length} tiltak: 1 forsinket, ${allMeasures(sandefjord).length - 1} fullført.`,
    );
    expect((tree.match(/^\s+Table \(block\)$/gm) ?? []).length).toBeGreaterThanOrEqual(sandefjord.goals.length);
    expect(tree).toMatch(/TH:\n\s+\/Scope \/Column\n\s+"Status"/);
    // Bookmarks for the viewer's outline pane: each heading, the goals under theirs.
    const bookmarks = pdfStrings(pdf, 'Title');
    expect(bookmarks).toEqual(expect.arrayContaining(['Sammendrag', 'Måltabell', goalHeading(sandefjord.goals[0]!)]));
  });

  it('has every measure in the table with status as text, "Ingen ansvarlig", what changed, and page numbers', () => {
    const pages = pdfPages(pdf);
    const text = pages.join('\n');
    const tree = pdfStructure(pdf);
    for (const m of allMeasures(sandefjord)) expect(tree).toContain(`TD\n          "${m.number}"`);
    expect(text).toContain('Fullført');
    expect(text).toContain('Ingen ansvarlig');
    expect(text).toContain(
      `Hovedprioritering / fokusområde ${sandefjord.goals[0]!.number}: ${sandefjord.goals[0]!.text}`,
    );
    const first = allMeasures(sandefjord)[0]!;
    expect(text).toContain(`${first.number} ${first.text}: I rute → Forsinket (Nytt forsinket)`);
    expect(text).toContain('Gevinstrealisering (forventet mot realisert) er ikke med i rapporten');
    expect(pages[0]).toContain('Sandefjord kommune');
    expect(pages[0]).not.toMatch(/Side \d/);
    expect(pages[1]).toContain(`Side 2 av ${pages.length}`);
    expect(pages.at(-1)).toContain(`Side ${pages.length} av ${pages.length}`);
  });

  it('is in nynorsk for a nynorsk plan, naming the host municipality', async () => {
    const ardal = planOf('ardal');
    const { bytes } = await report(ardal, 'pdf');
    expect(pdfStrings(bytes, 'Lang')).toEqual(['nn-NO']);
    const pages = pdfPages(bytes);
    expect(pages[0]).toContain('Årdal kommune (vertskommune), Lærdal kommune');
    expect(pages.join('\n')).toContain('Ingen ansvarleg');
    expect(pages[1]).toContain(`Side 2 av ${pages.length}`);
  });
});

describe('the Word document', () => {
  const hoylandet = planOf('hoylandet');
  let parts: Awaited<ReturnType<typeof docxParts>>;
  beforeAll(async () => {
    parts = await docxParts((await report(hoylandet, 'docx')).bytes);
  });

  it("is in the plan's language, with Word's headings and page numbers as fields", () => {
    expect(parts.styles).toContain('<w:lang w:val="nb-NO"/>');
    expect(parts.document).toContain('<w:pStyle w:val="Title"/>');
    expect(parts.document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(parts.document.match(/<w:pStyle w:val="Heading2"\/>/g)?.length).toBeGreaterThanOrEqual(
      hoylandet.goals.length * 2,
    );
    expect(parts.footers.join('')).toMatch(/Side [\s\S]*PAGE[\s\S]* av [\s\S]*NUMPAGES/);
  });

  it('holds the goal table with a repeated header row and every measure, status as colour and text', () => {
    const tables = parts.document.split('<w:tbl>').slice(1);
    const goalTables = tables.filter((t) => t.includes('Ansvarlig'));
    expect(goalTables).toHaveLength(hoylandet.goals.length);
    for (const table of goalTables) expect(table.indexOf('<w:tblHeader/>')).toBeLessThan(table.indexOf('</w:tr>'));
    const rows = docxTableRows(parts.document);
    expect(rows).toContain('Nr. | Tiltak | Status | Måleindikator og verdi | Frist | Ansvarlig | Kommentar');
    const [first, second] = allMeasures(hoylandet);
    expect(rows).toContain(
      `${first!.number} | ${first!.text} | Forsinket | ${first!.indicator.text} | – | ${first!.responsibleText} | Blåbærsyltetøy på Ærøy, ÆØÅ`,
    );
    expect(rows.some((r) => r.startsWith(`${second!.number} | `) && r.includes('| Fullført |'))).toBe(true);
    for (const m of allMeasures(hoylandet)) expect(rows.some((r) => r.startsWith(`${m.number} | `))).toBe(true);
    expect(parts.document).toContain('w:fill="FFCDD2"'); // delayed, behind its word
    expect(rows).toContain('Strategi 1.1: Sikre riktig bruk av Elements');
    expect(rows.some((r) => r.includes('Ingen ansvarlig'))).toBe(true);
  });
});
