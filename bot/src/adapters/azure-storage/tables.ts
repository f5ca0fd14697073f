/**
 * What the Azure Table Storage adapters share: keys made safe for PartitionKey/RowKey, reading a
 * whole query, and telling "already exists" / "changed meanwhile" apart from real failures.
 */
import { TableClient } from '@azure/data-tables';

/** PartitionKey and RowKey may not hold / \ # ? or control characters; ids are encoded. */
export function keyOf(value: string): string {
  return encodeURIComponent(value);
}

export function valueOfKey(key: string): string {
  return decodeURIComponent(key);
}

/** An entity as read: its keys and ETag always there. */
export type StoredEntity<T> = T & { partitionKey: string; rowKey: string; etag: string };

export async function listAll<T extends object>(table: TableClient, filter: string): Promise<StoredEntity<T>[]> {
  const all: StoredEntity<T>[] = [];
  for await (const entity of table.listEntities<T>({ queryOptions: { filter } }))
    all.push({ ...entity, partitionKey: entity.partitionKey ?? '', rowKey: entity.rowKey ?? '' } as StoredEntity<T>);
  return all;
}

/** 409: the entity exists already (a create lost to another writer, or was made before). */
export function isConflict(error: unknown): boolean {
  return statusOf(error) === 409;
}

/** 412: the entity changed since it was read (its ETag no longer matches). */
export function isStale(error: unknown): boolean {
  return statusOf(error) === 412;
}

export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number } | undefined)?.statusCode;
}

/** Runs `work` over the items, `parallel` at a time. */
export async function eachLimited<T>(items: T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
}

/** The table, created when it does not exist yet. */
export async function openTable(table: TableClient): Promise<TableClient> {
  try {
    await table.createTable();
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
  return table;
}

/** A number that orders what this process adds: wall time in microseconds, never repeating. */
let lastOrder = 0;
export function insertionOrder(): number {
  lastOrder = Math.max(lastOrder + 1, Date.now() * 1000);
  return lastOrder;
}
