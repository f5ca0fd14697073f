/**
 * A plan as an Excel workbook, for coordinators: export a plan (one row per measure, every field,
 * frozen header, drop-down lists where values are fixed), fill a blank template by hand, and import
 * it back. Exporting and importing a plan yields the identical plan.
 *
 * Sheets: «Plan» (the plan's facts, one per row), «Tiltak» (one row per measure; the goal levels in
 * the first columns, number and text side by side), «Tekster» (labelled texts of the plan and of
 * goal nodes: Visjon, No-situasjonen, Målbilete …).
 */
import ExcelJS from 'exceljs';
import type { Cadence } from '../../domain/period';
import {
  newMeasure,
  type Benefit,
  type BenefitType,
  type GoalNode,
  type LabelledText,
  type Measure,
  type Plan,
} from '../../domain/plan';
import type { StatusReport } from '../../domain/status';
import { STATUS_CODES } from '../../domain/status';
import { statusColumnLabel, t } from '../../i18n';
import { slug } from '../../domain/slug';

const PLAN_SHEET = 'Plan';
const MEASURE_SHEET = 'Tiltak';
const TEXT_SHEET = 'Tekster';
const MAX_ROWS = 5000;
/** Fixed so the same plan always gives the same file. */
const FILE_DATE = new Date('2026-01-01T00:00:00Z');

const PLAN_FIELDS = {
  id: 'Id',
  title: 'Tittel',
  owners: 'Eiere',
  host: 'Vertskommune',
  language: 'Språk',
  fromYear: 'Fra år',
  toYear: 'Til år',
  adoptedBy: 'Vedtatt',
  cadence: 'Rapportering',
  dueMonth: 'Statusmåned',
  levels: 'Nivåer',
  source: 'Kilde',
} as const;

const CADENCE_WORDS: Record<Cadence['kind'], string> = { yearly: 'årlig', tertial: 'tertial', quarterly: 'kvartal' };
const BENEFIT_COLUMNS: [BenefitType, string][] = [
  ['reduced-cost', 'Gevinst: reduserte kostnader'],
  ['freed-capacity', 'Gevinst: frigjort kapasitet'],
  ['increased-quality', 'Gevinst: økt kvalitet'],
];
const MEASURE_COLUMNS = {
  kind: 'Type',
  responsible: 'Ansvarlig',
  indicator: 'Måleindikator',
  indicatorKind: 'Indikatortype',
  unit: 'Enhet',
  baseline: 'Startverdi',
  target: 'Målverdi',
  direction: 'Retning',
  targetDate: 'Frist',
  appliesTo: 'Gjelder',
  sector: 'Sektor',
  priority: 'Prioritet',
  quickWin: 'Rask gevinst',
  feasibility: 'Gjennomførbarhet',
  notes: 'Merknad',
} as const;
const LIST_VALUES = {
  kind: ['tiltak', 'mål'],
  indicatorKind: ['leveranse', 'tall'],
  direction: ['høyere', 'lavere'],
  quickWin: ['ja', 'nei'],
};

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
        priority: m.priority ?? null,
        quickWin: m.quickWin ? 'ja' : null,
        feasibility: m.feasibility ?? null,
        notes: m.notes ?? null,
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

// ---------------------------------------------------------------------------------------------
// Reading a workbook back

export interface WorkbookProblem {
  /** Sheet and cell, e.g. "Tiltak!C7", or the sheet alone. */
  where: string;
  message: string;
}

export class WorkbookError extends Error {
  constructor(readonly problems: WorkbookProblem[]) {
    super(`The workbook cannot be imported:\n${problems.map((p) => `  - ${p.where}: ${p.message}`).join('\n')}`);
    this.name = 'WorkbookError';
  }
}

export interface WorkbookImport {
  plan: Plan;
  warnings: WorkbookProblem[];
}

/** Reads a workbook written by writePlanWorkbook or filled in by hand from its template. */
export async function readPlanWorkbook(content: Buffer): Promise<WorkbookImport> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookError([{ where: 'fil', message: 'Filen er ikke en Excel-arbeidsbok (.xlsx).' }]);
  }
  const problems: WorkbookProblem[] = [];
  const warnings: WorkbookProblem[] = [];
  const facts = readFacts(workbook, problems);
  const levels = (facts.get(PLAN_FIELDS.levels) ?? '')
    .split('|')
    .map((l) => l.trim())
    .filter(Boolean);
  if (levels.length < 2)
    problems.push({ where: `${PLAN_SHEET}!B`, message: 'Nivåer må ha minst to nivåer, skilt med |.' });

  const ownerNames = (facts.get(PLAN_FIELDS.owners) ?? '')
    .split(';')
    .map((o) => o.trim())
    .filter(Boolean);
  const owners = ownerNames.map((name) => ({ id: slug(name), name }));
  const ownerId = (nameOrId: string): string | undefined =>
    owners.find((o) => o.name.toLocaleLowerCase('nb') === nameOrId.toLocaleLowerCase('nb') || o.id === nameOrId)?.id;

  const goals = levels.length >= 2 ? readMeasures(workbook, levels, ownerId, problems, warnings) : [];
  const planDetails = readTexts(workbook, goals, problems);
  const plan = assemblePlan(facts, levels, owners, goals, planDetails, problems);
  if (problems.length > 0 || !plan) throw new WorkbookError(problems);
  return { plan, warnings };
}

