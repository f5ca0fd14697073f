/**
 * Rules across configuration keys, checked on the raw values so that they are reported together
 * with any malformed key (a schema refinement would only run once every key parsed).
 */
import { isIP } from 'node:net';

export function crossKeyProblems(env: NodeJS.ProcessEnv): string[] {
  const value = (key: string): string => (env[key] ?? '').trim();
  const appType = value('MicrosoftAppType') || 'MultiTenant';
  const host = value('HOST') || '127.0.0.1';
  const problems: string[] = [];
  if (value('MicrosoftAppId')) {
    if (appType !== 'UserAssignedMSI' && !value('MicrosoftAppPassword')) {
      problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set');
    }
    if (appType !== 'MultiTenant' && !value('MicrosoftAppTenantId')) {
      problems.push(`MicrosoftAppTenantId: required when MicrosoftAppType is ${appType}`);
    }
  } else if (!isLoopback(host)) {
    problems.push(
      `HOST: without MicrosoftAppId the bot accepts unauthenticated activities, so it may listen only on loopback (127.0.0.1 or ::1), not ${host}`,
    );
  }
  if (value('STORAGE') === 'sharepoint') problems.push(...sharePointProblems(value));
  if (value('TEAMS_APP_CATALOG_ID')) problems.push(...installProblems(value));
  if (value('DIRECTORY') === 'entra') {
    if (!value('DIRECTORY_FILE'))
      problems.push(
        'DIRECTORY_FILE: required with DIRECTORY=entra (the role file: who holds which role, by UPN or group)',
      );
    const known = new Set(problems.map((p) => p.split(':')[0]));
    problems.push(...graphProblems(value).filter((p) => !known.has(p.split(':')[0])));
  }
  if (value('MAIL_SENDER_ADDRESS')) {
    // Graph sends the e-mail: its keys are needed, once however many features need them.
    const known = new Set(problems.map((p) => p.split(':')[0]));
    problems.push(
      ...graphProblems(value)
        .filter((p) => !known.has(p.split(':')[0]))
        .map((p) => `${p} (and with MAIL_SENDER_ADDRESS)`),
    );
  }
  if (value('WORK_QUEUE') === 'azure-storage') problems.push(...azureStorageProblems(value));
  if (value('DEPLOYMENT_PROFILE') === 'production') problems.push(...productionProblems(value));
  if (value('TAB_AAD_CLIENT_ID') && !value('TAB_AAD_TENANT_IDS')) {
    problems.push('TAB_AAD_TENANT_IDS: required with TAB_AAD_CLIENT_ID (the tenants whose users may sign in)');
  }
  return problems;
}

function azureStorageProblems(value: (key: string) => string): string[] {
  if ((value('AZURE_STORAGE_AUTH') || 'connection-string') === 'connection-string')
    return value('AZURE_STORAGE_CONNECTION_STRING')
      ? []
      : [
          'AZURE_STORAGE_CONNECTION_STRING: required with WORK_QUEUE=azure-storage (the storage account the instances share)',
        ];
  return ['AZURE_STORAGE_QUEUE_ENDPOINT', 'AZURE_STORAGE_TABLE_ENDPOINT']
    .filter((key) => !value(key))
    .map((key) => `${key}: required with AZURE_STORAGE_AUTH=managed-identity (the storage account's endpoint)`);
}

/**
 * A production instance may be replaced at any time (a scale-out, a restart on other hardware, a
 * slot swap): whatever it keeps on its own disk is lost then, so durable state in a local file is
 * refused unless that file is declared to be on a disk that outlives the instance.
 */
