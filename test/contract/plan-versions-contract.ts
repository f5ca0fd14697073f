/**
 * The plan revisions' part of the storage contract (PlanVersionStore), run inside the storage
 * contract against every store: a draft per plan under If-Match, discarding it, adopting it (the
 * plan in force kept as a version, the draft made the plan), and the versions read back whole.
 */
import { eraseFromPlans } from '../../bot/src/app/erase-from-plans';
import { DraftChangedError, type PlanDraft, type PlanVersion } from '../../bot/src/app/ports';
import type { AuditEntry } from '../../bot/src/domain/audit';
import { allMeasures, replaceMeasure, type Plan } from '../../bot/src/domain/plan';
import type { StoreUnderTest } from './storage-contract';

const coordinator = { userId: 'user-c', name: 'Kari Nordmann' };
// Whole seconds: SharePoint keeps times to the second.
const startedAt = '2026-11-02T08:00:00.000Z';
let counter = 0;

function audit(plan: Plan, action: AuditEntry['action']): AuditEntry {
  return {
    id: `revision-audit-${Date.now().toString(36)}-${counter++}`,
    planId: plan.id,
    at: startedAt,
    action,
    actor: coordinator,
    details: { title: plan.title },
  };
}

async function refusedWith(run: Promise<unknown>): Promise<DraftChangedError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DraftChangedError);
  return error as DraftChangedError;
}

/** The plan with its first measure renumbered and reworded, as a revision would change it. */
function revised(plan: Plan): Plan {
  const first = allMeasures(plan)[0];
  if (!first) throw new Error('the seed plan has no measures');
  return {
    ...replaceMeasure(plan, { ...first, number: `${first.number}-ny`, text: `${first.text} (revidert)` }),
    title: `${plan.title} – rullert`,
  };
}

