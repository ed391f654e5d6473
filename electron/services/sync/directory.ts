import { canReadCases } from '../../../shared/domain';
import { caseParent, type CustomerFacts } from './mapping';

/**
 * One account's customers as main knows them in this run: what discovery found (access,
 * organization, case scopes), which scope each case name belongs to, and which customers
 * a 403 asked to look at again. Lives beside the sync loop; the replica gets its own copy.
 */
export class Directory {
  private readonly byId = new Map<string, CustomerFacts>();
  /** Scope (`organizations/N`, and projects seen under it) → customer id. */
  private readonly owners = new Map<string, string>();
  /** When discovery last completed (0: not in this run). */
  loadedAt = 0;
  /** Customers a refusal asked to check again at the next discovery. */
  readonly recheck = new Set<string>();

  get size(): number {
    return this.byId.size;
  }

  customers(): CustomerFacts[] {
    return [...this.byId.values()];
  }

  customer(customerId: string): CustomerFacts | undefined {
    return this.byId.get(customerId);
  }

  has(customerId: string): boolean {
    return this.byId.has(customerId);
  }

  /** Replaces everything with a discovery's result. */
  replace(customers: readonly CustomerFacts[], now: number): void {
    const projects = [...this.owners].filter(([scope]) => scope.startsWith('projects/'));
    this.byId.clear();
    this.owners.clear();
    for (const facts of customers) this.put(facts);
    // Projects learnt from case names stay with their customer while it still has scopes.
    for (const [scope, owner] of projects) if ((this.byId.get(owner)?.scopes.length ?? 0) > 0) this.owners.set(scope, owner);
    this.loadedAt = now;
  }

  put(facts: CustomerFacts): void {
    this.byId.set(facts.customerId, facts);
    for (const scope of facts.scopes) this.owners.set(scope, facts.customerId);
  }

  /** Scopes to pull: those of customers whose cases this agent may read. */
  readableScopes(): { name: string; customerId: string }[] {
    return this.customers()
      .filter((facts) => canReadCases(facts.access))
      .flatMap((facts) => facts.scopes.map((name) => ({ name, customerId: facts.customerId })));
  }

  /** A case found while pulling `scope` (a project's cases come back under their organization's search). */
  learnCase(caseName: string, scope: string): void {
    const parent = caseParent(caseName);
    const owner = this.owners.get(scope);
    if (parent !== scope && owner !== undefined && !this.owners.has(parent)) this.owners.set(parent, owner);
  }

  /** The customer a case belongs to, by its parent; undefined for a case of no known scope. */
  customerOfCase(caseName: string): string | undefined {
    return this.owners.get(caseParent(caseName));
  }

  /** Where a new case for the customer is filed: its organization. */
  parentOf(customerId: string): string | undefined {
    return this.byId.get(customerId)?.orgName;
  }
}
