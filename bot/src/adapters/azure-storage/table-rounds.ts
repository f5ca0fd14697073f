/**
 * Reminder rounds, their delivery log and people's conversation references in Azure Table Storage,
 * shared by every instance of the service. A delivery is one entity keyed by (round, recipient,
 * step): creating it twice keeps one (409), and a claim is an update conditional on the ETag read,
 * so of two instances claiming the same delivery exactly one wins (the other gets 412 and skips it).
 */
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { ConversationStore, ConversationTarget, DeliveryUpdate, RoundStore } from '../../app/ports';
import type { Delivery, DeliveryChannel, DeliveryStep, Round, RoundSchedule, RoundState } from '../../domain/round';
import { eachLimited, insertionOrder, isConflict, isStale, keyOf, listAll, valueOfKey } from './tables';

const ROUNDS_PARTITION = 'round';
/** Entities in one entity-group transaction, at most (the service's limit). */
const TRANSACTION_SIZE = 100;
const PARALLEL_WRITES = 16;

interface RoundEntity {
  PlanId: string;
  PeriodId: string;
  State: RoundState;
  FirstAt: string;
  SecondAt: string;
  EscalateAt: string;
  StartedAt: string;
  StartedById: string;
  StartedByName: string;
  Order: number;
}

interface DeliveryEntity {
  RecipientId: string;
  RecipientName: string;
  Step: DeliveryStep;
  State: Delivery['state'];
  /** Absent on entities written before channels existed: those went by chat. */
  Channel?: DeliveryChannel;
  Attempts: number;
  NotBefore: string;
  /** Empty when not claimed; an entity cannot drop a property in a merge, so "" means none. */
  ClaimedAt: string;
  Reason: string;
  SentAt: string;
  SubstituteName: string;
  Order: number;
}

export class TableRoundStore implements RoundStore {
  constructor(
    private readonly roundsTable: TableClient,
    private readonly deliveriesTable: TableClient,
  ) {}

  async createRound(round: Round, deliveries: Delivery[]): Promise<void> {
    // Deliveries first: a round becomes visible (and runnable) only once all of them exist.
    const entities = deliveries.map(deliveryEntity);
    for (let i = 0; i < entities.length; i += TRANSACTION_SIZE)
      await this.deliveriesTable.submitTransaction(
        entities.slice(i, i + TRANSACTION_SIZE).map((e): TransactionAction => ['upsert', { ...e }, 'Replace']),
      );
    await this.roundsTable.createEntity({
      partitionKey: ROUNDS_PARTITION,
      rowKey: keyOf(round.id),
      PlanId: round.planId,
      PeriodId: round.periodId,
      State: round.state,
      FirstAt: round.schedule.firstAt,
      SecondAt: round.schedule.secondAt,
      EscalateAt: round.schedule.escalateAt,
      StartedAt: round.startedAt,
      StartedById: round.startedBy.userId,
      StartedByName: round.startedBy.name,
      Order: insertionOrder(),
    } satisfies RoundEntity & { partitionKey: string; rowKey: string });
  }

  async getRound(roundId: string): Promise<Round | undefined> {
    const found = await listAll<RoundEntity>(
      this.roundsTable,
      odata`PartitionKey eq ${ROUNDS_PARTITION} and RowKey eq ${keyOf(roundId)}`,
    );
    return found[0] && roundOf(roundId, found[0]);
  }

  async latestRound(planId: string): Promise<Round | undefined> {
    const rounds = await this.roundsWhere(odata`PartitionKey eq ${ROUNDS_PARTITION} and PlanId eq ${planId}`);
    return rounds.at(-1);
  }

  async runningRounds(): Promise<Round[]> {
    return this.roundsWhere(odata`PartitionKey eq ${ROUNDS_PARTITION} and State eq ${'running'}`);
  }

  async setRoundState(roundId: string, state: RoundState): Promise<void> {
    await this.roundsTable.updateEntity(
      { partitionKey: ROUNDS_PARTITION, rowKey: keyOf(roundId), State: state },
      'Merge',
    );
  }

  async setSchedule(roundId: string, schedule: RoundSchedule): Promise<void> {
    await this.roundsTable.updateEntity(
      {
        partitionKey: ROUNDS_PARTITION,
        rowKey: keyOf(roundId),
        FirstAt: schedule.firstAt,
        SecondAt: schedule.secondAt,
        EscalateAt: schedule.escalateAt,
      },
      'Merge',
    );
    // First cards not yet sent follow the new date; one claimed meanwhile (412) is on its way already.
    const waiting = await listAll<DeliveryEntity>(
      this.deliveriesTable,
      odata`PartitionKey eq ${keyOf(roundId)} and Step eq ${'first'} and State eq ${'pending'}`,
    );
    await eachLimited(waiting, PARALLEL_WRITES, async (e) => {
      try {
        await this.deliveriesTable.updateEntity(
          { partitionKey: e.partitionKey, rowKey: e.rowKey, NotBefore: schedule.firstAt },
          'Merge',
          { etag: e.etag },
        );
      } catch (error) {
        if (!isStale(error)) throw error;
      }
    });
  }