export function describePlanVersionContract(store: () => StoreUnderTest, freshPlan: () => Plan): void {
  describe('plan revisions', () => {
    it('keeps one draft per plan, replaced only at the version it was read at', async () => {
      const plan = freshPlan();
      const { versions, audit: trail } = store();
      expect(await versions.getDraft(plan.id)).toBeUndefined();
      const started = await versions.saveDraft(
        { plan, startedAt, startedBy: coordinator },
        undefined,
        audit(plan, 'revision-started'),
      );
      expect(started.version).toEqual(expect.any(String));
      expect(await versions.getDraft(plan.id)).toEqual<PlanDraft>({
        plan,
        version: started.version,
        startedAt,
        startedBy: coordinator,
      });

      // A second start, or a save naming a version that is gone, is refused with what is stored now.
      expect(
        (await refusedWith(versions.saveDraft({ plan, startedAt, startedBy: coordinator }, undefined))).current
          ?.version,
      ).toBe(started.version);
      const changed = await versions.saveDraft(
        { plan: revised(plan), startedAt, startedBy: coordinator },
        started.version,
      );
      expect(changed.version).not.toBe(started.version);
      expect(changed.plan).toEqual(revised(plan));
      const stale = await refusedWith(versions.saveDraft({ plan, startedAt, startedBy: coordinator }, started.version));
      expect(stale.current?.plan).toEqual(revised(plan));
      expect((await trail.listAudit(plan.id)).map((e) => e.action)).toEqual(['revision-started']);
    });

    it('discards a draft only at its version, and a new one can be started after', async () => {
      const plan = freshPlan();
      const { versions } = store();
      const started = await versions.saveDraft({ plan, startedAt, startedBy: coordinator }, undefined);
      await refusedWith(versions.discardDraft(plan.id, '"not-this-one"'));
      expect(await versions.getDraft(plan.id)).toBeDefined();
      await versions.discardDraft(plan.id, started.version, audit(plan, 'revision-discarded'));
      expect(await versions.getDraft(plan.id)).toBeUndefined();
      await refusedWith(versions.discardDraft(plan.id, started.version));
      const again = await versions.saveDraft({ plan, startedAt, startedBy: coordinator }, undefined);
      expect(again.version).not.toBe(started.version);
    });

    it('adopts a draft: the plan in force kept as a version, the draft the plan, the draft gone', async () => {
      const plan = freshPlan();
      const { versions, plans, audit: trail } = store();
      await plans.savePlan(plan);
      const draft = await versions.saveDraft({ plan: revised(plan), startedAt, startedBy: coordinator }, undefined);
      const archived: PlanVersion = {
        planId: plan.id,
        number: 1,
        plan,
        archivedAt: '2026-12-01T10:00:00.000Z',
        archivedBy: coordinator,
      };

      await refusedWith(versions.adoptDraft(draft.plan, archived, '"stale"'));
      expect(await plans.getPlan(plan.id)).toEqual(plan);
      expect(await versions.listVersions(plan.id)).toEqual([]);

      await versions.adoptDraft(draft.plan, archived, draft.version, audit(plan, 'revision-adopted'));
      expect(await plans.getPlan(plan.id)).toEqual(revised(plan));
      expect(await versions.getDraft(plan.id)).toBeUndefined();
      expect(await versions.getVersion(plan.id, 1)).toEqual(archived);
      expect(await versions.getVersion(plan.id, 2)).toBeUndefined();
      expect(await versions.listVersions(plan.id)).toEqual([
        {
          planId: plan.id,
          number: 1,
          title: plan.title,
          measures: allMeasures(plan).length,
          archivedAt: archived.archivedAt,
          archivedBy: coordinator,
        },
      ]);
      expect((await trail.listAudit(plan.id)).map((e) => e.action)).toEqual(['revision-adopted']);
      // Another plan's versions are its own.
      expect(await versions.listVersions(freshPlan().id)).toEqual([]);
    });

    it('erases a person from the plan in force, its draft and its earlier versions, naming the pseudonym', async () => {
      const { plans, versions } = store();
      const leaving = { userId: `leaving-${counter++}`, name: 'Gunn Sluttar' };
      const stays = { userId: 'user-s', name: 'Siri Blir' };
      const erased = { userId: 'erased:0123456789abcdef', name: 'Slettet person' };
      const base = freshPlan();
      const first = allMeasures(base)[0]!;
      const named = replaceMeasure(base, { ...first, responsiblePeople: [leaving, stays] });
      await plans.savePlan(named);
      const started = await versions.saveDraft({ plan: named, startedAt, startedBy: leaving }, undefined);
      await versions.adoptDraft(
        named,
        { planId: named.id, number: 1, plan: named, archivedAt: '2026-12-01T10:00:00.000Z', archivedBy: leaving },
        started.version,
      );
      await versions.saveDraft({ plan: revised(named), startedAt, startedBy: leaving }, undefined);

      expect(await eraseFromPlans({ plans, versions }, leaving.userId, erased)).toBeGreaterThanOrEqual(3);
      const everything = JSON.stringify([
        await plans.getPlan(named.id),
        await versions.getDraft(named.id),
        await versions.getVersion(named.id, 1),
        await versions.listVersions(named.id),
      ]);
      expect(everything).not.toContain(leaving.userId);
      expect(everything).not.toContain(leaving.name);
      expect(everything).toContain(stays.name);
      const version = await versions.getVersion(named.id, 1);
      expect(version?.archivedBy).toEqual(erased);
      expect(allMeasures(version!.plan)[0]?.responsiblePeople).toEqual([erased, stays]);
      expect((await versions.getDraft(named.id))?.startedBy).toEqual(erased);
      // The measures are otherwise as they were; a second run finds nothing left.
      expect(allMeasures(version!.plan).map((m) => m.text)).toEqual(allMeasures(named).map((m) => m.text));
      expect(await eraseFromPlans({ plans, versions }, leaving.userId, erased)).toBe(0);
    });
  });
}