function readFacts(workbook: ExcelJS.Workbook, problems: WorkbookProblem[]): Map<string, string> {
  const facts = new Map<string, string>();
  const sheet = workbook.getWorksheet(PLAN_SHEET);
  if (!sheet) {
    problems.push({ where: PLAN_SHEET, message: `Arket «${PLAN_SHEET}» mangler.` });
    return facts;
  }
  sheet.eachRow((row, i) => {
    if (i === 1) return;
    const field = cellText(row.getCell(1));
    if (field) facts.set(field, cellText(row.getCell(2)));
  });
  return facts;
}

function assemblePlan(
  facts: Map<string, string>,
  levels: string[],
  owners: { id: string; name: string }[],
  goals: GoalNode[],
  details: LabelledText[],
  problems: WorkbookProblem[],
): Plan | undefined {
  const required = (field: string): string => {
    const value = facts.get(field) ?? '';
    if (!value) problems.push({ where: `${PLAN_SHEET}!${field}`, message: `«${field}» må fylles ut.` });
    return value;
  };
  const id = required(PLAN_FIELDS.id);
  const title = required(PLAN_FIELDS.title);
  if (owners.length === 0) required(PLAN_FIELDS.owners);
  const language = required(PLAN_FIELDS.language);
  const fromYear = Number(required(PLAN_FIELDS.fromYear));
  const toYearText = facts.get(PLAN_FIELDS.toYear) ?? '';
  const cadence = readCadence(facts, problems);
  if (id && !/^[a-z0-9-]{1,100}$/.test(id)) {
    problems.push({
      where: `${PLAN_SHEET}!${PLAN_FIELDS.id}`,
      message: 'Id kan bare ha små bokstaver a–z, tall og bindestrek.',
    });
  }
  if (language && language !== 'nb' && language !== 'nn') {
    problems.push({ where: `${PLAN_SHEET}!${PLAN_FIELDS.language}`, message: 'Språk er nb eller nn.' });
  }
  if (!Number.isInteger(fromYear) || (toYearText && !Number.isInteger(Number(toYearText)))) {
    problems.push({ where: `${PLAN_SHEET}!${PLAN_FIELDS.fromYear}`, message: 'År skrives med fire sifre.' });
  }
  const hostName = facts.get(PLAN_FIELDS.host);
  const host = hostName ? owners.find((o) => o.name === hostName || o.id === hostName) : undefined;
  if (hostName && !host)
    problems.push({ where: `${PLAN_SHEET}!${PLAN_FIELDS.host}`, message: `${hostName} er ikke blant eierne.` });
  if (problems.length > 0 || !cadence) return undefined;

  const adoptedBy = facts.get(PLAN_FIELDS.adoptedBy);
  const source = facts.get(PLAN_FIELDS.source);
  return {
    id,
    title,
    owners,
    ...(host ? { hostOwnerId: host.id } : {}),
    language: language as Plan['language'],
    period: { fromYear, ...(toYearText ? { toYear: Number(toYearText) } : {}) },
    ...(adoptedBy ? { adoptedBy } : {}),
    cadence,
    levels,
    ...(details.length ? { details } : {}),
    goals,
    ...(source ? { source } : {}),
  };
}

function readCadence(facts: Map<string, string>, problems: WorkbookProblem[]): Cadence | undefined {
  const word = (facts.get(PLAN_FIELDS.cadence) ?? '').toLocaleLowerCase('nb');
  if (word === 'tertial') return { kind: 'tertial' };
  if (word === 'kvartal') return { kind: 'quarterly' };
  if (word === 'årlig' || word === 'årleg') {
    const dueMonth = Number(facts.get(PLAN_FIELDS.dueMonth) || 1);
    if (Number.isInteger(dueMonth) && dueMonth >= 1 && dueMonth <= 12) return { kind: 'yearly', dueMonth };
    problems.push({ where: `${PLAN_SHEET}!${PLAN_FIELDS.dueMonth}`, message: 'Statusmåned er et tall fra 1 til 12.' });
    return undefined;
  }
  problems.push({
    where: `${PLAN_SHEET}!${PLAN_FIELDS.cadence}`,
    message: 'Rapportering er årlig, tertial eller kvartal.',
  });
  return undefined;
}

