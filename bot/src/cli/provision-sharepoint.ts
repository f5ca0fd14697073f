/**
 * `npm run provision:sharepoint`: creates the app's lists on the site named by SHAREPOINT_SITE_ID,
 * or repairs them. Run it as often as you like; a run with nothing to do says so. Adding lists,
 * columns and indexes needs an identity with `manage` on the site (the service's own has `write`):
 * run it with the provisioning app's GRAPH_CLIENT_ID and secret (docs/sharepoint-permissions.md).
 */
import { ProvisionForbiddenError, provisionSite } from '../adapters/sharepoint/provision';
import { loadConfigOrExit } from '../config';
import { graphForCommand } from './graph-for-command';
import { runCli } from './run-cli';

async function main(): Promise<number> {
  const config = loadConfigOrExit({ ...process.env, STORAGE: 'sharepoint' });
  if (config.storage.kind !== 'sharepoint') return 2;
  const { sharePoint } = config.storage;
  const graph = graphForCommand(sharePoint);
  console.error(`Klargjør lister på ${sharePoint.siteId} …`);
  try {
    const report = await provisionSite(graph, sharePoint.siteId, (line) => console.error(`  ${line}`));
    for (const change of report.changes) console.error(`Endret: ${change}`);
    for (const difference of report.differences) console.error(`Avvik som må rettes for hånd: ${difference}`);
    if (report.changes.length === 0 && report.differences.length === 0)
      console.error('Alt var på plass; ingenting ble endret.');
    return report.differences.length > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof ProvisionForbiddenError)) throw error;
    console.error(error.message);
    return 3;
  }
}

runCli(main);
