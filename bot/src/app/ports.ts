/**
 * Ports: what the use cases need from the outside world, named by task. Adapters implement them
 * (local SQLite store, SharePoint via Graph, Teams, the directory); the use cases never know which.
 * Over 300 lines for a reason: one file is the one list of what the core asks of the outside world,
 * each port small; split, a reader would have to gather the list again.
 */
import type { AuditEntry } from '../domain/audit';
import type { RealisedBenefit } from '../domain/benefit';
import type { Decision } from '../domain/decision';
import type { Person } from '../domain/responsibility';
import type { Measure, Plan } from '../domain/plan';
import type { Delivery, DeliveryChannel, Round, RoundSchedule, RoundState, UnreachableReason } from '../domain/round';
import type { StatusReport } from '../domain/status';
import type { Substitution } from '../domain/substitute';
import type { StatusForm } from '../domain/status-form';

export interface PlanRepository {
  listPlans(): Promise<Plan[]>;
  getPlan(planId: string): Promise<Plan | undefined>;
  /**
   * Creates or replaces the plan's structure. Status reports are kept apart and never touched.
   * The audit entry, when given, is written in the same transaction.
   */
  savePlan(plan: Plan, audit?: AuditEntry): Promise<void>;
  /** One measure with the version token an edit must name (an ETag in SharePoint). */
  getMeasure(planId: string, measureId: string): Promise<VersionedMeasure | undefined>;
  /**
   * Replaces one measure if it is still at `expectedVersion`; otherwise throws
   * ConcurrentChangeError carrying the version that is stored now, so nothing is silently lost.
   */
  updateMeasure(
    planId: string,
    measure: Measure,
    expectedVersion: string,
    audit?: AuditEntry,
  ): Promise<VersionedMeasure>;
}

export interface VersionedMeasure {
  measure: Measure;
  version: string;
}

/** Someone else changed the item since it was read; `current` is what is stored now. */
export class ConcurrentChangeError extends Error {
  constructor(readonly current: VersionedMeasure) {
    super(`measure ${current.measure.id} was changed by someone else`);
    this.name = 'ConcurrentChangeError';
  }
}

/** A plan's revision under way (*rullering*): the draft of its next version, apart from the plan in force. */
export interface PlanDraft {
  plan: Plan;
  /** The token a change to the draft names (If-Match); any change to the draft moves it. */
  version: string;
  startedAt: string;
  startedBy: { userId: string; name: string };
}

/** A version of the plan that was in force until a revision replaced it: read-only from then on. */
export interface PlanVersion {
  planId: string;
  /** 1 for the first plan in force, counting up; the plan in force now has the next number. */
  number: number;
  plan: Plan;
  /** When it stopped being in force, and who adopted the revision that replaced it. */
  archivedAt: string;
  archivedBy: { userId: string; name: string };
}

export type PlanVersionSummary = Omit<PlanVersion, 'plan'> & { title: string; measures: number };

/**
 * Revisions of plans: each plan's draft (at most one) and the versions it had before. Kept where the
 * plans are, since adopting a draft replaces the plan.
 */
export interface PlanVersionStore {
  getDraft(planId: string): Promise<PlanDraft | undefined>;
  /**
   * Writes the draft if the stored one is still at `expectedVersion` (undefined: only if the plan
   * has none); otherwise throws DraftChangedError. The audit entry goes with it.
   */
  saveDraft(
    draft: Omit<PlanDraft, 'version'>,
    expectedVersion: string | undefined,
    audit?: AuditEntry,
  ): Promise<PlanDraft>;
  /** Drops the draft if still at `expectedVersion` (else DraftChangedError). */
  discardDraft(planId: string, expectedVersion: string, audit?: AuditEntry): Promise<void>;
  /**
   * Adopts the draft if still at `expectedVersion` (else DraftChangedError): `archived` (the plan in
   * force until now) is kept as a version, `adopted` becomes the plan, the draft is gone. In one
   * transaction where the store has them; otherwise in that order, so a retry after a stop finishes it.
   */
  adoptDraft(adopted: Plan, archived: PlanVersion, expectedVersion: string, audit?: AuditEntry): Promise<void>;
  /** The plan's earlier versions, oldest first. */
  listVersions(planId: string): Promise<PlanVersionSummary[]>;
  getVersion(planId: string, number: number): Promise<PlanVersion | undefined>;
  /**
   * An earlier version written over with `version` (same plan and number). For erasing a person
   * only (erase-person.ts): versions are otherwise never changed once archived.
   */
  rewriteVersion(version: PlanVersion): Promise<void>;
}