function readMeasures(
  workbook: ExcelJS.Workbook,
  levels: string[],
  ownerId: (nameOrId: string) => string | undefined,
  problems: WorkbookProblem[],
  warnings: WorkbookProblem[],
): GoalNode[] {
  const sheet = workbook.getWorksheet(MEASURE_SHEET);
  if (!sheet) {
    problems.push({ where: MEASURE_SHEET, message: `Arket «${MEASURE_SHEET}» mangler.` });
    return [];
  }
  const goalLevels = levels.length - 1;
  const header = sheet.getRow(1);
  const columnOf = new Map<string, number>();
  header.eachCell((cell, col) => columnOf.set(cellText(cell), col));
  const named = (label: string): number | undefined => columnOf.get(label);
  const numberCol = 2 * goalLevels + 1;

  const roots: GoalNode[] = [];
  const nodes = new Map<string, GoalNode>();
  const seenMeasures = new Set<string>();

  sheet.eachRow((row, r) => {
    if (r === 1 || r > MAX_ROWS) return;
    const at = (col: number | undefined) => (col ? cellText(row.getCell(col)) : '');
    const ref = (col: number | undefined) => `${MEASURE_SHEET}!${col ? sheet.getColumn(col).letter : '?'}${r}`;
    if (!row.hasValues) return;

    let parent: GoalNode | undefined;
    for (let level = 0; level < goalLevels; level++) {
      const number = at(2 * level + 1);
      const text = at(2 * level + 2);
      if (!number) {
        if (level === 0 || text)
          problems.push({ where: ref(2 * level + 1), message: `Mangler nummer for ${levels[level]}.` });
        break;
      }
      let node = nodes.get(number);
      if (!node) {
        node = { id: `g${number}`, level, number, text, children: [], measures: [] };
        nodes.set(number, node);
        (parent ? parent.children : roots).push(node);
      } else if (text && node.text !== text) {
        warnings.push({
          where: ref(2 * level + 2),
          message: `Teksten til ${number} er ulik en rad over; den første er brukt.`,
        });
      }
      parent = node;
    }
    const number = at(numberCol);
    const text = at(numberCol + 1);
    if (!number && !text) return; // a goal node without measures
    if (!number || !text) {
      problems.push({
        where: ref(number ? numberCol + 1 : numberCol),
        message: `Et ${levels.at(-1)} trenger både nummer og tekst.`,
      });
      return;
    }
    if (seenMeasures.has(number)) {
      problems.push({ where: ref(numberCol), message: `Nummeret ${number} er brukt to ganger.` });
      return;
    }
    seenMeasures.add(number);
    if (!parent) return;
    const measure = readMeasure(number, text, at, named, ref, ownerId, problems);
    if (measure) {
      if (!measure.responsibleText)
        warnings.push({ where: ref(named(MEASURE_COLUMNS.responsible)), message: `${number} har ingen ansvarlig.` });
      parent.measures.push(measure);
    }
  });
  return roots;
}

