/**
 * Reminder rounds and their delivery log, in the embedded SQLite file (people's conversation
 * references are in sqlite-conversations.ts). A delivery's key is (round, recipient, step): adding
 * it twice keeps one, and claiming moves it to 'sending' inside a transaction, so two workers never
 * take the same one.
 */
import type Database from 'better-sqlite3';
import type { DeliveryUpdate, RoundStore } from '../../app/ports';
import {
  DELIVERY_CHANNELS,
  type Delivery,
  type DeliveryChannel,
  type DeliveryStep,
  type Round,
  type RoundSchedule,
  type RoundState,
} from '../../domain/round';
import { statementCache, type Prepare } from './statements';

export const ROUNDS_MIGRATION = `
  CREATE TABLE conversations (
    user_id TEXT PRIMARY KEY,
    tenant_id TEXT,
    service_url TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE rounds (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL,
    period_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'cancelled', 'done')),
    started_at TEXT NOT NULL,
    started_by_id TEXT NOT NULL,
    started_by_name TEXT NOT NULL
  );
  CREATE INDEX rounds_by_plan ON rounds (plan_id, started_at);
  CREATE TABLE deliveries (
    round_id TEXT NOT NULL REFERENCES rounds (id),
    recipient_id TEXT NOT NULL,
    recipient_name TEXT NOT NULL,
    step TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'unreachable')),
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before TEXT NOT NULL,
    claimed_at TEXT,
    reason TEXT,
    sent_at TEXT,
    PRIMARY KEY (round_id, recipient_id, step)
  );
  CREATE INDEX deliveries_due ON deliveries (round_id, state, not_before);`;

/**
 * A delivery may be 'skipped' (the person had answered everything): SQLite cannot alter a CHECK,
 * so the table is rebuilt with its rows.
 */
export const DELIVERY_SKIPPED_MIGRATION = `
  CREATE TABLE deliveries_next (
    round_id TEXT NOT NULL REFERENCES rounds (id),
    recipient_id TEXT NOT NULL,
    recipient_name TEXT NOT NULL,
    step TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'unreachable', 'skipped')),
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before TEXT NOT NULL,
    claimed_at TEXT,
    reason TEXT,
    sent_at TEXT,
    substitute_name TEXT,
    PRIMARY KEY (round_id, recipient_id, step)
  );
  INSERT INTO deliveries_next (rowid, round_id, recipient_id, recipient_name, step, state, attempts, not_before,
      claimed_at, reason, sent_at, substitute_name)
    SELECT rowid, round_id, recipient_id, recipient_name, step, state, attempts, not_before,
      claimed_at, reason, sent_at, substitute_name FROM deliveries;
  DROP TABLE deliveries;
  ALTER TABLE deliveries_next RENAME TO deliveries;
  CREATE INDEX deliveries_due ON deliveries (round_id, state, not_before);`;

export const ROUND_SCHEDULE_MIGRATION = `
  ALTER TABLE rounds ADD COLUMN first_at TEXT;
  ALTER TABLE rounds ADD COLUMN second_at TEXT;
  ALTER TABLE rounds ADD COLUMN escalate_at TEXT;`;

/** Each delivery says what carried it; those before went by chat. */
export const DELIVERY_CHANNEL_MIGRATION = `
  ALTER TABLE deliveries ADD COLUMN channel TEXT NOT NULL DEFAULT 'chat'
    CHECK (channel IN (${DELIVERY_CHANNELS.map((c) => `'${c}'`).join(', ')}));`;

interface DeliveryRow {
  round_id: string;
  recipient_id: string;
  recipient_name: string;
  step: DeliveryStep;
  state: Delivery['state'];
  channel: DeliveryChannel;
  attempts: number;
  not_before: string;
  reason: string | null;
  sent_at: string | null;
  substitute_name: string | null;
}

interface RoundRow {
  id: string;
  plan_id: string;
  period_id: string;
  state: RoundState;
  first_at: string | null;
  second_at: string | null;
  escalate_at: string | null;
  started_at: string;
  started_by_id: string;
  started_by_name: string;
}

export class SqliteRoundStore implements RoundStore {
  private readonly prepare: Prepare;

  constructor(private readonly db: Database.Database) {
    this.prepare = statementCache(db);
  }

