/**
 * The tab's JSON API: request and response types. The tab imports these with `import type` only,
 * so the two sides cannot drift apart silently.
 */
import type { GoalTable, GoalTableReach, PlanPermissions } from '../app/get-goal-table';
import type { Measure } from '../domain/plan';
import type { Substitution } from '../domain/substitute';
import type { OverviewForActor } from '../app/get-overview';

export type { GoalTable, GoalTableNode, MeasureRow, PlanSummary } from '../app/get-goal-table';
export type { StatusCode } from '../domain/status';
export type {
  ImportChoices,
  ImportPreview,
  ImportProblem,
  ImportWarningView,
  PlanFacts,
  ReadingColumn,
  ReadingView,
} from '../app/plan-import';

/** Body of POST /api/v1/imports/preview and POST /api/v1/plans. */
export interface PlanUpload {
  /** A pasted table is sent as a file too: `innlimt.html` (the clipboard's HTML) or `innlimt.txt`. */
  fileName: string;
  /** The file, base64. */
  content: string;
  facts?: import('../app/plan-import').PlanFacts;
  /** The coordinator's choices in the preview; the confirm step sends the same ones. */
  choices?: import('../app/plan-import').ImportChoices;
  replace?: boolean;
  /** Language of the messages (a locale such as nb-NO). */
  lang?: string;
}

export interface SessionResponse {
  /** 'dev': local development without sign-in (loopback only); 'sso': signed in with Teams. */
  mode: 'dev' | 'sso';
  userName: string;
  /** Whether the import page is for this person (a coordinator). */
  canImportPlans: boolean;
}

/** GET /api/v1/plans/:planId/audit (coordinators): the plan's audit trail, oldest first. */
export interface AuditResponse {
  entries: import('../domain/audit').AuditEntry[];
}

/** GET /api/v1/dev/users: who the dev login can act as (local development only). */
export interface DevUsersResponse {
  users: { userId: string; name: string; roles: string[] }[];
}

/** GET /api/v1/plans/:planId/goal-table?period=…: the goal table with what the caller may do with the plan. */
export type GoalTableResponse = GoalTable & {
  permissions: PlanPermissions;
  /** For coordinators: measures no round reaches, and role holders left out for naming no municipality. */
  reach?: GoalTableReach;
};
export type { GoalTableReach, PlanPermissions } from '../app/get-goal-table';

export interface PlansResponse {
  plans: import('../app/get-goal-table').PlanSummary[];
  /** The plan to open when the address names none: the person's own, else the latest reported on. */
  preferredPlanId?: string;
}

/** Every refusal: a stable code to branch on, and a message in the caller's language (Accept-Language). */
export interface ApiError {
  error: string;
  message: string;
}

/** GET/PATCH /api/v1/plans/:planId/measures/:measureId; the version is also the ETag header. */
export interface MeasureResponse {
  measure: Measure;
  version: string;
}

/** Body of PATCH /api/v1/plans/:planId/measures/:measureId: the fields to change; null clears one. */
export type MeasureEditRequest = import('../app/edit-measure').MeasureEdit;

/** Body of POST /api/v1/plans/:planId/goals/:goalId/measures: a new measure (201 gives a MeasureResponse). */
export type NewMeasureRequest = import('../domain/plan-upkeep').NewMeasure;

/** Body of POST /api/v1/plans/:planId/goals: a new goal under `parentId`, or at the top level without it. */
export type NewGoalRequest = import('../domain/plan-upkeep').NewGoal & { parentId?: string };

/** GET /api/v1/plans/:planId/goals/:goalId/proposal: the numbers offered for something new under the goal. */
export type NumberProposal = import('../app/restructure-plan').NumberProposal;

/** 412 from PATCH …/measures/:measureId: someone saved first; `current` is what is stored now. */
export interface MeasureConflictResponse {
  error: 'changed_by_someone_else';
  message: string;
  current: MeasureResponse;
}

/** GET /api/v1/plans/:planId/rounds/latest */
export type { RoundProgress } from '../app/reminder-rounds';
export type { Substitution } from '../domain/substitute';

/** GET /api/v1/plans/:planId/overview?period=…: the ledermøte's overview, and whether the period is locked. */
export type OverviewResponse = OverviewForActor;
export type { Overview, OverviewGoal, OverviewMeasure, OverviewStatus } from '../app/get-overview';
export type { MeasureHistory } from '../app/measure-history';
export type { Decision, DecisionKind } from '../domain/decision';

/** GET /api/v1/plans/:planId/measures/:measureId/decisions?period=…; POST there answers with one Decision. */
export interface DecisionsResponse {
  decisions: import('../domain/decision').Decision[];
}

/** Body of POST /api/v1/plans/:planId/measures/:measureId/decisions. */
export type DecisionRequest = import('../app/decisions').DecisionInput;
export type { LockOutcome } from '../app/period-report';
export type { PeriodLock } from '../app/ports';

/** GET /api/v1/plans/:planId/substitutes: who answers for whom, and whom the coordinator can pick. */
export interface SubstitutesResponse {
  substitutes: Substitution[];
  /** Everyone in the directory; `responsible`: answers for a measure of this plan. */
  people: { userId: string; name: string; responsible: boolean }[];
}

/** GET /api/v1/plans/:planId/my-measures: the signed-in person's measures and their answers ("Mine tiltak"). */
export type MyMeasuresResponse = import('../app/my-measures').MyMeasures;
export type { MyAnswer, MyMeasure, MyMeasureGroup } from '../app/my-measures';

/** POST /api/v1/plans/:planId/my-measures: each reported measure's answer as it now stands. */
export interface MyReportResponse {
  /** The same Idempotency-Key came before: nothing new was stored. */
  alreadyStored: boolean;
  answers: Record<string, import('../app/my-measures').MyAnswer>;
}

/** GET /api/v1/sign-in: for signing in with a redirect outside Teams. */
export type SignInResponse = import('../config').BrowserSignIn;

/** GET/POST /api/v1/plans/:planId/revision (and its import): the draft, its table and what it changes; ETag: its version. */
export type RevisionResponse = import('../app/plan-revision').RevisionView;
export type { RevisionDiff, ComparedField } from '../domain/revision';
/** POST /api/v1/plans/:planId/revision/adopt: the number of the version now in force, and what changed. */
export interface AdoptResponse {
  version: number;
  diff: import('../domain/revision').RevisionDiff;
}
/** PATCH /api/v1/plans/:planId/revision/measures/:measureId: the measure fields and, in a revision, its number. */
export type DraftMeasureRequest = import('../app/edit-measure').MeasureEdit & { number?: string };
/** GET /api/v1/plans/:planId/versions. */
export interface VersionsResponse {
  versions: import('../app/ports').PlanVersionSummary[];
  current: number;
  revisionUnderWay?: boolean;
}
/** GET /api/v1/plans/:planId/versions/:number: an earlier version, read only, with a period's reports. */
export type VersionResponse = Awaited<ReturnType<typeof import('../app/plan-revision').getPlanVersion>>;
