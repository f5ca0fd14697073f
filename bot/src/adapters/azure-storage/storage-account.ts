/**
 * How the service reaches its storage account: with a connection string (Azurite in development and
 * tests), or in Azure as its managed identity, which holds the "Storage Queue Data Contributor" and
 * "Storage Table Data Contributor" roles on the account, so there is no key to keep or leak.
 */
import { TableClient } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import type { StorageAccount } from '../../config';
import { trimEndOf } from '../../domain/text';
import { managedIdentity } from '../identity/managed-identity';

export function queueClient(account: StorageAccount, name: string): QueueClient {
  if ('connectionString' in account) return new QueueClient(account.connectionString, name);
  return new QueueClient(`${withoutSlash(account.queueEndpoint)}/${name}`, managedIdentity(account.clientId));
}

export function tableClient(account: StorageAccount, name: string): TableClient {
  if ('connectionString' in account)
    return TableClient.fromConnectionString(account.connectionString, name, {
      // Azurite without a certificate serves plain http; Azure itself is always https.
      allowInsecureConnection:
        /TableEndpoint=http:/i.test(account.connectionString) ||
        /UseDevelopmentStorage=true/i.test(account.connectionString),
    });
  return new TableClient(withoutSlash(account.tableEndpoint), name, managedIdentity(account.clientId));
}

/** Where the account is, for the start-up log: never the connection string (it holds the key). */
export function describeAccount(account: StorageAccount): string {
  if ('connectionString' in account) {
    const endpoint = /TableEndpoint=([^;]+)/i.exec(account.connectionString)?.[1];
    const name = /AccountName=([^;]+)/i.exec(account.connectionString)?.[1];
    return `storage account ${endpoint ?? name ?? '(development storage)'} (connection string)`;
  }
  return `storage account ${new URL(account.tableEndpoint).host} (managed identity)`;
}

function withoutSlash(url: string): string {
  return trimEndOf(url, '/');
}
