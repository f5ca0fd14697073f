/**
 * Locked periods, their frozen reports and the answer gate in Azure Table Storage. A plan is one
 * partition. Locking and answering are kept apart without a transaction between them, as Dekker's
 * protocol does with two flags: an answer first writes its marker and then looks for the lock; a lock
 * first writes itself and then looks for markers. Table Storage is strongly consistent, so at least
 * one of the two sees the other: the answer is refused, or the lock waits until it is stored.
 * Of two instances beginning a lock at once one wins (the lock entity exists: 409). A lock and its
 * reports are completed in one entity-group transaction; reports are cut into pieces of at most
 * 64 KiB (a binary property's limit).
 */
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { FrozenReport, PeriodLock, PeriodLockStore } from '../../app/ports';
import { isConflict, isNotFound, isStale, keyOf, listAll, valueOfKey } from './tables';

const PIECE_BYTES = 64 * 1024;
/** An entity-group transaction holds at most 100 entities and 4 MiB. */
const MAX_ENTITIES = 100;
const MAX_PAYLOAD_BYTES = 3 * 1024 * 1024; // base64 makes the request a third larger

interface LockEntity {
  LockedAt: string;
  LockedById: string;
  LockedByName: string;
  /** Absent on locks written before the gate existed: they are complete. */
  State?: 'locking' | 'locked';
}

interface AnswerEntity {
  ExpiresAt: string;
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
    const found = await this.rowsFrom<LockEntity>(planId, 'lock|', 'lock}');
    return found
      .filter((e) => (e.State ?? 'locked') === 'locked')
      .map((e) => ({
        planId,
        periodId: valueOfKey(e.rowKey.slice('lock|'.length)),
        lockedAt: e.LockedAt,
        lockedBy: { userId: e.LockedById, name: e.LockedByName },
      }))
      .sort((a, b) => a.periodId.localeCompare(b.periodId));
  }

  async isClosed(planId: string, periodId: string): Promise<boolean> {
    return (await this.lockEntity(planId, periodId)) !== undefined;
  }

  async beginAnswer(planId: string, periodId: string, answerId: string, expiresAt: Date): Promise<boolean> {
    const partitionKey = keyOf(planId);
    const rowKey = answerKey(periodId, answerId);
    await this.table.createEntity<AnswerEntity>({ partitionKey, rowKey, ExpiresAt: expiresAt.toISOString() });
    if (!(await this.lockEntity(planId, periodId))) return true;
    await this.endAnswer(planId, periodId, answerId);
    return false;
  }

  async endAnswer(planId: string, periodId: string, answerId: string): Promise<void> {
    try {
      await this.table.deleteEntity(keyOf(planId), answerKey(periodId, answerId));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async answersUnderWay(planId: string, periodId: string, now: Date): Promise<number> {
    const prefix = answerPrefix(periodId);
    const markers = await this.rowsFrom<AnswerEntity>(planId, prefix, `${prefix}~`);
    return markers.filter((m) => Date.parse(m.ExpiresAt) > now.getTime()).length;
  }

  async beginLock(lock: PeriodLock, staleAfterMs: number): Promise<boolean> {
    const entity = lockEntityOf(lock, 'locking');
    try {
      await this.table.createEntity(entity);
      return true;
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    const current = await this.lockEntity(lock.planId, lock.periodId);
    if (!current) return this.beginLock(lock, staleAfterMs); // it was given up meanwhile
    if ((current.State ?? 'locked') === 'locked') return false;
    if (Date.parse(lock.lockedAt) - Date.parse(current.LockedAt) < staleAfterMs) return false;
    // Left by an instance that stopped while locking: taken over, unless someone else just did.
    try {
      await this.table.updateEntity(entity, 'Replace', { etag: current.etag });
      return true;
    } catch (error) {
      if (isStale(error)) return false;
      throw error;
    }
  }

  async completeLock(lock: PeriodLock, reports: FrozenReport[]): Promise<void> {
    const partitionKey = keyOf(lock.planId);
    const current = await this.lockEntity(lock.planId, lock.periodId);
    if (!current || current.State !== 'locking' || current.LockedAt !== lock.lockedAt)
      throw new Error(`the lock of ${lock.planId} ${lock.periodId} was taken over or given up`);
    const total = reports.reduce((n, r) => n + r.bytes.length, 0);
    const actions: TransactionAction[] = [
      ['update', lockEntityOf(lock, 'locked'), 'Replace', { etag: current.etag }],
      ...reports.flatMap((r) =>
        piecesOf(r.bytes).map((bytes, i): TransactionAction => [
          'create',
          { partitionKey, rowKey: pieceKey(lock.periodId, r.format, i), Bytes: bytes },
        ]),
      ),
    ];
    if (actions.length > MAX_ENTITIES || total > MAX_PAYLOAD_BYTES) throw new ReportTooLargeError(total);
    await this.table.submitTransaction(actions);
  }

  async abandonLock(planId: string, periodId: string): Promise<void> {
    const current = await this.lockEntity(planId, periodId);
    if (!current || current.State !== 'locking') return;
    try {
      await this.table.deleteEntity(keyOf(planId), lockKey(periodId), { etag: current.etag });
    } catch (error) {
      if (!isNotFound(error) && !isStale(error)) throw error;
    }
  }

  async reopenPeriod(planId: string, periodId: string): Promise<boolean> {
    const partitionKey = keyOf(planId);
    const lock = await this.lockEntity(planId, periodId);
    if (!lock || (lock.State ?? 'locked') !== 'locked') return false;
    const pieces = await this.rowsFrom(planId, reportPrefix(periodId), `${reportPrefix(periodId)}~`);
    await this.table.submitTransaction(
      [lock, ...pieces].map((e): TransactionAction => ['delete', { partitionKey, rowKey: e.rowKey }]),
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

  private async lockEntity(planId: string, periodId: string) {
    try {
      const entity = await this.table.getEntity<LockEntity>(keyOf(planId), lockKey(periodId));
      return { ...entity, rowKey: entity.rowKey ?? lockKey(periodId), etag: entity.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private rowsFrom<T extends object>(planId: string, from: string, to: string) {
    return listAll<T>(this.table, odata`PartitionKey eq ${keyOf(planId)} and RowKey ge ${from} and RowKey lt ${to}`);
  }
}

function lockEntityOf(lock: PeriodLock, state: 'locking' | 'locked') {
  return {
    partitionKey: keyOf(lock.planId),
    rowKey: lockKey(lock.periodId),
    LockedAt: lock.lockedAt,
    LockedById: lock.lockedBy.userId,
    LockedByName: lock.lockedBy.name,
    State: state,
  } satisfies LockEntity & { partitionKey: string; rowKey: string };
}

function lockKey(periodId: string): string {
  return `lock|${keyOf(periodId)}`;
}

function answerPrefix(periodId: string): string {
  return `answer|${keyOf(periodId)}|`;
}

function answerKey(periodId: string, answerId: string): string {
  return `${answerPrefix(periodId)}${keyOf(answerId)}`;
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
