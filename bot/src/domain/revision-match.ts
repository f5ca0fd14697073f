/**
 * Matching a revised plan document (the yearly *rullering*) against the plan in force: which
 * measure of the new document is which measure of the current plan, so each keeps its id and with
 * it its status reports (they are stored by measure id). The one home of the matching rule:
 *
 * 1. same number and the same text (after normalising case, punctuation and spacing): unchanged;
 * 2. the same text under another number: the measure was renumbered;
 * 3. same number and similar text (word similarity ≥ MATCH_THRESHOLD): the measure was reworded;
 * 4. of what is left, the most similar pairs first (≥ MATCH_THRESHOLD): renumbered and reworded.
 *
 * Anything of the document left over is new; anything of the plan left over was removed. A number
 * alone is not enough (rule 3 asks for similar text too): after a measure is struck out the ones
 * below it move up a number, and matching by number alone would hand each one the history of the
 * measure above it.
 */
import { allMeasures, type GoalNode, type Measure, type Plan } from './plan';

/** Dice similarity of the word sets at which two measure texts are taken as one measure reworded. */
export const MATCH_THRESHOLD = 0.5;

/** Longer texts than a measure ever has are compared on their beginning only (bounded work per pair). */
const MAX_WORDS = 200;

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1)
      .slice(0, MAX_WORDS),
  );
}

function normalised(text: string): string {
  return [...words(text)].join(' ');
}

/** Dice coefficient of the two texts' word sets: 1 for the same words, 0 for none in common. */
export function textSimilarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const w of left) if (right.has(w)) shared++;
  return (2 * shared) / (left.size + right.size);
}

/** Which revised measure (by its id in the document) is which current measure (by its id in the plan). */
export function matchMeasures(current: Measure[], revised: Measure[]): Map<string, string> {
  const matched = new Map<string, string>();
  const taken = new Set<string>();
  const pair = (r: Measure, c: Measure): void => {
    matched.set(r.id, c.id);
    taken.add(c.id);
  };
  const openRevised = () => revised.filter((r) => !matched.has(r.id));
  const openCurrent = () => current.filter((c) => !taken.has(c.id));
  const sameText = (a: Measure, b: Measure) => normalised(a.text) === normalised(b.text);
  const similar = (a: Measure, b: Measure) => textSimilarity(a.text, b.text) >= MATCH_THRESHOLD;

  const underSameNumber = (fits: (a: Measure, b: Measure) => boolean): void => {
    const numbers = new Map(openCurrent().map((c) => [c.number, c]));
    for (const r of openRevised()) {
      const c = numbers.get(r.number);
      if (c && !taken.has(c.id) && fits(r, c)) pair(r, c);
    }
  };
  const sameTextElsewhere = (): void => {
    const texts = new Map<string, Measure>();
    for (const c of openCurrent()) if (!texts.has(normalised(c.text))) texts.set(normalised(c.text), c);
    for (const r of openRevised()) {
      const c = texts.get(normalised(r.text));
      if (c && !taken.has(c.id)) pair(r, c);
    }
  };
  // The best remaining pairs first, so one measure's near-copy cannot take another's history.
  const mostSimilarFirst = (): void => {
    const candidates: { r: Measure; c: Measure; score: number }[] = [];
    const left = openCurrent();
    for (const r of openRevised())
      for (const c of left) {
        const score = textSimilarity(r.text, c.text);
        if (score >= MATCH_THRESHOLD) candidates.push({ r, c, score });
      }
    candidates.sort((a, b) => b.score - a.score);
    for (const { r, c } of candidates) if (!matched.has(r.id) && !taken.has(c.id)) pair(r, c);
  };

  underSameNumber(sameText);
  sameTextElsewhere();
  underSameNumber(similar);
  mostSimilarFirst();
  return matched;
}

/**
 * The revised document as a draft of the current plan: matched measures carry the current ids (and
 * the people the coordinator named in the tab, which no document holds), new ones an id no measure
 * of the plan has held; the plan keeps its identity (id, tenant, owners, cadence, reminders).
 */
export function revisedDraft(current: Plan, imported: Plan): Plan {
  const currentMeasures = allMeasures(current);
  const byId = new Map(currentMeasures.map((m) => [m.id, m]));
  const matched = matchMeasures(currentMeasures, allMeasures(imported));
  const used = new Set(currentMeasures.map((m) => m.id));
  const fresh = (number: string): string => {
    let id = number;
    for (let n = 2; used.has(id); n++) id = `${number}~${n}`;
    used.add(id);
    return id;
  };
  const rekey = (m: Measure): Measure => {
    const was = byId.get(matched.get(m.id) ?? '');
    if (!was) return { ...m, id: fresh(m.number) };
    return { ...m, id: was.id, ...(was.responsiblePeople ? { responsiblePeople: was.responsiblePeople } : {}) };
  };
  const walk = (nodes: GoalNode[]): GoalNode[] =>
    nodes.map((node) => ({ ...node, measures: node.measures.map(rekey), children: walk(node.children) }));
  const { tenantId: _tenant, hostOwnerId: _host, reminderStyle: _style, ...document } = imported;
  return {
    ...document,
    id: current.id,
    owners: current.owners,
    cadence: current.cadence,
    language: current.language,
    ...(current.tenantId !== undefined ? { tenantId: current.tenantId } : {}),
    ...(current.hostOwnerId !== undefined ? { hostOwnerId: current.hostOwnerId } : {}),
    ...(current.reminderStyle !== undefined ? { reminderStyle: current.reminderStyle } : {}),
    goals: walk(imported.goals),
  };
}
