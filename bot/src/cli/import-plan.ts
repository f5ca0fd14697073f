/**
 * `npm run import -- <file> [options]`: imports a strategy into the store. Coordinators run it.
 *
 *   <file>            the plan as it is: a Word document (.docx), a PDF, a web page (.html), a workbook
 *                     (.xlsx, Tiltak's own or any layout), CSV, text in any encoding (.txt), or a
 *                     plan document (.json); read in a worker thread within the import limits
 *   --dry-run         check the document and show the result; save nothing
 *   --json            print the parsed plan and the warnings as JSON (with --dry-run: nothing else)
 *   --replace         replace a plan with the same id (its status reports are kept)
 *   --id, --title, --owner <name> (repeatable), --language nb|nn, --from <year>, --to <year>,
 *   --adopted <text>  the plan's facts, where the document's front page does not give them
 *   --lang nb|nn|en   language of the messages (default nb)
 *
 * Exit codes: 0 done, 1 the document cannot be imported (the reason names the line), 2 bad usage.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { problemsOf, warningView } from '../adapters/files/import-messages';
import { MissingFactsError, type ParsedImport, type PlanFacts } from '../adapters/files/plan-file-reader';
import { parsePlanFileInWorker } from '../adapters/files/worker-parser';
import { saveImportedPlan } from '../app/save-imported-plan';
import { loadConfigOrExit } from '../config';
import { DomainError } from '../domain/errors';
import { planCounts, type GoalNode, type Plan } from '../domain/plan';
import { t, type Language } from '../i18n';
import { openCliStore, runCli } from './run-cli';

const USAGE =
  'Usage: npm run import -- <file.docx|.pdf|.html|.xlsx|.csv|.txt|.json> [--dry-run] [--json] [--replace] [--id …] [--title …] [--owner …] [--language nb|nn] [--from YYYY] [--to YYYY]';

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  const lang = (['nb', 'nn', 'en'].includes(values.lang ?? '') ? values.lang : 'nb') as Language;
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const progress = stepper(values['dry-run'] ? 2 : 3, values.json === true);

  progress(`Leser ${file}`);
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (error) {
    console.error(`Kan ikke lese ${file}: ${(error as Error).message}`);
    return 1;
  }

  progress('Tolker dokumentet');
  let parsed: ParsedImport;
  try {
    const facts: PlanFacts = {
      ...(values.id ? { id: values.id } : {}),
      ...(values.title ? { title: values.title } : {}),
      ...(values.owner?.length ? { owners: values.owner } : {}),
      ...(values.language === 'nb' || values.language === 'nn' ? { language: values.language } : {}),
      ...(values.from ? { fromYear: Number(values.from) } : {}),
      ...(values.to ? { toYear: Number(values.to) } : {}),
      ...(values.adopted ? { adoptedBy: values.adopted } : {}),
    };
    parsed = await parsePlanFileInWorker(file, content, {
      facts,
      onProgress: ({ page, pages }) => pageProgress(page, pages, lang, values.json === true),
    });
  } catch (error) {
    console.error(explain(error, lang, file));
    return 1;
  }

  if (values.json) {
    process.stdout.write(`${JSON.stringify(toJson(parsed, lang), null, 2)}\n`);
  } else {
    printSummary(parsed, lang);
  }
  if (values['dry-run']) return 0;

  progress('Lagrer planen');
  const config = loadConfigOrExit();
  const store = await openCliStore(config);
  try {
    const { username } = userInfo();
    const outcome = await saveImportedPlan(
      {
        plans: store.plans,
        reports: store.reports,
        clock: { now: () => new Date() },
        ids: { newId: () => randomUUID() },
      },
      parsed.plan,
      {
        replace: values.replace === true,
        actor: { userId: `cli:${username}`, name: `${username} (npm run import)` },
        statuses: parsed.statuses,
      },
    );
    const what = outcome === 'created' ? 'Lagret ny plan' : 'Erstattet planen';
    console.error(`${what} ${parsed.plan.id} i ${store.describe}.`);
    return 0;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'plan-exists') {
      console.error(
        `Planen ${parsed.plan.id} finnes allerede. Bruk --replace for å erstatte den (statusrapportene beholdes), eller --id for en ny.`,
      );
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      replace: { type: 'boolean' },
      id: { type: 'string' },
      title: { type: 'string' },
      owner: { type: 'string', multiple: true },
      language: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      adopted: { type: 'string' },
      lang: { type: 'string' },
    },
  });
}

/** A progress bar of the steps on stderr, so stdout stays clean for --json. */
function stepper(total: number, quiet: boolean): (label: string) => void {
  const width = 12;
  let step = 0;
  return (label) => {
    step += 1;
    if (quiet && !process.stderr.isTTY) return;
    const done = Math.round((step / total) * width);
    process.stderr.write(`[${'#'.repeat(done)}${'-'.repeat(width - done)}] ${step}/${total} ${label} …\n`);
  };
}