  async createRound(round: Round, deliveries: Delivery[]): Promise<void> {
    this.db.transaction(() => {
      this.prepare(
        `INSERT INTO rounds (id, plan_id, period_id, state, first_at, second_at, escalate_at,
             started_at, started_by_id, started_by_name)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        round.id,
        round.planId,
        round.periodId,
        round.state,
        round.schedule.firstAt,
        round.schedule.secondAt,
        round.schedule.escalateAt,
        round.startedAt,
        round.startedBy.userId,
        round.startedBy.name,
      );
      this.insertDeliveries(deliveries);
    })();
  }

  async getRound(roundId: string): Promise<Round | undefined> {
    const row = this.prepare('SELECT * FROM rounds WHERE id = ?').get(roundId) as RoundRow | undefined;
    return row && roundOf(row);
  }

  async latestRound(planId: string): Promise<Round | undefined> {
    const row = this.prepare('SELECT * FROM rounds WHERE plan_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1').get(
      planId,
    ) as RoundRow | undefined;
    return row && roundOf(row);
  }

  async runningRounds(): Promise<Round[]> {
    return (this.prepare("SELECT * FROM rounds WHERE state = 'running' ORDER BY started_at").all() as RoundRow[]).map(
      roundOf,
    );
  }

  async setSchedule(roundId: string, schedule: RoundSchedule): Promise<void> {
    this.db.transaction(() => {
      this.prepare('UPDATE rounds SET first_at = ?, second_at = ?, escalate_at = ? WHERE id = ?').run(
        schedule.firstAt,
        schedule.secondAt,
        schedule.escalateAt,
        roundId,
      );
      // First cards not yet sent follow the new date.
      this.prepare(
        "UPDATE deliveries SET not_before = ? WHERE round_id = ? AND step = 'first' AND state = 'pending'",
      ).run(schedule.firstAt, roundId);
    })();
  }

  async setRoundState(roundId: string, state: RoundState): Promise<void> {
    this.prepare('UPDATE rounds SET state = ? WHERE id = ?').run(state, roundId);
  }

  async addDeliveries(deliveries: Delivery[]): Promise<number> {
    return this.db.transaction(() => this.insertDeliveries(deliveries))();
  }

  async claimDue(roundId: string, now: Date, limit: number, staleAfterMs: number): Promise<Delivery[]> {
    const at = now.toISOString();
    const stale = new Date(now.getTime() - staleAfterMs).toISOString();
    return this.db.transaction(() => {
      const rows = this.prepare(
        `SELECT * FROM deliveries
           WHERE round_id = ? AND ((state = 'pending' AND not_before <= ?) OR (state = 'sending' AND claimed_at <= ?))
           ORDER BY not_before, rowid LIMIT ?`,
      ).all(roundId, at, stale, limit) as DeliveryRow[];
      const claim = this.prepare(
        "UPDATE deliveries SET state = 'sending', claimed_at = ?, attempts = attempts + 1 WHERE round_id = ? AND recipient_id = ? AND step = ?",
      );
      for (const r of rows) claim.run(at, r.round_id, r.recipient_id, r.step);
      return rows.map((r) => ({ ...deliveryOf(r), state: 'sending' as const, attempts: r.attempts + 1 }));
    })();
  }

  async finishDelivery(d: Pick<Delivery, 'roundId' | 'recipientId' | 'step'>, update: DeliveryUpdate): Promise<void> {
    const key = [d.roundId, d.recipientId, d.step];
    const where = 'WHERE round_id = ? AND recipient_id = ? AND step = ?';
    // No channel given: the one it has stays.
    const channel = 'channel' in update ? (update.channel ?? null) : null;
    if (update.state === 'sent') {
      this.prepare(
        `UPDATE deliveries SET state = 'sent', sent_at = ?, substitute_name = ?, reason = ?, channel = COALESCE(?, channel) ${where}`,
      ).run(update.at, update.substituteName ?? null, update.reason ?? null, channel, ...key);
    } else if (update.state === 'unreachable' || update.state === 'skipped') {
      this.prepare(`UPDATE deliveries SET state = ?, reason = ?, channel = COALESCE(?, channel) ${where}`).run(
        update.state,
        update.reason,
        channel,
        ...key,
      );
    } else {
      this.prepare(
        `UPDATE deliveries SET state = 'pending', not_before = ?, reason = ?, channel = COALESCE(?, channel) ${where}`,
      ).run(update.notBefore, update.detail ?? null, channel, ...key);
    }
  }

  async listDeliveries(roundId: string): Promise<Delivery[]> {
    return (
      this.prepare('SELECT * FROM deliveries WHERE round_id = ? ORDER BY rowid').all(roundId) as DeliveryRow[]
    ).map(deliveryOf);
  }

  private insertDeliveries(deliveries: Delivery[]): number {
    const insert = this.prepare(
      `INSERT INTO deliveries (round_id, recipient_id, recipient_name, step, state, channel, attempts, not_before)
       VALUES (?, ?, ?, ?, 'pending', ?, 0, ?) ON CONFLICT DO NOTHING`,
    );
    let added = 0;
    for (const d of deliveries)
      added += insert.run(d.roundId, d.recipientId, d.recipientName, d.step, d.channel, d.notBefore).changes;
    return added;
  }
}

function roundOf(r: RoundRow): Round {
  return {
    id: r.id,
    planId: r.plan_id,
    periodId: r.period_id,
    state: r.state,
    // Rounds made before schedules existed: every step as of their start.
    schedule: {
      firstAt: r.first_at ?? r.started_at,
      secondAt: r.second_at ?? r.started_at,
      escalateAt: r.escalate_at ?? r.started_at,
    },
    startedAt: r.started_at,
    startedBy: { userId: r.started_by_id, name: r.started_by_name },
  };
}

function deliveryOf(r: DeliveryRow): Delivery {
  return {
    roundId: r.round_id,
    recipientId: r.recipient_id,
    recipientName: r.recipient_name,
    step: r.step,
    state: r.state,
    channel: r.channel,
    attempts: r.attempts,
    notBefore: r.not_before,
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.sent_at ? { sentAt: r.sent_at } : {}),
    ...(r.substitute_name ? { substituteName: r.substitute_name } : {}),
  };
}
