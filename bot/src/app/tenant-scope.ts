/**
 * Tenant isolation when one deployment serves several Entra ID tenants. Every request enters with
 * its tenant — the tab API from the token's `tid`, the bot from the activity's tenant — and runs
 * inside that tenant's scope (AsyncLocalStorage, so no use case has to pass it along). The plan
 * repository below answers inside a scope only with that tenant's plans; since every other record
 * (reports, rounds, substitutes, locks, audit) hangs off a plan and every use case reads the plan
 * first, another tenant's data is not there to be found. It fails closed: outside any scope it
 * shows no plan and saves none. The service's own work (reminder rounds, loading the demo plans) is
 * wired to the repository underneath and sees every plan, as it must.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import type { Measure, Plan } from '../domain/plan';
import type { Person } from '../domain/responsibility';
import type { Directory, PlanRepository, VersionedMeasure } from './ports';

const currentTenant = new AsyncLocalStorage<string>();

/**
 * Runs `work` as the tenant's. `undefined` means the deployment keeps no tenants apart (local
 * development): the work runs as it is. An empty tenant id is a tenant that owns nothing.
 */
export function inTenantScope<T>(tenantId: string | undefined, work: () => T): T {
  return tenantId === undefined ? work() : currentTenant.run(tenantId, work);
}

export class TenantScopedPlans implements PlanRepository {
  /**
   * `homeTenant`: the tenant that owns plans stored without one (every plan of a deployment that
   * began with a single tenant, and the demo plans).
   */
  constructor(
    private readonly inner: PlanRepository,
    private readonly homeTenant: string,
  ) {}

  async listPlans(): Promise<Plan[]> {
    return (await this.inner.listPlans()).filter((p) => this.visible(p));
  }

  async getPlan(planId: string): Promise<Plan | undefined> {
    const plan = await this.inner.getPlan(planId);
    return plan && this.visible(plan) ? plan : undefined;
  }

  async savePlan(plan: Plan, audit?: AuditEntry): Promise<void> {
    const tenant = currentTenant.getStore();
    if (!tenant) throw new DomainError('forbidden', { planId: plan.id });
    // Plan ids are shared by all tenants: one tenant can never replace another's plan.
    const existing = await this.inner.getPlan(plan.id);
    if (existing && !this.visible(existing)) throw new DomainError('plan-exists');
    const owner = tenant === this.homeTenant ? {} : { tenantId: tenant };
    return this.inner.savePlan({ ...plan, ...owner }, audit);
  }

  async getMeasure(planId: string, measureId: string): Promise<VersionedMeasure | undefined> {
    return (await this.getPlan(planId)) ? this.inner.getMeasure(planId, measureId) : undefined;
  }

  async updateMeasure(
    planId: string,
    measure: Measure,
    expectedVersion: string,
    audit?: AuditEntry,
  ): Promise<VersionedMeasure> {
    if (!(await this.getPlan(planId))) throw new DomainError('unknown-measure');
    return this.inner.updateMeasure(planId, measure, expectedVersion, audit);
  }

  private visible(plan: Plan): boolean {
    const tenant = currentTenant.getStore();
    return tenant !== undefined && tenant !== '' && (plan.tenantId ?? this.homeTenant) === tenant;
  }
}

/**
 * The directory as plans see tenants: a person of the home tenant carries no tenant id, as the home
 * tenant's plans carry none. Entra ID names every person's tenant, so without this a home-tenant
 * person would match no plan (or, keyed the other way, every tenant's).
 */
export class HomeTenantDirectory implements Directory {
  constructor(
    private readonly inner: Directory,
    private readonly homeTenant: string,
  ) {}

  async findPerson(userId: string): Promise<Person | undefined> {
    const person = await this.inner.findPerson(userId);
    return person && this.asPlansSeeIt(person);
  }

  async listPeople(): Promise<Person[]> {
    return (await this.inner.listPeople()).map((p) => this.asPlansSeeIt(p));
  }

  private asPlansSeeIt(person: Person): Person {
    if (person.tenantId !== this.homeTenant) return person;
    const { tenantId: _home, ...rest } = person;
    return rest;
  }
}
