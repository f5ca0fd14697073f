/**
 * `npm run migrate -- --to sharepoint`: copies the embedded store (DATABASE_PATH) into the
 * SharePoint site named by SHAREPOINT_SITE_ID. Safe to re-run; shows progress and a summary, and
 * waits out SharePoint's throttling (saying so) rather than stopping half-way.
 */
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../adapters/sqlite/sqlite-store';
import { migrateToSharePoint } from '../adapters/sharepoint/migrate';
import { openSharePointStore } from '../adapters/sharepoint/sharepoint-store';
import { loadConfigOrExit } from '../config';
import { graphForCommand } from './graph-for-command';
import { runCli } from './run-cli';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { to: { type: 'string' } }, strict: true });
  if (values.to !== 'sharepoint') {
    console.error('Bruk: npm run migrate -- --to sharepoint');
    return 2;
  }
  const config = loadConfigOrExit({ ...process.env, STORAGE: 'sharepoint' });
  if (config.storage.kind !== 'sharepoint') return 2;
  const { sharePoint, databasePath } = config.storage;
  const graph = graphForCommand(sharePoint);
  const target = await openSharePointStore(graph, sharePoint.siteId);
  const source = openSqliteStore(databasePath);
  try {
    console.error(`Flytter ${databasePath} til ${sharePoint.siteId} …`);
    const s = await migrateToSharePoint(source, target, (line) => console.error(`  ${line}`));
    console.error(
      `Ferdig. Planer: ${s.plans.written} skrevet, ${s.plans.unchanged} uendret. ` +
        `Statusrapporter: ${s.reports.created} nye, ${s.reports.existing} fantes fra før. ` +
        `Loggføringer: ${s.auditEntries.created} nye, ${s.auditEntries.existing} fantes fra før. ` +
        `Realiserte gevinster: ${s.realisedBenefits} kopiert. ` +
        `Planversjoner: ${s.versions.created} nye, ${s.versions.existing} fantes fra før. ` +
        `Revisjonsutkast: ${s.drafts.written} skrevet, ${s.drafts.unchanged} uendret.`,
    );
    return 0;
  } finally {
    source.close();
  }
}

runCli(main);
