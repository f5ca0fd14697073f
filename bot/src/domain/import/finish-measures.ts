/**
 * The last step of reading a plan: the cells the tree kept aside become the measure's fields
 * (priority, deadline, status, benefit), anything else goes into its notes under its heading, so
 * nothing is lost without being told. Then numbers are made unique, the coordinator's responsible
 * splits applied, and the gaps reported.
 */
import { BENEFIT_TYPES, type BenefitType, type GoalNode, type Measure } from '../plan';
import { splitRoles } from '../roles';
import type { StatusCode } from '../status';
import { readDeadline, type LegendEntry } from './deadline';
import { readPriority, readStatus } from './field-values';
import type { GoalTree } from './goal-tree';
import { warningAt, type ImportWarning } from './import-problems';
import type { ImportChoices } from './choices';
import type { Where } from './source-document';
import type { FieldMeaning } from './vocabulary';

/** A status the document gave a measure: stored as this period's status, marked as taken from the document. */
export interface DocumentStatus {
  measureId: string;
  status: StatusCode;
  /** The cell as written. */
  text: string;
}

export interface Finished {
  warnings: ImportWarning[];
  statuses: DocumentStatus[];
  responsibleCells: { text: string; roles: string[] }[];
}

const BENEFIT_WORDS: [BenefitType, string[]][] = [
  ['reduced-cost', ['kostnad', 'kostnader', 'innsparing', 'innsparingar', 'sparte', 'kroner', 'kr', 'nok', 'budsjett']],
  ['freed-capacity', ['kapasitet', 'tid', 'tidsbruk', 'årsverk', 'timar', 'timer', 'effektivisering', 'effektivitet']],
  ['increased-quality', ['kvalitet', 'kvaliteten', 'brukaropplevelse', 'brukeropplevelse', 'tilfredshet']],
];

/** Applies one labelled value to a measure. Returns false when the value was not understood (it is then in the notes). */
export function applyField(
  measure: Measure,
  meaning: FieldMeaning,
  heading: string,
  text: string,
  at: Where,
  legend: readonly LegendEntry[],
  out: Finished,
): void {
  switch (meaning) {
    case 'responsible':
      measure.responsibleText = measure.responsibleText ? `${measure.responsibleText} ${text}` : text;
      measure.responsibleRoles = splitRoles(measure.responsibleText);
      return;
    case 'indicator':
      measure.indicator = { kind: 'deliverable', text };
      return;
    case 'priority': {
      const value = readPriority(text);
      if (value) Object.assign(measure, value);
      else unread(measure, heading, text, at, 'priority-unread', out);
      return;
    }
    case 'deadline': {
      const deadline = readDeadline(text, legend);
      if (!deadline) return;
      measure.deadline = deadline;
      if (deadline.kind === 'text') out.warnings.push(warningAt(at, 'deadline-unread', measure.number, text));
      return;
    }
    case 'status': {
      const status = readStatus(text);
      if (status) out.statuses.push({ measureId: measure.id, status, text });
      else unread(measure, heading, text, at, 'status-unread', out);
      return;
    }
    case 'benefit': {
      const type = benefitType(text);
      if (type && !measure.benefits?.some((b) => b.type === type)) {
        measure.benefits = [...(measure.benefits ?? []), { type, text }].sort(
          (a, b) => BENEFIT_TYPES.indexOf(a.type) - BENEFIT_TYPES.indexOf(b.type),
        );
      } else addNote(measure, heading, text);
      return;
    }
    default:
      addNote(measure, heading, text);
  }
}

function unread(
  measure: Measure,
  heading: string,
  text: string,
  at: Where,
  code: ImportWarning['code'],
  out: Finished,
): void {
  addNote(measure, heading, text);
  out.warnings.push(warningAt(at, code, measure.number, text));
}

function addNote(measure: Measure, heading: string, text: string): void {
  const note = heading ? `${heading}: ${text}` : text;
  measure.notes = measure.notes ? `${measure.notes}\n${note}` : note;
}

function benefitType(text: string): BenefitType | undefined {
  const lower = text.toLocaleLowerCase('nb');
  return BENEFIT_WORDS.find(([, list]) => list.some((w) => lower.includes(w)))?.[0];
}

