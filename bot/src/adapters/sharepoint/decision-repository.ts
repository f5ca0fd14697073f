/**
 * The leadership meeting's decisions in SharePoint: only ever created, each under its id
 * (case-safe), so a create retried after a lost response stores nothing new. A period of a plan is
 * read through PeriodKey, the one indexed column that holds both.
 */
import type { DecisionStore } from '../../app/ports';
import type { AuditEntry } from '../../domain/audit';
import type { Decision } from '../../domain/decision';
import { writeAudit } from './audit-log';
import { byTimeAndSequence, caseSafe, clip, fromCaseSafe, periodKey, planKey, sequences } from './keys';
import { DECISIONS_LIST, type DecisionFields } from './schema';
import { eq, type SiteLists } from './site-lists';

export class SharePointDecisionStore implements DecisionStore {
  constructor(private readonly lists: SiteLists) {}

  async addDecision(d: Decision, audit?: AuditEntry): Promise<void> {
    const [outcome] = await this.lists.createAll(DECISIONS_LIST, [fieldsOf(d, sequences(1)[0] as number)]);
    // No transaction spans two lists: the entry follows the item, and is written on a repeat too
    // (an earlier attempt may have stopped between the two); its own key keeps it to one.
    if (audit && outcome) await writeAudit(this.lists, [audit]);
  }

  async listDecisions(planId: string, filter: { periodId?: string } = {}): Promise<Decision[]> {
    const items = filter.periodId
      ? await this.lists.read(DECISIONS_LIST, eq('PeriodKey', periodKey(planId, filter.periodId)))
      : await this.lists.read(DECISIONS_LIST, eq('PlanId', planKey(planId)));
    return items
      .map((i) => ({
        at: i.fields.RecordedAt,
        sequence: i.fields.Sequence,
        itemId: i.id,
        decision: decisionOf(i.fields),
      }))
      .filter(
        ({ decision }) => decision.planId === planId && (!filter.periodId || decision.periodId === filter.periodId),
      )
      .sort(byTimeAndSequence)
      .map(({ decision }) => decision);
  }
}

function fieldsOf(d: Decision, sequence: number): DecisionFields & { Title: string } {
  return {
    Title: clip(`${d.kind} ${d.measureId} ${d.periodId}`),
    DecisionId: caseSafe(d.id),
    PlanId: planKey(d.planId),
    PeriodKey: periodKey(d.planId, d.periodId),
    PeriodId: d.periodId,
    MeasureId: d.measureId,
    Kind: d.kind,
    Text: d.text,
    AssigneeId: d.assignee?.userId ?? null,
    AssigneeName: d.assignee?.name ?? null,
    DueDate: d.dueDate ?? null,
    RecordedById: d.recordedBy.userId,
    RecordedByName: d.recordedBy.name,
    RecordedAt: d.recordedAt,
    Sequence: sequence,
  };
}

function decisionOf(f: DecisionFields): Decision {
  return {
    id: fromCaseSafe(f.DecisionId),
    planId: fromCaseSafe(f.PlanId),
    measureId: f.MeasureId,
    periodId: f.PeriodId,
    kind: f.Kind,
    text: f.Text,
    ...(f.AssigneeName
      ? { assignee: { ...(f.AssigneeId ? { userId: f.AssigneeId } : {}), name: f.AssigneeName } }
      : {}),
    ...(f.DueDate ? { dueDate: f.DueDate } : {}),
    recordedBy: { userId: f.RecordedById, name: f.RecordedByName },
    // SharePoint keeps date and time to the second: give it back in the form it was written.
    recordedAt: new Date(f.RecordedAt).toISOString(),
  };
}
