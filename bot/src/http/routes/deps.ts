/** What the tab API's routes need from the service: the ports, and the hooks into the round runner. */
import type { PeriodReportDeps } from '../../app/period-report';
import type {
  AuditLog,
  Clock,
  DecisionStore,
  Directory,
  IdGenerator,
  PeriodLockStore,
  PlanRepository,
  PlanVersionStore,
  RealisedBenefitStore,
  ReportArchive,
  RoundStore,
  StatusReportRepository,
  SubstituteStore,
} from '../../app/ports';
import type { Config } from '../../config';

export interface TabApiDeps {
  /** How people sign in to the tab (dev mode on loopback, or Teams SSO). */
  config: Pick<Config, 'tabAuth'>;
  /** Who holds which role; also the dev login's people and the substitutes' picker. */
  directory: Directory;
  /** Plans as the request's tenant sees them. */
  plans: PlanRepository;
  /** Each plan's revision under way and its earlier versions (reached only through a plan the request may see). */
  versions: PlanVersionStore;
  /** Status reports with their history. */
  reports: StatusReportRepository;
  /** The audit trail of each plan. */
  audit: AuditLog;
  /** Reminder rounds and their delivery log. */
  rounds: RoundStore;
  /** Who stands in for whom. */
  substitutes: SubstituteStore;
  /** The leadership meeting's decisions and follow-ups. */
  decisions: DecisionStore;
  /** What the measures' benefits gave, per period (shown in the overview against what was expected). */
  realisedBenefits?: RealisedBenefitStore;
  /** Locked periods, their frozen reports, and the gate between locking and answering. */
  locks: PeriodLockStore;
  /** Makes a period's report (Excel and PDF). */
  renderReport: PeriodReportDeps['renderReport'];
  /** Where a locked period's report is filed besides the store (SharePoint mode). */
  archive?: ReportArchive;
  /** A round was started or changed: the runner looks at it now. */
  onRoundChanged: (roundId: string) => void;
  clock: Clock;
  ids: IdGenerator;
}