export function finishMeasures(
  tree: GoalTree,
  legend: readonly LegendEntry[],
  choices: ImportChoices,
  columns: { responsible: boolean; indicator: boolean },
): Finished {
  const out: Finished = { warnings: [...tree.warnings], statuses: [], responsibleCells: [] };
  for (const measure of measuresOf(tree.roots)) {
    for (const extra of tree.extras.get(measure) ?? []) {
      applyField(measure, extra.column.meaning, extra.column.heading.trim(), extra.text, extra.at, legend, out);
    }
  }
  qualifyRepeatedNumbers(tree, out);
  uniqueNodeIds(tree.roots);
  finishResponsible(tree.roots, choices, out);
  out.warnings.push(...gapWarnings(tree.roots, tree.measureAt, columns));
  return out;
}

/** Numbers that start again in each group ("1, 2, 3" per area) are qualified by their parent's: "2.1". */
function qualifyRepeatedNumbers(tree: GoalTree, out: Finished): void {
  const all = measuresOf(tree.roots);
  const count = new Map<string, number>();
  for (const m of all) count.set(m.number, (count.get(m.number) ?? 0) + 1);
  for (const m of all) {
    if ((count.get(m.number) ?? 0) < 2) continue;
    const parent = tree.parentOfMeasure(m);
    if (!parent) continue;
    const at = tree.measureAt.get(m) ?? { line: 0 };
    m.number = `${parent.number}.${m.number}`;
    out.statuses.filter((s) => s.measureId === m.id).forEach((s) => (s.measureId = m.number));
    m.id = m.number;
    out.warnings.push(warningAt(at, 'number-qualified', m.number));
  }
}

/** Goal node ids are "g" + number; where two nodes share a number, the later ones are qualified by their parent. */
function uniqueNodeIds(roots: GoalNode[]): void {
  const seen = new Set<string>();
  const walk = (nodes: GoalNode[], parent?: GoalNode): void => {
    for (const node of nodes) {
      if (seen.has(node.id) && parent) node.id = `${parent.id}.${node.number}`;
      seen.add(node.id);
      walk(node.children, node);
    }
  };
  walk(roots);
}

function finishResponsible(roots: GoalNode[], choices: ImportChoices, out: Finished): void {
  const chosen = new Map(
    (choices.responsibleSplits ?? []).map((s) => [s.text, s.roles.map((r) => r.trim()).filter(Boolean)]),
  );
  const listed = new Map<string, string[]>();
  for (const m of measuresOf(roots)) {
    const roles = chosen.get(m.responsibleText);
    if (roles) m.responsibleRoles = roles;
    if (m.responsibleRoles.length >= 2 || roles) listed.set(m.responsibleText, m.responsibleRoles);
  }
  out.responsibleCells = [...listed].map(([text, roles]) => ({ text, roles }));
}

function gapWarnings(
  goals: GoalNode[],
  measureAt: Map<Measure, Where>,
  columns: { responsible: boolean; indicator: boolean },
): ImportWarning[] {
  const out: ImportWarning[] = [];
  const walk = (nodes: GoalNode[]): void => {
    for (const n of nodes) {
      const first = n.measures[0] ?? n.children[0]?.measures[0];
      const at = (first && measureAt.get(first)) || { line: 0 };
      if (!n.text) out.push(warningAt(at, 'empty-text', n.number));
      for (const m of n.measures) {
        const mAt = measureAt.get(m) ?? at;
        if (!m.text) out.push(warningAt(mAt, 'empty-text', m.number));
        if (columns.responsible && m.responsibleRoles.length === 0)
          out.push(warningAt(mAt, 'missing-responsible', m.number));
        if (columns.indicator && !m.indicator.text) out.push(warningAt(mAt, 'missing-indicator', m.number));
      }
      walk(n.children);
    }
  };
  walk(goals);
  return out;
}

export function measuresOf(nodes: GoalNode[]): Measure[] {
  return nodes.flatMap((n) => [...n.measures, ...measuresOf(n.children)]);
}
