/**
 * Turns a file a coordinator brings into a plan: a goal table pasted from Word (.txt) with the plan's
 * facts read from its front page, or a plan document (.json). Facts given by the coordinator win
 * over what the front page says; a fact nobody gives is named in the error, never invented.
 */
import { extname } from 'node:path';
import { parseWordGoalTable, type ImportWarning } from '../../domain/import/word-table';
import { guessLanguage } from '../../domain/import/language';
import { readTitleBlock } from '../../domain/import/title-block';
import type { Plan, PlanLanguage } from '../../domain/plan';
import { planFromDocument } from './plan-document';

export interface PlanFacts {
  id?: string;
  title?: string;
  owners?: string[];
  language?: PlanLanguage;
  fromYear?: number;
  toYear?: number;
  adoptedBy?: string;
}

export interface ParsedImport {
  plan: Plan;
  warnings: ImportWarning[];
}

export class MissingFactsError extends Error {
  constructor(readonly missing: (keyof PlanFacts)[]) {
    super(`The document does not say, and nobody gave: ${missing.join(', ')}`);
    this.name = 'MissingFactsError';
  }
}

export function parsePlanFile(fileName: string, content: string, facts: PlanFacts = {}): ParsedImport {
  if (extname(fileName).toLowerCase() === '.json') {
    return { plan: planFromDocument(JSON.parse(content) as unknown, fileName), warnings: [] };
  }
  const table = parseWordGoalTable(content);
  const front = readTitleBlock(content);
  const title = facts.title ?? front.title;
  const owners = facts.owners?.length ? facts.owners : front.owners;
  const fromYear = facts.fromYear ?? front.period?.fromYear;
  const toYear = facts.toYear ?? front.period?.toYear;
  const missing: (keyof PlanFacts)[] = [];
  if (!title) missing.push('title');
  if (owners.length === 0) missing.push('owners');
  if (fromYear === undefined) missing.push('fromYear');
  if (missing.length > 0 || !title || fromYear === undefined) throw new MissingFactsError(missing);

  const adoptedBy = facts.adoptedBy ?? front.adoptedBy;
  const plan: Plan = {
    id: facts.id ?? slug([owners[0] ?? '', String(fromYear), toYear ? String(toYear) : ''].join(' ')),
    title: toYear && !title.includes(String(fromYear)) ? `${title} ${fromYear}–${toYear}` : title,
    owners: owners.map((name) => ({ id: slug(name), name })),
    language: facts.language ?? guessLanguage(content),
    period: { fromYear, ...(toYear ? { toYear } : {}) },
    ...(adoptedBy ? { adoptedBy } : {}),
    cadence: table.cadence,
    levels: table.levels,
    goals: table.goals,
    source: `Imported from ${fileName}`,
  };
  return { plan, warnings: table.warnings };
}

/** "Høylandet kommune 2023 2027" → "hoylandet-2023-2027" */
export function slug(text: string): string {
  return text
    .toLocaleLowerCase('nb')
    .replace(/\s+kommune\b/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
}