/** Pages of a long document on stderr: one line rewritten in a terminal, else every tenth page and the last. */
function pageProgress(page: number, pages: number, lang: Language, quiet: boolean): void {
  const text = t(lang, 'import.progress.pages', { page, pages });
  if (process.stderr.isTTY) process.stderr.write(`\r${text}${page === pages ? '\n' : ''}`);
  else if (!quiet && (page % 10 === 0 || page === pages)) process.stderr.write(`${text}\n`);
}

function warningText(w: ParsedImport['warnings'][number], lang: Language): string {
  const view = 'where' in w ? w : warningView(w, lang);
  return `${view.where}: ${view.message}`;
}

function toJson(parsed: ParsedImport, lang: Language) {
  return {
    plan: parsed.plan,
    counts: planCounts(parsed.plan),
    warnings: parsed.warnings.map((w) => ({ ...w, message: warningText(w, lang) })),
  };
}

function printSummary(parsed: ParsedImport, lang: Language): void {
  const plan: Plan = parsed.plan;
  const counts = planCounts(plan);
  const period = `${plan.period.fromYear}–${plan.period.toYear ?? ''}`;
  console.log(
    `${plan.owners.map((o) => o.name).join(', ')}: ${plan.title} (${plan.language}, ${period}), id ${plan.id}`,
  );
  console.log(plan.levels.map((level, i) => `${counts.perLevel[i] ?? 0} ${level}`).join(', '));
  const show = (nodes: GoalNode[], indent: string): void =>
    nodes.forEach((n) => {
      console.log(`${indent}${n.number} ${n.text}`);
      n.measures.forEach((m) => console.log(`${indent}  ${m.number} ${m.text}  [${m.responsibleText || '–'}]`));
      show(n.children, `${indent}  `);
    });
  show(plan.goals, '  ');
  if (parsed.warnings.length > 0) {
    console.log(`\n${parsed.warnings.length} merknader:`);
    parsed.warnings.forEach((w) => console.log(`  ${warningText(w, lang)}`));
  }
}

function explain(error: unknown, lang: Language, file: string): string {
  if (error instanceof MissingFactsError) {
    const flags: Record<string, string> = { title: '--title', owners: '--owner', fromYear: '--from' };
    return `Forsiden av dokumentet sier ikke ${error.missing.join(', ')}: oppgi ${error.missing.map((m) => flags[m] ?? m).join(', ')}. Ingenting er lagret.`;
  }
  const problems = problemsOf(error, lang);
  if (problems.length === 1 && problems[0])
    return `${file}, ${problems[0].where}: ${problems[0].message} Ingenting er lagret.`;
  return `${file} kan ikke importeres:\n${problems.map((p) => `  ${p.where}: ${p.message}`).join('\n')}\nIngenting er lagret.`;
}

runCli(main);
