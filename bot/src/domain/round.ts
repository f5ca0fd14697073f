/**
 * A reminder round: for one plan and period, one card to each responsible person, recorded per
 * (round, recipient, step) so a restart or a retry never sends a step twice and never skips anyone.
 */
export type RoundState = 'running' | 'paused' | 'cancelled' | 'done';

export interface Round {
  id: string;
  planId: string;
  periodId: string;
  state: RoundState;
  /** ISO instant. */
  startedAt: string;
  startedBy: { userId: string; name: string };
}

/** 'first' is the round's card; 'nudge-N' the N-th reminder to those who have not answered. */
export type DeliveryStep = 'first' | `nudge-${number}`;

export type DeliveryState = 'pending' | 'sending' | 'sent' | 'unreachable';

export interface Delivery {
  roundId: string;
  recipientId: string;
  recipientName: string;
  step: DeliveryStep;
  state: DeliveryState;
  attempts: number;
  /** ISO instant before which it is not tried (Retry-After, backoff, sending hours). */
  notBefore: string;
  /** Why it could not be delivered, for the coordinator ("not-installed", "blocked", …). */
  reason?: string;
  sentAt?: string;
}

/** Reasons a recipient cannot be reached; the tab says each in words. */
export const UNREACHABLE_REASONS = ['not-installed', 'blocked', 'not-found', 'refused'] as const;
export type UnreachableReason = (typeof UNREACHABLE_REASONS)[number];