/** The draft was changed, adopted or discarded by someone else since it was read; `current` is what is stored now. */
export class DraftChangedError extends Error {
  constructor(readonly current: PlanDraft | undefined) {
    super('the revision was changed by someone else');
    this.name = 'DraftChangedError';
  }
}

/**
 * The store is there but asks us to wait longer than a person should (SharePoint throttling
 * for minutes): the request fails at once, saying when to try again. Background work waits instead.
 */
export class StoreBusyError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`the store asked us to wait ${Math.ceil(retryAfterMs / 1000)} s`);
    this.name = 'StoreBusyError';
  }
}

export interface AppendResult {
  /** The reports stored for this submission (the earlier ones if it was a repeat). */
  reports: StatusReport[];
  /** True when every report of the submission had been stored before: nothing new was written. */
  alreadyStored: boolean;
}

export interface StatusReportRepository {
  /**
   * Appends reports atomically: all or none. A report whose (submissionId, measureId) is already
   * stored is not stored again, so a retried or replayed submission never duplicates history.
   * The audit entry, when given, is recorded once: its id is derived from the submission, so a
   * store without transactions (SharePoint) may write it again on a repeat and still keep one.
   */
  appendReports(reports: StatusReport[], audit?: AuditEntry): Promise<AppendResult>;
  /** Reports by time, and in the order they were stored where times are equal. */
  listReports(planId: string, filter?: { periodId?: string }): Promise<StatusReport[]>;
}

/** The leadership meeting's decisions and follow-ups, per plan, measure and period. Never changed once stored. */
export interface DecisionStore {
  /**
   * Stores the decision (one under an id already stored is not stored again) with its audit
   * entry, in one transaction where the store has them.
   */
  addDecision(decision: Decision, audit?: AuditEntry): Promise<void>;
  /** The plan's decisions in the order they were recorded, optionally of one period only. */
  listDecisions(planId: string, filter?: { periodId?: string }): Promise<Decision[]>;
}

export interface AuditLog {
  /** A plan's audit trail, oldest first. */
  listAudit(planId: string): Promise<AuditEntry[]>;
  /** Records a change that has no transaction of its own to share (a reminder round started). */
  appendAudit(entry: AuditEntry): Promise<void>;
}

/** Erasure of a person's identity (the personal data the store holds about them). */
export interface PersonalData {
  /**
   * Replaces the person's id and name in status reports and audit entries with `replacement`,
   * in one transaction, and records one audit entry per affected plan. History keeps its statuses
   * and comments (the municipality's record of its measures); it no longer says who gave them.
   */
  erasePerson(
    userId: string,
    replacement: { userId: string; name: string },
    auditFor: (planId: string, count: number) => AuditEntry,
  ): Promise<{ reports: number; auditEntries: number; plans: string[] }>;
}

export interface Directory {
  /** The person with this Entra ID object id, with the roles they hold. */
  findPerson(userId: string): Promise<Person | undefined>;
  /** Everyone known, for local development's sign-in picker (never offered with Entra ID). */
  listPeople(): Promise<Person[]>;
}

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}

/** Where to reach a person proactively: their 1:1 chat with the bot. */
export interface ConversationTarget {
  userId: string;
  tenantId?: string;
  serviceUrl: string;
  conversationId: string;
}

/** Conversation references, kept whenever a person installs the app or writes to the bot. */
export interface ConversationStore {
  saveConversation(target: ConversationTarget): Promise<void>;
  findConversation(userId: string): Promise<ConversationTarget | undefined>;
}

export type SendResult =
  /**
   * `unconfirmed`: it went out and no answer came in time; it may have arrived, and is not sent
   * again (a second card would be worse: the round's reminder asks again anyway).
   */
  | { kind: 'sent'; unconfirmed?: true }
  /** Will not get through by trying again (blocked, uninstalled, unknown user). */
  | { kind: 'unreachable'; reason: UnreachableReason; detail?: string }
  /** Throttled or a passing fault: try again, not before `afterMs` when Teams said so. */
  | { kind: 'retry'; afterMs?: number; detail?: string }
  /**
   * The service refused our own credentials (401): a configuration fault of ours, not the
   * person's. Nothing more can be sent until the operator fixes it.
   */
  | { kind: 'misconfigured'; detail: string };

/**
 * Opens a 1:1 chat with someone the bot has never talked to: installs the app in their personal
 * scope (through Graph) and creates the conversation (through the Bot Connector).
 */
export interface ChatOpener {
  openChat(person: Person): Promise<OpenChatResult>;
}