  async addDeliveries(deliveries: Delivery[]): Promise<number> {
    let added = 0;
    await eachLimited(deliveries, PARALLEL_WRITES, async (d) => {
      try {
        await this.deliveriesTable.createEntity(deliveryEntity(d));
        added++;
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    });
    return added;
  }

  async claimDue(roundId: string, now: Date, limit: number, staleAfterMs: number): Promise<Delivery[]> {
    const at = now.toISOString();
    const stale = new Date(now.getTime() - staleAfterMs).toISOString();
    const due = await listAll<DeliveryEntity>(
      this.deliveriesTable,
      odata`PartitionKey eq ${keyOf(roundId)} and ((State eq ${'pending'} and NotBefore le ${at}) or (State eq ${'sending'} and ClaimedAt le ${stale}))`,
    );
    due.sort((a, b) => a.NotBefore.localeCompare(b.NotBefore) || a.Order - b.Order);
    const claimed: Delivery[] = [];
    // Claims in parallel; deliveries lost to another instance are made up for from the same read.
    let next = 0;
    while (next < due.length && claimed.length < limit) {
      const batch = due.slice(next, next + limit - claimed.length);
      next += batch.length;
      await Promise.all(
        batch.map(async (e) => {
          try {
            await this.deliveriesTable.updateEntity(
              {
                partitionKey: e.partitionKey,
                rowKey: e.rowKey,
                State: 'sending',
                ClaimedAt: at,
                Attempts: e.Attempts + 1,
              },
              'Merge',
              { etag: e.etag },
            );
            claimed.push({ ...deliveryOf(roundId, e), state: 'sending', attempts: e.Attempts + 1 });
          } catch (error) {
            if (!isStale(error)) throw error; // 412: another instance claimed it first
          }
        }),
      );
    }
    return claimed;
  }

  async finishDelivery(d: Pick<Delivery, 'roundId' | 'recipientId' | 'step'>, update: DeliveryUpdate): Promise<void> {
    const key = { partitionKey: keyOf(d.roundId), rowKey: deliveryKey(d.recipientId, d.step) };
    const changes =
      update.state === 'sent'
        ? { State: 'sent', SentAt: update.at, SubstituteName: update.substituteName ?? '', Reason: update.reason ?? '' }
        : update.state === 'unreachable' || update.state === 'skipped'
          ? { State: update.state, Reason: update.reason }
          : { State: 'pending', NotBefore: update.notBefore, Reason: update.detail ?? '' };
    // No channel given: the one it has stays (a merge leaves properties it does not name).
    const channel = 'channel' in update && update.channel ? { Channel: update.channel } : {};
    await this.deliveriesTable.updateEntity({ ...key, ...changes, ...channel }, 'Merge');
  }

  async listDeliveries(roundId: string): Promise<Delivery[]> {
    const all = await listAll<DeliveryEntity>(this.deliveriesTable, odata`PartitionKey eq ${keyOf(roundId)}`);
    return all.sort((a, b) => a.Order - b.Order).map((e) => deliveryOf(roundId, e));
  }

  private async roundsWhere(filter: string): Promise<Round[]> {
    const found = await listAll<RoundEntity>(this.roundsTable, filter);
    found.sort((a, b) => a.StartedAt.localeCompare(b.StartedAt) || a.Order - b.Order);
    return found.map((e) => roundOf(valueOfKey(e.rowKey), e));
  }
}

export class TableConversationStore implements ConversationStore {
  constructor(private readonly table: TableClient) {}

  async saveConversation(t: ConversationTarget): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: keyOf(t.userId),
        rowKey: '',
        TenantId: t.tenantId ?? '',
        ServiceUrl: t.serviceUrl,
        ConversationId: t.conversationId,
        UpdatedAt: new Date().toISOString(),
      },
      'Replace',
    );
  }

  async findConversation(userId: string): Promise<ConversationTarget | undefined> {
    const found = await listAll<{ TenantId: string; ServiceUrl: string; ConversationId: string }>(
      this.table,
      odata`PartitionKey eq ${keyOf(userId)}`,
    );
    const e = found[0];
    return (
      e && {
        userId,
        ...(e.TenantId ? { tenantId: e.TenantId } : {}),
        serviceUrl: e.ServiceUrl,
        conversationId: e.ConversationId,
      }
    );
  }
}

function deliveryKey(recipientId: string, step: DeliveryStep): string {
  return `${keyOf(recipientId)}|${step}`;
}

function deliveryEntity(d: Delivery): DeliveryEntity & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: keyOf(d.roundId),
    rowKey: deliveryKey(d.recipientId, d.step),
    RecipientId: d.recipientId,
    RecipientName: d.recipientName,
    Step: d.step,
    State: 'pending',
    Channel: d.channel,
    Attempts: 0,
    NotBefore: d.notBefore,
    ClaimedAt: '',
    Reason: '',
    SentAt: '',
    SubstituteName: '',
    Order: insertionOrder(),
  };
}

function roundOf(id: string, e: RoundEntity): Round {
  return {
    id,
    planId: e.PlanId,
    periodId: e.PeriodId,
    state: e.State,
    schedule: { firstAt: e.FirstAt, secondAt: e.SecondAt, escalateAt: e.EscalateAt },
    startedAt: e.StartedAt,
    startedBy: { userId: e.StartedById, name: e.StartedByName },
  };
}

function deliveryOf(roundId: string, e: DeliveryEntity): Delivery {
  return {
    roundId,
    recipientId: e.RecipientId,
    recipientName: e.RecipientName,
    step: e.Step,
    state: e.State,
    channel: e.Channel ?? 'chat',
    attempts: e.Attempts,
    notBefore: e.NotBefore,
    ...(e.Reason ? { reason: e.Reason } : {}),
    ...(e.SentAt ? { sentAt: e.SentAt } : {}),
    ...(e.SubstituteName ? { substituteName: e.SubstituteName } : {}),
  };
}
