/**
 * Locked periods and their frozen reports in Azure Table Storage. A plan is one partition, so a lock
 * and its reports are written in one entity-group transaction: a locked period always has its
 * report, and of two instances locking at once one wins (the lock entity exists: 409).
 * Reports are cut into pieces of at most 64 KiB (a binary property's limit).
 */
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { FrozenReport, PeriodLock, PeriodLockStore } from '../../app/ports';
import { isConflict, keyOf, listAll, valueOfKey } from './tables';

const PIECE_BYTES = 64 * 1024;
/** An entity-group transaction holds at most 100 entities and 4 MiB. */
const MAX_ENTITIES = 100;
const MAX_PAYLOAD_BYTES = 3 * 1024 * 1024; // base64 makes the request a third larger

interface LockEntity {
  LockedAt: string;
  LockedById: string;
  LockedByName: string;
}

export class ReportTooLargeError extends Error {
  constructor(bytes: number) {
    super(
      `The period's reports are ${(bytes / 1024 / 1024).toFixed(1)} MB; the shared store keeps at most ${MAX_PAYLOAD_BYTES / 1024 / 1024} MB per lock.`,
    );
    this.name = 'ReportTooLargeError';
  }
}

export class TablePeriodLockStore implements PeriodLockStore {
  constructor(private readonly table: TableClient) {}

  async listLocks(planId: string): Promise<PeriodLock[]> {
    const found = await listAll<LockEntity>(
      this.table,
      odata`PartitionKey eq ${keyOf(planId)} and RowKey ge ${'lock|'} and RowKey lt ${'lock}'}`,
    );
    return found
      .map((e) => ({
        planId,
        periodId: valueOfKey(e.rowKey.slice('lock|'.length)),
        lockedAt: e.LockedAt,
        lockedBy: { userId: e.LockedById, name: e.LockedByName },
      }))
      .sort((a, b) => a.periodId.localeCompare(b.periodId));
  }

  async lockPeriod(lock: PeriodLock, reports: FrozenReport[]): Promise<boolean> {
    const partitionKey = keyOf(lock.planId);
    const total = reports.reduce((n, r) => n + r.bytes.length, 0);
    const actions: TransactionAction[] = [
      [
        'create',
        {
          partitionKey,
          rowKey: lockKey(lock.periodId),
          LockedAt: lock.lockedAt,
          LockedById: lock.lockedBy.userId,
          LockedByName: lock.lockedBy.name,
        } satisfies LockEntity & { partitionKey: string; rowKey: string },
      ],
      ...reports.flatMap((r) =>
        piecesOf(r.bytes).map((bytes, i): TransactionAction => [
          'create',
          { partitionKey, rowKey: pieceKey(lock.periodId, r.format, i), Bytes: bytes },
        ]),
      ),
    ];
    if (actions.length > MAX_ENTITIES || total > MAX_PAYLOAD_BYTES) throw new ReportTooLargeError(total);
    try {
      await this.table.submitTransaction(actions);
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  async reopenPeriod(planId: string, periodId: string): Promise<boolean> {
    const partitionKey = keyOf(planId);
    const lock = await listAll(this.table, odata`PartitionKey eq ${partitionKey} and RowKey eq ${lockKey(periodId)}`);
    if (lock.length === 0) return false;
    const pieces = await this.rowsFrom(planId, reportPrefix(periodId), `${reportPrefix(periodId)}~`);
    await this.table.submitTransaction(
      [...lock, ...pieces].map((e): TransactionAction => ['delete', { partitionKey, rowKey: e.rowKey }]),
    );
    return true;
  }

  async frozenReport(planId: string, periodId: string, format: FrozenReport['format']): Promise<Buffer | undefined> {
    const prefix = `${reportPrefix(periodId)}${format}|`;
    const pieces = await this.rowsFrom<{ Bytes: Uint8Array }>(planId, prefix, `${prefix}~`);
    if (pieces.length === 0) return undefined;
    pieces.sort((a, b) => a.rowKey.localeCompare(b.rowKey));
    return Buffer.concat(pieces.map((p) => Buffer.from(p.Bytes)));
  }

  private rowsFrom<T extends object>(planId: string, from: string, to: string) {
    return listAll<T>(this.table, odata`PartitionKey eq ${keyOf(planId)} and RowKey ge ${from} and RowKey lt ${to}`);
  }
}

function lockKey(periodId: string): string {
  return `lock|${keyOf(periodId)}`;
}

function reportPrefix(periodId: string): string {
  return `report|${keyOf(periodId)}|`;
}

/** Zero-padded, so the pieces sort in order. */
function pieceKey(periodId: string, format: FrozenReport['format'], index: number): string {
  return `${reportPrefix(periodId)}${format}|${String(index).padStart(3, '0')}`;
}

function piecesOf(bytes: Buffer): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < bytes.length || pieces.length === 0; at += PIECE_BYTES)
    pieces.push(new Uint8Array(bytes.subarray(at, at + PIECE_BYTES)));
  return pieces;
}