export type OpenChatResult = { kind: 'opened'; target: ConversationTarget } | Exclude<SendResult, { kind: 'sent' }>;

/** Who has not answered by the deadline, as the coordinator or a manager is told. */
export interface Escalation {
  plan: Plan;
  periodId: string;
  /** Who has not answered for all their measures: the numbers missing, and how many of all are answered. */
  missing: { name: string; numbers: string[]; answered: number; total: number }[];
  /** Who the round's card never reached, and why (the reasons of the delivery log). */
  unreached: { name: string; reason: string }[];
}

/** Sends a person their status form for a round, or the list of who is missing, as one card. */
export interface Notifier {
  sendStatusForm(target: ConversationTarget, form: StatusForm): Promise<SendResult>;
  sendEscalation(target: ConversationTarget, escalation: Escalation): Promise<SendResult>;
}

/** A reminder to one person: the measures of theirs still without an answer this period. */
export interface Reminder {
  plan: Plan;
  periodId: string;
  /** Their measures still missing an answer. */
  missing: Measure[];
  /** Of how many measures they answer for. */
  total: number;
}

/**
 * A reminder in the person's Teams activity feed that opens their measures in the tab: the nudge
 * that is noticed, where a second card in the same chat is easy to miss.
 */
export interface ActivityNotifier {
  notifyReminder(person: Person, reminder: Reminder): Promise<SendResult>;
}

/** The reminder by e-mail, for someone Teams cannot reach; from the mailbox the municipality configured. */
export interface ReminderMailer {
  mailReminder(person: Person, reminder: Reminder): Promise<SendResult>;
}

/** A period the coordinator closed: answers for it are refused; its report is kept as it was. */
export interface PeriodLock {
  planId: string;
  periodId: string;
  lockedAt: string;
  lockedBy: { userId: string; name: string };
}

/** The formats a period's report comes in: the workbook, the PDF, and Word for the case document. */
export const REPORT_FORMATS = ['xlsx', 'pdf', 'docx'] as const;

/** The report of a locked period, as made when it was locked. */
export interface FrozenReport {
  format: (typeof REPORT_FORMATS)[number];
  bytes: Buffer;
}

/**
 * Locked periods, their frozen reports, and the gate that keeps locking and answering apart. A lock
 * is taken in two steps: begun (from then on no answer for the period is let in), then completed
 * with the report rendered from what was stored before it. An answer is let in only while the period
 * is open, and a begun lock waits for the answers let in before it; so no answer is acknowledged
 * that the frozen report lacks.
 */
export interface PeriodLockStore {
  /** Completed locks of the plan. */
  listLocks(planId: string): Promise<PeriodLock[]>;
  /**
   * Whether answers for the period are refused: it is locked, or a lock began less than
   * `at.staleAfterMs` before `at.now` (one older was left by a stopped instance and closes nothing).
   */
  isClosed(planId: string, periodId: string, at: LockTime): Promise<boolean>;
  /**
   * Lets one answer in (`answerId` unique per answer) unless the period is closed; the record lasts
   * until `endAnswer` or `expiresAt`, whichever comes first (an instance may die mid-answer).
   */
  beginAnswer(planId: string, periodId: string, answerId: string, at: LockTime, expiresAt: Date): Promise<boolean>;
  endAnswer(planId: string, periodId: string, answerId: string): Promise<void>;
  /** Answers let in for the period that have neither ended nor expired by `now`. */
  answersUnderWay(planId: string, periodId: string, now: Date): Promise<number>;
  /**
   * Begins the lock; from now on no answer is let in. 'locked': the period is locked already;
   * 'being-locked': another lock of it began less than `staleAfterMs` before this one (an older one
   * was left by a stopped instance and is taken over).
   */
  beginLock(lock: PeriodLock, staleAfterMs: number): Promise<'begun' | 'locked' | 'being-locked'>;
  /** Completes this begun lock with the period's reports, together; false when it was taken over or given up. */
  completeLock(lock: PeriodLock, reports: FrozenReport[]): Promise<boolean>;
  /** Gives up this lock, begun and not completed (its report could not be made); answers are let in again. */
  abandonLock(lock: PeriodLock): Promise<void>;
  /** Opens the period again and drops its frozen reports; false when it was not locked. */
  reopenPeriod(planId: string, periodId: string): Promise<boolean>;
  frozenReport(planId: string, periodId: string, format: FrozenReport['format']): Promise<Buffer | undefined>;
}

/** When a lock store judges whether a begun lock is still alive. */
export interface LockTime {
  now: Date;
  staleAfterMs: number;
}