function productionProblems(value: (key: string) => string): string[] {
  const why = 'with DEPLOYMENT_PROFILE=production';
  const problems: string[] = [];
  if (!value('MicrosoftAppId')) problems.push(`MicrosoftAppId: required ${why} (Teams must authenticate to the bot)`);
  if (['true', '1', 'yes'].includes(value('LOCAL_FILES_PERSISTENT'))) return problems;
  const keep = `set LOCAL_FILES_PERSISTENT=true only if that file is on a disk that outlives the instance`;
  const file = value('DATABASE_PATH') || 'data/tiltak.db';
  if (value('STORAGE') !== 'sharepoint')
    problems.push(
      `STORAGE: ${why} plans, status reports and the audit trail would sit in this instance's own file ${file}; use STORAGE=sharepoint, or ${keep}`,
    );
  if (value('WORK_QUEUE') !== 'azure-storage') {
    const outbox =
      value('STORAGE') === 'sharepoint' ? ` and card answers (${value('OUTBOX_PATH') || 'data/outbox.db'})` : '';
    problems.push(
      `WORK_QUEUE: ${why} reminder rounds, deliveries, conversations, substitutes and locked periods (${file})${outbox} would sit in this instance's own files; use WORK_QUEUE=azure-storage, or ${keep}`,
    );
  }
  return problems;
}

function sharePointProblems(value: (key: string) => string): string[] {
  const problems: string[] = [];
  if (!value('SHAREPOINT_SITE_ID'))
    problems.push(
      'SHAREPOINT_SITE_ID: required with STORAGE=sharepoint (the site id, "<host>,<site collection id>,<web id>")',
    );
  return [...problems, ...graphProblems(value)];
}

/** Installing the app for people needs Graph, the bot's identity and the tenant to open chats in. */
function installProblems(value: (key: string) => string): string[] {
  const problems: string[] = [];
  const why = 'with TEAMS_APP_CATALOG_ID (installing the app for people who never opened it)';
  if (!value('MicrosoftAppId')) problems.push(`MicrosoftAppId: required ${why}`);
  if (!value('GRAPH_TENANT_ID')) problems.push(`GRAPH_TENANT_ID: required ${why}`);
  const shared = value('STORAGE') === 'sharepoint' ? [] : graphProblems(value);
  return [...problems, ...shared.filter((p) => !p.startsWith('GRAPH_TENANT_ID')), ...installIdentityProblems(value)];
}

/**
 * TeamsAppInstallation.ReadWriteSelfForUser.All lets an app install "itself": the Teams app whose
 * manifest names it in webApplicationInfo.id. Our manifest names the tab's app there
 * (TAB_AAD_CLIENT_ID), so Graph must be called as that app, or every installation is refused.
 */
function installIdentityProblems(value: (key: string) => string): string[] {
  const tab = value('TAB_AAD_CLIENT_ID');
  const graph = value('GRAPH_CLIENT_ID');
  const rule =
    "TeamsAppInstallation.ReadWriteSelfForUser.All installs only the Teams app whose manifest's webApplicationInfo.id is the app calling Graph, and the manifest sets it to TAB_AAD_CLIENT_ID";
  if (!tab) return [`TAB_AAD_CLIENT_ID: required with TEAMS_APP_CATALOG_ID (${rule})`];
  // The managed identity signs in as the tab's app through a federated credential (config-sections.ts).
  if ((value('GRAPH_AUTH') || 'secret') === 'managed-identity') return [];
  if (graph && graph !== tab)
    return [
      `GRAPH_CLIENT_ID: is ${graph}, but with TEAMS_APP_CATALOG_ID it must be the tab's app ${tab} (${rule}): otherwise every installation is refused; set GRAPH_CLIENT_ID=${tab} and its secret or certificate`,
    ];
  return [];
}

function graphProblems(value: (key: string) => string): string[] {
  const problems: string[] = [];
  const need = (key: string, why: string): void => {
    if (!value(key)) problems.push(`${key}: required ${why}`);
  };
  const auth = value('GRAPH_AUTH') || 'secret';
  if (auth !== 'managed-identity') {
    need('GRAPH_TENANT_ID', `with GRAPH_AUTH=${auth}`);
    need('GRAPH_CLIENT_ID', `with GRAPH_AUTH=${auth}`);
  }
  if (auth === 'secret') need('GRAPH_CLIENT_SECRET', 'with GRAPH_AUTH=secret');
  if (auth === 'certificate') need('GRAPH_CERTIFICATE_PATH', 'with GRAPH_AUTH=certificate');
  return problems;
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '::ffff:127.0.0.1';
}
