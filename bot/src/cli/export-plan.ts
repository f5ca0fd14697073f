/**
 * `npm run export -- <plan-id> <file.xlsx>`: writes a plan to an Excel workbook (one row per
 * measure, every field, this period's status for information). The same workbook, edited or not,
 * can be imported again with `npm run import`.
 * `npm run export -- --template <file.xlsx>`: a blank workbook to fill in by hand.
 */
import { writeFileSync } from 'node:fs';
import { writeBlankTemplate, writePlanWorkbook } from '../adapters/files/workbook-writer';
import { loadConfigOrExit } from '../config';
import { currentPlanPeriod } from '../domain/period';
import { wholeLatest } from '../domain/municipal-status';
import { allMeasures } from '../domain/plan';
import { openCliStore, runCli } from './run-cli';

async function main(): Promise<number> {
  const [planId, file, ...rest] = process.argv.slice(2);
  if (!planId || !file || rest.length > 0 || !file.toLowerCase().endsWith('.xlsx')) {
    console.error('Usage: npm run export -- <plan-id> <file.xlsx>   or   npm run export -- --template <file.xlsx>');
    return 2;
  }
  if (planId === '--template') {
    writeFileSync(file, await writeBlankTemplate());
    console.error(
      `Skrev en tom mal til ${file}. Fyll ut arkene Plan, Tiltak og eventuelt Tekster, og importer med npm run import -- ${file}`,
    );
    return 0;
  }
  const config = loadConfigOrExit();
  const store = await openCliStore(config);
  try {
    const plan = await store.plans.getPlan(planId);
    if (!plan) {
      const known = (await store.plans.listPlans()).map((p) => p.id).join(', ');
      console.error(`Fant ingen plan med id ${planId}. Planene er: ${known || '(ingen)'}.`);
      return 1;
    }
    const period = currentPlanPeriod(plan.cadence, plan.period, new Date());
    // As the service exports it: a shared plan's status per measure is its roll-up's.
    const reports = wholeLatest(
      plan,
      allMeasures(plan),
      await store.reports.listReports(plan.id, { periodId: period.id }),
    );
    const workbook = await writePlanWorkbook(plan, { status: { periodId: period.id, reports } });
    writeFileSync(file, workbook);
    console.error(`Skrev ${plan.id} til ${file} (${workbook.length} byte).`);
    return 0;
  } finally {
    await store.close();
  }
}

runCli(main);