function readMeasure(
  number: string,
  text: string,
  at: (col: number | undefined) => string,
  named: (label: string) => number | undefined,
  ref: (col: number | undefined) => string,
  ownerId: (nameOrId: string) => string | undefined,
  problems: WorkbookProblem[],
): Measure | undefined {
  const get = (key: keyof typeof MEASURE_COLUMNS) => at(named(MEASURE_COLUMNS[key]));
  const refOf = (key: keyof typeof MEASURE_COLUMNS) => ref(named(MEASURE_COLUMNS[key]));
  const before = problems.length;
  const oneOf = (key: keyof typeof LIST_VALUES & keyof typeof MEASURE_COLUMNS, fallback: string): string => {
    const value = (get(key) || fallback).toLocaleLowerCase('nb');
    if (!LIST_VALUES[key].includes(value)) {
      problems.push({ where: refOf(key), message: `«${value}» er ikke gyldig; velg ${LIST_VALUES[key].join(', ')}.` });
    }
    return value;
  };
  /** Numbers as Norwegians write them too: "1 000", "2,5". */
  const amount = (col: number | undefined): number | undefined => {
    const text = at(col);
    const raw = text.replace(/\s/g, '').replace(',', '.');
    if (!raw) return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value)) problems.push({ where: ref(col), message: `«${text}» er ikke et tall.` });
    return value;
  };
  const numberOrUndefined = (key: keyof typeof MEASURE_COLUMNS): number | undefined =>
    amount(named(MEASURE_COLUMNS[key]));

  const kind = oneOf('kind', 'tiltak');
  const indicatorKind = oneOf('indicatorKind', 'leveranse');
  const responsibleText = get('responsible');
  const indicatorText = get('indicator');
  const priority = numberOrUndefined('priority');
  if (priority !== undefined && Number.isFinite(priority) && (!Number.isInteger(priority) || priority < 1)) {
    problems.push({ where: refOf('priority'), message: 'Prioritet er et heltall fra 1 og oppover.' });
  }
  const appliesToText = get('appliesTo');
  const appliesTo = appliesToText
    ? appliesToText.split(';').map((name) => {
        const id = ownerId(name.trim());
        if (!id) problems.push({ where: refOf('appliesTo'), message: `${name.trim()} er ikke blant planens eiere.` });
        return id ?? name.trim();
      })
    : undefined;
  const targetDate = get('targetDate');
  if (targetDate && !/^\d{4}-\d{2}-\d{2}$/.test(targetDate)) {
    problems.push({ where: refOf('targetDate'), message: 'Frist skrives ÅÅÅÅ-MM-DD.' });
  }
  const baseline = numberOrUndefined('baseline');
  const target = numberOrUndefined('target');
  const direction = indicatorKind === 'tall' ? oneOf('direction', 'høyere') : undefined;
  const benefits: Benefit[] = BENEFIT_COLUMNS.flatMap(([type, header]) => {
    const benefitText = at(named(header));
    const expectedNok = amount(named(`${header}, forventet kr`));
    const realisedNok = amount(named(`${header}, realisert kr`));
    if (!benefitText) return [];
    return [
      {
        type,
        text: benefitText,
        ...(expectedNok !== undefined ? { expectedNok } : {}),
        ...(realisedNok !== undefined ? { realisedNok } : {}),
      },
    ];
  });
  const quickWin = oneOf('quickWin', 'nei') === 'ja';
  if (problems.length > before) return undefined;

  const unit = get('unit');
  const sector = get('sector');
  const feasibility = get('feasibility');
  const notes = get('notes');
  return newMeasure({
    number,
    text,
    responsibleText,
    indicator:
      indicatorKind === 'tall'
        ? {
            kind: 'numeric',
            text: indicatorText,
            ...(unit ? { unit } : {}),
            ...(baseline !== undefined ? { baseline } : {}),
            ...(target !== undefined ? { target } : {}),
            direction: direction === 'lavere' ? 'lower' : 'higher',
            ...(targetDate ? { targetDate } : {}),
          }
        : { kind: 'deliverable', text: indicatorText },
    ...(kind === 'mål' ? { kind: 'goal' as const } : {}),
    ...(appliesTo ? { appliesTo } : {}),
    ...(sector ? { sector } : {}),
    ...(priority !== undefined ? { priority } : {}),
    ...(benefits.length ? { benefits } : {}),
    ...(feasibility ? { feasibility } : {}),
    ...(quickWin ? { quickWin } : {}),
    ...(notes ? { notes } : {}),
  });
}

/** Adds the labelled texts to their goal nodes and returns the plan's own. */
function readTexts(workbook: ExcelJS.Workbook, goals: GoalNode[], problems: WorkbookProblem[]): LabelledText[] {
  const planDetails: LabelledText[] = [];
  const sheet = workbook.getWorksheet(TEXT_SHEET);
  if (!sheet) return planDetails; // optional: a hand-filled template may leave it out
  const byNumber = new Map<string, GoalNode>();
  const index = (nodes: GoalNode[]): void =>
    nodes.forEach((n) => {
      byNumber.set(n.number, n);
      index(n.children);
    });
  index(goals);
  sheet.eachRow((row, r) => {
    if (r === 1 || !row.hasValues) return;
    const number = cellText(row.getCell(1));
    const label = cellText(row.getCell(2));
    const text = cellText(row.getCell(3));
    if (!label || !text) {
      problems.push({
        where: `${TEXT_SHEET}!${label ? 'C' : 'B'}${r}`,
        message: 'Både etikett og tekst må fylles ut.',
      });
      return;
    }
    if (!number) {
      planDetails.push({ label, text });
      return;
    }
    const node = byNumber.get(number);
    if (!node) {
      problems.push({ where: `${TEXT_SHEET}!A${r}`, message: `Finner ikke ${number} i arket ${MEASURE_SHEET}.` });
      return;
    }
    node.details = [...(node.details ?? []), { label, text }];
  });
  return planDetails;
}

/** The text a person sees in a cell: rich text, numbers, dates and formulas' results included. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return cell.text.trim();
}
