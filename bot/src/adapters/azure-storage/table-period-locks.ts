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
import type { FrozenReport, LockTime, PeriodLock, PeriodLockStore } from '../../app/ports';
import { DomainError } from '../../domain/errors';
import { isConflict, isNotFound, isStale, keyOf, listAll, valueOfKey } from './tables';

const PIECE_BYTES = 64 * 1024;
/** An entity-group transaction holds at most 100 entities and 4 MiB. */
const MAX_ENTITIES = 100;
const MAX_PAYLOAD_BYTES = 3_000_000; // base64 makes the request a third larger (4 MiB in all)

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

  async isClosed(planId: string, periodId: string, at: LockTime): Promise<boolean> {
    return isLive(await this.lockEntity(planId, periodId), at);
  }

  async beginAnswer(
    planId: string,
    periodId: string,
    answerId: string,
    at: LockTime,
    expiresAt: Date,
  ): Promise<boolean> {
    const partitionKey = keyOf(planId);
    const rowKey = answerKey(periodId, answerId);
    await this.table.createEntity<AnswerEntity>({ partitionKey, rowKey, ExpiresAt: expiresAt.toISOString() });
    if (!isLive(await this.lockEntity(planId, periodId), at)) return true;
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

  async beginLock(lock: PeriodLock, staleAfterMs: number): Promise<'begun' | 'locked' | 'being-locked'> {
    const entity = lockEntityOf(lock, 'locking');
    try {
      await this.table.createEntity(entity);
      return 'begun';
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    const current = await this.lockEntity(lock.planId, lock.periodId);
    if (!current) return this.beginLock(lock, staleAfterMs); // it was given up meanwhile
    if ((current.State ?? 'locked') === 'locked') return 'locked';
    if (Date.parse(lock.lockedAt) - Date.parse(current.LockedAt) < staleAfterMs) return 'being-locked';
    // Left by an instance that stopped while locking: taken over, unless someone else just did.
    try {
      await this.table.updateEntity(entity, 'Replace', { etag: current.etag });
      return 'begun';
    } catch (error) {
      if (isStale(error)) return 'being-locked';
      throw error;
    }
  }

  async completeLock(lock: PeriodLock, reports: FrozenReport[]): Promise<boolean> {
    const partitionKey = keyOf(lock.planId);
    const current = await this.lockEntity(lock.planId, lock.periodId);
    if (!current || current.State !== 'locking' || current.LockedAt !== lock.lockedAt) return false;
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
    if (actions.length > MAX_ENTITIES || total > MAX_PAYLOAD_BYTES)
      throw new DomainError('report-too-large', {
        size: (total / 1_000_000).toFixed(1),
        max: MAX_PAYLOAD_BYTES / 1_000_000,
      });
    try {
      await this.table.submitTransaction(actions);
      return true;
    } catch (error) {
      if (isStale(error)) return false; // taken over between the read and the transaction
      throw error;
    }
  }

  async abandonLock(lock: PeriodLock): Promise<void> {
    const current = await this.lockEntity(lock.planId, lock.periodId);
    if (!current || current.State !== 'locking' || current.LockedAt !== lock.lockedAt) return;
    try {
      await this.table.deleteEntity(keyOf(lock.planId), lockKey(lock.periodId), { etag: current.etag });
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

/** A lock that closes the period: complete, or begun recently enough that its instance may still finish it. */
function isLive(entity: LockEntity | undefined, at: LockTime): boolean {
  if (!entity) return false;
  return (entity.State ?? 'locked') === 'locked' || at.now.getTime() - Date.parse(entity.LockedAt) < at.staleAfterMs;
}
