/**
 * The report the council gets, read back as its readers' tools read it: the PDF's extracted text
 * holds the minus sign, the Norwegian letters and a comment's emoji as written, its fonts (Source
 * Sans 3 and the fallbacks) are embedded, the table's text stays in its columns, it is tagged as far
 * as poppler can check PDF/UA (structure in reading order, language, headings, a table with header
 * cells, alt text for every chart, artifacts for page numbers) and numbers its pages; the Word
 * document keeps the emoji too, and is a real document with Word's headings, its language, and the goal
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
  pdfObjects,
  pdfStructure,
  pdfWords,
} from '../support/report-inspect';

jest.setTimeout(60_000);

const now = new Date('2026-11-24T10:00:00Z');
const plans = demoPlans();
const planOf = (prefix: string): Plan => plans.find((p) => p.id.startsWith(prefix))!;
const goalHeading = (goal: Plan['goals'][number]) => `Hovedprioritering / fokusområde ${goal.number}: ${goal.text}`;

/** The plan's last two periods; every measure answered in the last, its first one delayed now and on track before. */
async function report(
  plan: Plan,
  format: 'pdf' | 'docx',
  value?: { measureId: string; value: number },
  comment = 'Blåbærsyltetøy på Ærøy, ÆØÅ',
) {
  const periods = planPeriods(plan.cadence, plan.period, now);
  const [before, period] = periods.slice(-2) as [(typeof periods)[0], (typeof periods)[0]];
  const measures = allMeasures(plan);
  const answer = (measureId: string, periodId: string, status: StatusReport['status'], v?: number): StatusReport => ({
    id: `${measureId}-${periodId}`,
    planId: plan.id,
    measureId,
    periodId,
    status,
    comment,
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

/** A comment as people write them: emoji, a check mark, a minus, a star, a Skolt Sámi letter, Chinese. */
const EMOJI = '👍 ✔ −35 ÆØÅ æøå';
const COMMENT = `Blåbærsyltetøy på Ærøy, ÆØÅ ${EMOJI} ★ ǩ 中文 ${'👍'.repeat(26)}`;

describe('the PDF', () => {
  const sandefjord = planOf('sandefjord');
  const downloads = allMeasures(sandefjord).find((m) => m.indicator.kind === 'numeric' && m.indicator.unit)!;
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = (await report(sandefjord, 'pdf', { measureId: downloads.id, value: -35 }, COMMENT)).bytes;
  });

  it('prints −35 with the true minus sign, its unit and target, and the Norwegian letters', () => {
    const text = pdfPages(pdf).join('\n');
    expect(text).toContain(`Verdi: −35 ${(downloads.indicator as { unit: string }).unit}`);
    expect(text).toMatch(/Mål: 30[\s\u00a0]000 nedlastinger/);
    expect(text).toContain('Høyere er bedre');
    expect(text).toContain('Blåbærsyltetøy på Ærøy, ÆØÅ');
    expect(text).not.toContain('"35');
  });

  it('embeds every font it uses, Source Sans 3 and the fallbacks for what it lacks, and no standard font', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoEmoji-Regular',
      'NotoSans-Regular',
      'NotoSansSymbols2-Regular',
      'SourceSans3-Bold',
      'SourceSans3-Regular',
    ]);
    expect(fonts.every((f) => f.embedded)).toBe(true);
  });

  it('prints an emoji, the star and the Sámi letter, and keeps Chinese (which no font has) as its text', () => {
    const text = pdfPages(pdf).join('\n').replace(/\s+/g, ' '); // the cell wraps the comment
    expect(text).toContain(EMOJI);
    expect(text).toContain('★ ǩ');
    expect(text).toContain('中文');
    expect(text).toContain('👍👍👍');
    expect(pdfStrings(pdf, 'ActualText')).toContain('中文');
  });

  it('keeps every word of the goal table inside its column, emoji wrapped like any other text', () => {
    const edges = [44, 180, 72, 136, 60, 100, 170].reduce((xs, w) => [...xs, xs.at(-1)! + w], [40]);
    const all = pdfWords(pdf);
    // Each table page's words below its header row (the headings above it span the page).
    const headerTop = new Map(all.filter((w) => w.text === 'Kommentar').map((w) => [w.page, w.yMin]));
    const cells = all.filter(
      (w) => headerTop.has(w.page) && w.yMin >= headerTop.get(w.page)! && !/^Side$/.test(w.text),
    );
    expect(cells.filter((w) => w.text.includes('👍')).length).toBeGreaterThan(allMeasures(sandefjord).length);
    expect(cells.filter((w) => edges.some((edge) => w.xMin < edge - 0.5 && w.xMax > edge + 0.5))).toEqual([]);
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

  it('meets what poppler can check of PDF/UA: marked, titled, identified, all text but the artifacts in the tree', () => {
    const objects = pdfObjects(pdf);
    const catalog = [...objects.values()].find((o) => o.includes('/Type /Catalog'))!;
    const referenced = (key: string) => objects.get(new RegExp(`/${key} (\\d+) 0 R`).exec(catalog)![1]!);
    expect(referenced('MarkInfo')).toMatch(/\/Marked true/);
    expect(referenced('ViewerPreferences')).toMatch(/\/DisplayDocTitle true/);
    expect(catalog).toMatch(/\/Lang \(nb-NO\)/);
    expect(pdf.toString('utf8')).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(pdfInfo(pdf).Suspects).toBe('no');
    // Every figure has its alternative text on the element itself.
    const figures = [...objects.values()].filter((o) => /\/S \/Figure\b/.test(o));
    expect(figures).toHaveLength(sandefjord.goals.length + 1);
    for (const figure of figures) expect(figure).toContain('/Alt (');
    // Every character a reader extracts is in the structure tree (Chinese as its ActualText), but
    // the artifacts: page numbers, and the table's header row again on each page a table goes on to.
    // Counted, since the tree runs a cell's lines together; hyphens not, as pdftotext drops some at
    // a line's end when it joins the word again.
    const count = (text: string, by: number) => (counts: Map<string, number>) => {
      for (const c of text.replace(/[\s"□-]/g, '')) counts.set(c, (counts.get(c) ?? 0) + by);
      return counts;
    };
    const pages = pdfPages(pdf);
    const repeated = pdfWords(pdf).filter((w) => w.text === 'Kommentar').length - sandefjord.goals.length;
    expect(repeated).toBeGreaterThan(0); // the long comments make some table run onto a second page
    const header = 'Nr. Mål og tiltak Status Måleindikator og verdi Frist Ansvarlig Kommentar';
    const labels = [
      ...pages.slice(1).map((_, i) => `Side ${i + 2} av ${pages.length}`),
      ...Array<string>(repeated).fill(header),
    ];
    const tagged = [...pdfStructure(pdf).matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]).join('');
    const tree = `${tagged}${pdfStrings(pdf, 'ActualText').join('')}`;
    const left = count(tree, -1)(count(labels.join(''), -1)(count(pages.join(''), 1)(new Map())));
    expect([...left].filter(([, n]) => n !== 0)).toEqual([]);
  });

  it('reads in order: Document, then headings and sections, each table its header row, then its rows cell by cell', () => {
    const tree = pdfStructure(pdf);
    const lines = tree.split('\n');
    expect(lines[0]).toBe('Document');
    const headings = [...tree.matchAll(/^\s+(H\d) \(block\)$/gm)].map((m) => m[1]);
    expect(headings[0]).toBe('H1');
    expect(new Set(headings)).toEqual(new Set(['H1', 'H2'])); // none skipped
    // Each table: TR children only, each TR only TH or TD; the first row all TH, the others all TD.
    const tables = tree.split(/^\s+Table \(block\)$/m).slice(1);
    expect(tables).toHaveLength(sandefjord.goals.length);
    const numbers: string[] = [];
    for (const table of tables) {
      const body = table.split(/^ {4}\S/m)[0]!; // up to the next element at the table's depth
      const rows = body.split(/^\s+TR$/m).slice(1);
      const kinds = rows.map((r) => [...r.matchAll(/^\s+(TH|TD)\b/gm)].map((m) => m[1]));
      expect(kinds[0]).toEqual(Array(7).fill('TH'));
      for (const row of kinds.slice(1)) expect(row.every((k) => k === 'TD')).toBe(true);
      expect(rows[0]!.match(/"[^"]*"/g)!.map((t) => t.slice(1, -1))).toEqual([
        'Nr.',
        'Mål og tiltak',
        'Status',
        'Måleindikator og verdi',
        'Frist',
        'Ansvarlig',
        'Kommentar',
      ]);
      for (const row of rows.slice(1)) numbers.push(/TD\n\s+"([^"]*)"/.exec(row)![1]!);
    }
    expect(numbers).toEqual(allMeasures(sandefjord).map((m) => m.number));
    const first = allMeasures(sandefjord)[0]!;
    const firstRow = tables[0]!.split(/^\s+TR$/m)[2]!;
    expect(firstRow.indexOf(`"${first.number}"`)).toBeLessThan(firstRow.indexOf(`"${first.text}"`));
    expect(firstRow.indexOf(`"${first.text}"`)).toBeLessThan(firstRow.indexOf('"Forsinket"'));
    expect(firstRow.indexOf('"Forsinket"')).toBeLessThan(firstRow.indexOf('Blåbærsyltetøy'));
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
    expect(text).toContain('Gevinstrealisering (forventet mot realisert) står i eget kapittel');
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

  it('keeps a comment with emoji, the minus and a star as written', async () => {
    const { bytes, measures } = await report(hoylandet, 'docx', undefined, COMMENT);
    const rows = docxTableRows((await docxParts(bytes)).document);
    expect(rows.find((r) => r.startsWith(`${measures[0]!.number} | `))).toContain(`| ${COMMENT}`);
  });
});
