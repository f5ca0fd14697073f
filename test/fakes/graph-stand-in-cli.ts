/**
 * `npm run graph-stand-in`: the Graph stand-in as a process, to try SharePoint mode by hand
 * (provisioning, migration, the service) without a tenant. Prints the settings to use. As on a
 * real site, the service's app has `write` on the site and a second app `manage` for provisioning.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { GraphStandIn } from './graph-stand-in';

async function main(): Promise<void> {
  const standIn = await GraphStandIn.start();
  standIn.registerApp({
    clientId: 'stand-in-client',
    secret: 'stand-in-secret',
    roles: ['Sites.Selected', 'User.Read.All', 'GroupMember.Read.All'],
    siteRole: 'write',
  });
  standIn.registerApp({
    clientId: 'stand-in-provisioning',
    secret: 'stand-in-provisioning-secret',
    roles: ['Sites.Selected'],
    siteRole: 'manage',
  });
  const certFile = join(tmpdir(), `graph-stand-in-${process.pid}.pem`);
  writeFileSync(certFile, standIn.cert);
  console.log(`Graph stand-in on ${standIn.origin}. Use these settings (Ctrl+C stops it, and its data goes with it):

export NODE_EXTRA_CA_CERTS=${certFile}
export STORAGE=sharepoint SHAREPOINT_SITE_ID='${standIn.siteId}'
export GRAPH_BASE_URL=${standIn.origin} GRAPH_AUTHORITY_HOST=${standIn.origin}
export GRAPH_TENANT_ID=stand-in-tenant GRAPH_CLIENT_ID=stand-in-client GRAPH_CLIENT_SECRET=stand-in-secret

The service's app has only \`write\` on the site. Provision as the provisioning app (\`manage\`):

GRAPH_CLIENT_ID=stand-in-provisioning GRAPH_CLIENT_SECRET=stand-in-provisioning-secret npm run provision:sharepoint`);
}

void main();