/** Where a locked period's report is filed besides the store (SharePoint: the site's documents). */
export interface ReportArchive {
  /** Files the reports; returns where each one is, for people to open. */
  fileReports(planId: string, periodId: string, reports: FrozenReport[]): Promise<string[]>;
}

/** Substitutes per plan (who answers for whom, when). */
export interface SubstituteStore {
  listSubstitutions(planId: string): Promise<Substitution[]>;
  addSubstitution(substitution: Substitution): Promise<void>;
  /** False when there was none with that id in the plan. */
  removeSubstitution(planId: string, id: string): Promise<boolean>;
  /** Replaces the person wherever they appear (away, standing in, set it); how many were changed. */
  erasePerson(userId: string, replacement: { userId: string; name: string }): Promise<number>;
}

/** Rounds and their delivery log. */
export interface RoundStore {
  /** Creates the round with one pending delivery per recipient, together. */
  createRound(round: Round, deliveries: Delivery[]): Promise<void>;
  getRound(roundId: string): Promise<Round | undefined>;
  latestRound(planId: string): Promise<Round | undefined>;
  /** Rounds with deliveries still to make, for resuming after a restart. */
  runningRounds(): Promise<Round[]>;
  setRoundState(roundId: string, state: RoundState): Promise<void>;
  /** Moves the steps; first cards not yet sent follow. */
  setSchedule(roundId: string, schedule: RoundSchedule): Promise<void>;
  /** Adds deliveries that do not exist yet (same round, recipient and step: ignored). */
  addDeliveries(deliveries: Delivery[]): Promise<number>;
  /**
   * Marks up to `limit` due deliveries as sending and returns them. Deliveries left 'sending' by
   * a stopped process for longer than `staleAfterMs` are due again.
   */
  claimDue(roundId: string, now: Date, limit: number, staleAfterMs: number): Promise<Delivery[]>;
  /** Records what became of a claimed delivery. */
  finishDelivery(delivery: Pick<Delivery, 'roundId' | 'recipientId' | 'step'>, update: DeliveryUpdate): Promise<void>;
  listDeliveries(roundId: string): Promise<Delivery[]>;
}

/**
 * `channel`, where given, is what carried it (sent), what found the person unreachable, or what to
 * try next (pending: an e-mail throttled is tried as an e-mail again, not through Teams first).
 * A 'sent' by e-mail keeps `reason`: why Teams could not take it.
 */
export type DeliveryUpdate =
  | { state: 'sent'; at: string; substituteName?: string; channel?: DeliveryChannel; reason?: string }
  | { state: 'unreachable'; reason: string; channel?: DeliveryChannel }
  | { state: 'skipped'; reason: string }
  | { state: 'pending'; notBefore: string; detail?: string; channel?: DeliveryChannel };

/** A request for a delivery pass over a round: "there is work in round R". */
export interface RoundJob {
  roundId: string;
}

/** What became of a received job: handled, or handed back for another instance to take. */
export type JobOutcome = 'done' | 'hand-back';

/**
 * Where wake-ups for the reminder rounds go. In-process by default; a shared queue (Azure Storage)
 * lets every instance reading it take a round's work, the delivery log's claims keeping each
 * delivery to one sender. At least once: a job whose instance stopped before finishing it comes back.
 */
export interface WorkQueue {
  /** True when other instances read the same queue: then a busy round asks for help. */
  readonly shared: boolean;
  enqueue(job: RoundJob): Promise<void>;
  /**
   * Hands jobs to `handle`, a few at a time, until closed. `receivedBefore` counts earlier receipts
   * of the same job, so a handler can stop handing one back.
   */
  consume(handle: (job: RoundJob, receivedBefore: number) => Promise<JobOutcome>): void;
  /** Stops taking jobs and waits for the ones being handled. */
  close(): Promise<void>;
}

/**
 * What benefits were realised, reported per measure, benefit type and period (and organisation in
 * a shared plan). Kept apart from status reports: a benefit is reported on for years after its
 * measure is done. Every report is kept; the latest per key counts (domain/benefit.ts).
 */
export interface RealisedBenefitStore {
  /** Stores the reports; one under an id already stored is not stored again. */
  addRealised(reports: RealisedBenefit[]): Promise<void>;
  /** The plan's reports, in the order stored. */
  listRealised(planId: string): Promise<RealisedBenefit[]>;
  /** Replaces the person's id and name in every report (GDPR art. 17); how many were changed. */
  erasePerson(userId: string, replacement: { userId: string; name: string }): Promise<number>;
}
