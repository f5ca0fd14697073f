/**
 * Reads Tiltak's own plan workbook back: one written by the writer (workbook-writer.ts) or a
 * blank template filled in by hand. Mistakes are named by sheet and cell. Any other workbook is
 * read as a table by sheet-reader.ts and the interpreter. Over 300 lines: it is the reader of one
 * format, column by column against workbook-layout.ts, and each column's check names its own cell;
 * split, the columns' rules would sit apart from the one list of columns they follow.
 */
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Cadence } from '../../domain/period';
import { newMeasure, type Benefit, type GoalNode, type LabelledText, type Measure, type Plan } from '../../domain/plan';
import { readDeadline } from '../../domain/import/deadline';
import { slug } from '../../domain/slug';
import {
  BENEFIT_COLUMNS,
  BENEFIT_DETAILS_COLUMN,
  LIST_VALUES,
  MAX_ROWS,
  MEASURE_COLUMNS,
  MEASURE_SHEET,
  PLAN_FIELDS,
  PLAN_SHEET,
  TEXT_SHEET,
} from './workbook-layout';
import { BenefitSchema } from './plan-json-reader';
import { cellText } from './workbook-cells';
import { loadWorkbook } from './load-workbook';
import { UnreadableFileError } from './unreadable-file';
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
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadWorkbook(content);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    throw new WorkbookError([{ where: 'fil', message: 'Filen er ikke en Excel-arbeidsbok (.xlsx).' }]);
  }
  return readTemplateWorkbook(workbook);
}

/** Whether a workbook is Tiltak's own (its «Plan» sheet of facts and its «Tiltak» sheet), not a municipality's own layout. */
export function isTemplateWorkbook(workbook: ExcelJS.Workbook): boolean {
  const facts = workbook.getWorksheet(PLAN_SHEET);
  return (
    facts !== undefined &&
    workbook.getWorksheet(MEASURE_SHEET) !== undefined &&
    cellText(facts.getCell('A1')) === 'Felt'
  );
}

export function readTemplateWorkbook(workbook: ExcelJS.Workbook): WorkbookImport {
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
  const returnTarget = Number(facts.get(PLAN_FIELDS.returnTarget) || NaN);
  const hourlyRateNok = Number(facts.get(PLAN_FIELDS.hourlyRate) || NaN);
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
    ...(returnTarget > 0 ? { returnTarget } : {}),
    ...(hourlyRateNok > 0 ? { hourlyRateNok } : {}),
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
  const details = benefitDetails(at(named(BENEFIT_DETAILS_COLUMN)));
  if (details === null)
    problems.push({ where: ref(named(BENEFIT_DETAILS_COLUMN)), message: 'Gevinstdetaljene kan ikke leses.' });
  const investmentNok = numberOrUndefined('investment');
  const benefits: Benefit[] = details
    ? details
    : BENEFIT_COLUMNS.flatMap(([type, header]) => {
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
  const deadline = readDeadline(get('deadline'), []);
  const priorityText = get('priorityText');
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
    ...(priorityText ? { priorityText } : {}),
    ...(deadline ? { deadline } : {}),
    ...(benefits.length ? { benefits } : {}),
    ...(investmentNok !== undefined ? { investmentNok } : {}),
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

/** The details column's benefits; undefined when empty, null when it is not what the export writes. */
function benefitDetails(text: string): Benefit[] | undefined | null {
  if (!text) return undefined;
  try {
    const parsed = z.array(BenefitSchema).safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const types = parsed.data.map((b) => b.type);
    if (new Set(types).size !== types.length) return null;
    return parsed.data.map(
      (b) => Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)) as unknown as Benefit,
    );
  } catch {
    return null;
  }
}
