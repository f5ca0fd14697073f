/**
 * A plan as an Excel workbook, for coordinators: export a plan (one row per measure, every field,
 * frozen header, drop-down lists where values are fixed) or a blank template to fill in by hand.
 * template-workbook-reader.ts reads either back; exporting and importing a plan yields the
 * identical plan. The layout is in workbook-layout.ts.
 */
import { guardTextCells } from './formula-safe';
import ExcelJS from 'exceljs';
import type { Benefit, Deadline, GoalNode, LabelledText, Plan } from '../../domain/plan';
import type { StatusReport } from '../../domain/status';
import { STATUS_CODES } from '../../domain/status';
import { statusColumnLabel, t } from '../../i18n';
import {
  BENEFIT_COLUMNS,
  BENEFIT_DETAILS_COLUMN,
  CADENCE_WORDS,
  FILE_DATE,
  LIST_VALUES,
  MAX_ROWS,
  MEASURE_COLUMNS,
  MEASURE_SHEET,
  PLAN_FIELDS,
  PLAN_SHEET,
  TEXT_SHEET,
} from './workbook-layout';

export interface WorkbookExportOptions {
  /** Status of each measure for one period, shown for information (not read back on import). */
  status?: { periodId: string; reports: Map<string, StatusReport> };
}

export async function writePlanWorkbook(plan: Plan, options: WorkbookExportOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tiltak';
  workbook.created = FILE_DATE;
  workbook.modified = FILE_DATE;
  writePlanSheet(workbook, plan);
  writeMeasureSheet(workbook, plan, options);
  writeTextSheet(workbook, plan);
  guardTextCells(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A blank workbook for a coordinator to fill in by hand: the facts to give, the usual three levels
 * (change them in «Nivåer» and the column headings together), and one example row to overwrite.
 */
export async function writeBlankTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tiltak';
  workbook.created = FILE_DATE;
  workbook.modified = FILE_DATE;
  const blank: Plan = {
    id: '',
    title: '',
    owners: [],
    language: 'nb',
    period: { fromYear: new Date().getFullYear() },
    cadence: { kind: 'yearly', dueMonth: 1 },
    levels: ['Hovedmål', 'Strategi', 'Tiltak'],
    goals: [],
  };
  writePlanSheet(workbook, blank);
  writeMeasureSheet(workbook, blank, {});
  writeTextSheet(workbook, blank);
  guardTextCells(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writePlanSheet(workbook: ExcelJS.Workbook, plan: Plan): void {
  const sheet = workbook.addWorksheet(PLAN_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'Felt', key: 'field', width: 16 },
    { header: 'Verdi', key: 'value', width: 90 },
  ];
  const host = plan.owners.find((o) => o.id === plan.hostOwnerId)?.name;
  const rows: [string, string | number | undefined][] = [
    [PLAN_FIELDS.id, plan.id],
    [PLAN_FIELDS.title, plan.title],
    [PLAN_FIELDS.owners, plan.owners.map((o) => o.name).join('; ')],
    [PLAN_FIELDS.host, host],
    [PLAN_FIELDS.language, plan.language],
    [PLAN_FIELDS.fromYear, plan.period.fromYear],
    [PLAN_FIELDS.toYear, plan.period.toYear],
    [PLAN_FIELDS.adoptedBy, plan.adoptedBy],
    [PLAN_FIELDS.cadence, CADENCE_WORDS[plan.cadence.kind]],
    [PLAN_FIELDS.dueMonth, plan.cadence.kind === 'yearly' ? plan.cadence.dueMonth : undefined],
    [PLAN_FIELDS.levels, plan.levels.join(' | ')],
    [PLAN_FIELDS.source, plan.source],
    [PLAN_FIELDS.returnTarget, plan.returnTarget],
    [PLAN_FIELDS.hourlyRate, plan.hourlyRateNok],
  ];
  rows.forEach(([field, value]) => sheet.addRow({ field, value: value ?? null }));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn('value').alignment = { wrapText: true, vertical: 'top' };
}

function measureHeaders(plan: Plan, statusPeriod?: string): { header: string; key: string; width: number }[] {
  const goalLevels = plan.levels.slice(0, -1);
  const measureLevel = plan.levels.at(-1) ?? 'Tiltak';
  return [
    ...goalLevels.flatMap((name, i) => [
      { header: `${name} nr`, key: `level${i}Number`, width: 8 },
      { header: name, key: `level${i}Text`, width: 36 },
    ]),
    { header: `${measureLevel} nr`, key: 'number', width: 10 },
    { header: measureLevel, key: 'text', width: 50 },
    ...Object.entries(MEASURE_COLUMNS).map(([key, header]) => ({ header, key, width: key === 'notes' ? 40 : 18 })),
    ...BENEFIT_COLUMNS.flatMap(([type, header]) => [
      { header, key: `benefit:${type}`, width: 40 },
      { header: `${header}, forventet kr`, key: `benefit:${type}:expected`, width: 14 },
      { header: `${header}, realisert kr`, key: `benefit:${type}:realised`, width: 14 },
    ]),
    { header: BENEFIT_DETAILS_COLUMN, key: 'benefit:details', width: 40 },
    ...(statusPeriod
      ? [
          { header: statusPeriod, key: 'status', width: 18 },
          { header: `Kommentar (${statusPeriod})`, key: 'comment', width: 40 },
        ]
      : []),
  ];
}

function writeMeasureSheet(workbook: ExcelJS.Workbook, plan: Plan, options: WorkbookExportOptions): void {
  const sheet = workbook.addWorksheet(MEASURE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const statusLabel = options.status ? statusColumnLabel(plan.language, options.status.periodId) : undefined;
  sheet.columns = measureHeaders(plan, statusLabel);
  const ownerName = (id: string) => plan.owners.find((o) => o.id === id)?.name ?? id;

  const walk = (node: GoalNode, ancestors: GoalNode[]): void => {
    const path = [...ancestors, node];
    const levelCells = Object.fromEntries(
      path.flatMap((n, i) => [
        [`level${i}Number`, n.number],
        [`level${i}Text`, n.text],
      ]),
    );
    if (node.measures.length === 0 && node.children.length === 0) sheet.addRow(levelCells);
    for (const m of node.measures) {
      const report = options.status?.reports.get(m.id);
      const indicator = m.indicator;
      sheet.addRow({
        ...levelCells,
        number: m.number,
        text: m.text,
        kind: m.kind === 'goal' ? 'mål' : 'tiltak',
        responsible: m.responsibleText || null,
        indicator: indicator.text || null,
        indicatorKind: indicator.kind === 'numeric' ? 'tall' : 'leveranse',
        unit: indicator.kind === 'numeric' ? (indicator.unit ?? null) : null,
        baseline: indicator.kind === 'numeric' ? (indicator.baseline ?? null) : null,
        target: indicator.kind === 'numeric' ? (indicator.target ?? null) : null,
        direction: indicator.kind === 'numeric' ? (indicator.direction === 'lower' ? 'lavere' : 'høyere') : null,
        targetDate: indicator.kind === 'numeric' ? (indicator.targetDate ?? null) : null,
        appliesTo: m.appliesTo ? m.appliesTo.map(ownerName).join('; ') : null,
        sector: m.sector ?? null,
        deadline: m.deadline ? deadlineCell(m.deadline) : null,
        priority: m.priority ?? null,
        priorityText: m.priorityText ?? null,
        quickWin: m.quickWin ? 'ja' : null,
        feasibility: m.feasibility ?? null,
        notes: m.notes ?? null,
        investment: m.investmentNok ?? null,
        'benefit:details': needsDetails(m.benefits) ? JSON.stringify(m.benefits) : null,
        ...Object.fromEntries(
          BENEFIT_COLUMNS.flatMap(([type]) => {
            const benefit = m.benefits?.find((b) => b.type === type);
            return [
              [`benefit:${type}`, benefit?.text ?? null],
              [`benefit:${type}:expected`, benefit?.expectedNok ?? null],
              [`benefit:${type}:realised`, benefit?.realisedNok ?? null],
            ];
          }),
        ),
        ...(options.status
          ? {
              status: report ? t(plan.language, `status.${report.status}`) : null,
              comment: report?.comment ?? null,
            }
          : {}),
      });
    }
    node.children.forEach((c) => walk(c, path));
  };
  plan.goals.forEach((g) => walk(g, []));

  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'bottom' };
  sheet.eachRow((row, i) => {
    if (i > 1) row.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
  addListValidation(sheet, 'kind', LIST_VALUES.kind);
  addListValidation(sheet, 'indicatorKind', LIST_VALUES.indicatorKind);
  addListValidation(sheet, 'direction', LIST_VALUES.direction);
  addListValidation(sheet, 'quickWin', LIST_VALUES.quickWin);
  if (options.status) {
    addListValidation(
      sheet,
      'status',
      STATUS_CODES.map((code) => t(plan.language, `status.${code}`)),
    );
  }
  const priority = sheet.getColumn('priority').letter;
  validations(sheet).add(`${priority}2:${priority}${MAX_ROWS}`, {
    type: 'whole',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [1],
    showErrorMessage: true,
    errorTitle: 'Prioritet',
    error: 'Prioritet er et heltall fra 1 og oppover.',
  });
}

function addListValidation(sheet: ExcelJS.Worksheet, key: string, values: string[]): void {
  const letter = sheet.getColumn(key).letter;
  validations(sheet).add(`${letter}2:${letter}${MAX_ROWS}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorTitle: String(sheet.getColumn(key).header),
    error: `Velg en av: ${values.join(', ')}`,
  });
}

/**
 * Validation on a whole column range: exceljs has `worksheet.dataValidations.add(range, …)` at run
 * time (written as one sqref), but its type definitions only know the per-cell property.
 */
function validations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } })
    .dataValidations;
}

function writeTextSheet(workbook: ExcelJS.Workbook, plan: Plan): void {
  const sheet = workbook.addWorksheet(TEXT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'Nr', key: 'number', width: 10 },
    { header: 'Etikett', key: 'label', width: 20 },
    { header: 'Tekst', key: 'text', width: 100 },
  ];
  const add = (number: string, texts: LabelledText[] | undefined) =>
    texts?.forEach((d) => sheet.addRow({ number: number || null, label: d.label, text: d.text }));
  add('', plan.details);
  const walk = (nodes: GoalNode[]): void =>
    nodes.forEach((n) => {
      add(n.number, n.details);
      walk(n.children);
    });
  walk(plan.goals);
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn('text').alignment = { wrapText: true, vertical: 'top' };
}

/**
 * A deadline as a cell the template reader reads back the same: the plan's words, and for a legend
 * category its years as well (the legend itself is not in the workbook).
 */
function deadlineCell(deadline: Deadline): string {
  if (deadline.kind !== 'category' || deadline.fromYear === undefined || /\d{4}/.test(deadline.text))
    return deadline.text;
  const years =
    deadline.toYear && deadline.toYear !== deadline.fromYear
      ? `${deadline.fromYear}–${deadline.toYear}`
      : `${deadline.fromYear}`;
  return `${deadline.text} (${years})`;
}

/** Whether the benefits say more than the three columns per type hold (text, expected, realised). */
function needsDetails(benefits: Benefit[] | undefined): boolean {
  const simple = new Set(['type', 'text', 'expectedNok', 'realisedNok']);
  return (benefits ?? []).some(
    (b) => !BENEFIT_COLUMNS.some(([type]) => type === b.type) || Object.keys(b).some((k) => !simple.has(k)),
  );
}
