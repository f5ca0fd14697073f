/**
 * `npm run provision:sharepoint`: creates the app's lists on the site named by SHAREPOINT_SITE_ID,
 * or repairs them. Run it as often as you like; a run with nothing to do says so.
 */
import { provisionSite } from '../adapters/sharepoint/provision';
import { loadConfigOrExit } from '../config';
import { graphFor } from '../storage';
import pino from 'pino';
import { runCli } from './run-cli';

async function main(): Promise<number> {
  const config = loadConfigOrExit({ ...process.env, STORAGE: 'sharepoint' });
  if (config.storage.kind !== 'sharepoint') return 2;
  const { sharePoint } = config.storage;
  const graph = graphFor(sharePoint, pino({ level: 'warn' }, pino.destination(2)));
  console.error(`Klargjør lister på ${sharePoint.siteId} …`);
  const report = await provisionSite(graph, sharePoint.siteId, (line) => console.error(`  ${line}`));
  for (const change of report.changes) console.error(`Endret: ${change}`);
  for (const difference of report.differences) console.error(`Avvik som må rettes for hånd: ${difference}`);
  if (report.changes.length === 0 && report.differences.length === 0)
    console.error('Alt var på plass; ingenting ble endret.');
  return report.differences.length > 0 ? 1 : 0;
}

runCli(main);
