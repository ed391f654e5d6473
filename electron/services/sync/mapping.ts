import { actorEmail, type Attachment, type Case, type Comment, type Customer, type Subscription } from '../../../shared/api';
import { isCaseState, isPriority, type CustomerAccess } from '../../../shared/domain';
import {
  REPLICA_LIMITS as L,
  type ReplicaAttachment,
  type ReplicaCase,
  type ReplicaComment,
  type ReplicaCustomer,
} from '../../../shared/ipc';

// Wire format (shared/api) → the replica's shapes (shared/ipc/replica). One place, so
// the client and its tests agree on how Google's fields are read. Every field is cut to
// the replica's limits (REPLICA_LIMITS): one over-size value from the server must sync
// trimmed, not fail its page on every retry and stall the account.

/** `organizations/123/cases/456` → `organizations/123`; `projects/9/cases/1` → `projects/9`. */
export function caseParent(caseName: string): string {
  return caseName.split('/').slice(0, 2).join('/');
}

/** The string cut to `max` UTF-16 units, never splitting a surrogate pair. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function clipOptional(value: string | undefined, max: number): string | undefined {
  return value === undefined || value === '' ? undefined : clip(value, max);
}

/** Spread helper: `{ key: value }` only when the value is present (exactOptionalPropertyTypes). */
function some<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

const epoch = new Date(0).toISOString();

/** Names longer than the replica allows cannot be cut (they are identities): such a record is skipped. */
export function fitsReplica(name: string, max: number = L.name): boolean {
  return name.length > 0 && name.length <= max;
}

/**
 * A case as the replica keeps it. `customerId` comes from the scope the case was found in
 * (a project's cases belong to the project's organization's customer). Values this version
 * does not know are kept for display ("Other"), with the nearest safe value for the rules.
 */
export function toReplicaCase(wire: Case, customerId: string): ReplicaCase {
  const priority = wire.priority !== undefined && isPriority(wire.priority) ? wire.priority : 'P4';
  const state = wire.state !== undefined && isCaseState(wire.state) ? wire.state : 'STATE_UNSPECIFIED';
  const otherPriority = wire.priority !== undefined && !isPriority(wire.priority) && wire.priority !== 'PRIORITY_UNSPECIFIED';
  const otherState = wire.state !== undefined && !isCaseState(wire.state);
  const creatorEmail = actorEmail(wire.creator);
  return {
    name: wire.name,
    caseNumber: clip(wire.name.split('/').pop() ?? wire.name, L.caseNumber),
    customerId: clip(customerId, L.customerId),
    displayName: clip(wire.displayName ?? '', L.title),
    description: clip(wire.description ?? '', L.text),
    priority,
    state,
    ...some('otherState', otherState ? clip(wire.state ?? '', L.wireValue) : undefined),
    ...some('otherPriority', otherPriority ? clip(wire.priority ?? '', L.wireValue) : undefined),
    ...some('classificationId', clipOptional(wire.classification?.id, L.label)),
    ...some('classificationName', clipOptional(wire.classification?.displayName, L.label)),
    ...some('languageCode', clipOptional(wire.languageCode, L.languageCode)),
    ...some('timeZone', clipOptional(wire.timeZone, L.timeZone)),
    subscriberEmails: (wire.subscriberEmailAddresses ?? []).slice(0, L.subscribers).filter((email) => email.length <= L.email),
    ...some('contactEmail', clipOptional(wire.contactEmail, L.email)),
    ...some('creatorEmail', creatorEmail && creatorEmail.length <= L.email ? creatorEmail : undefined),
    ...some('creatorName', clipOptional(wire.creator?.displayName, L.personName)),
    escalated: wire.escalated ?? false,
    createTime: wire.createTime ?? wire.updateTime ?? epoch,
    updateTime: wire.updateTime ?? wire.createTime ?? epoch,
  };
}

export function toReplicaComment(wire: Comment, caseName: string): ReplicaComment {
  const creatorEmail = actorEmail(wire.creator);
  return {
    name: wire.name,
    caseName,
    body: clip(wire.body ?? wire.plainTextBody ?? '', L.text),
    createTime: wire.createTime ?? epoch,
    ...some('creatorName', clipOptional(wire.creator?.displayName, L.personName)),
    ...some('creatorEmail', creatorEmail && creatorEmail.length <= L.email ? creatorEmail : undefined),
    googleSupport: wire.creator?.googleSupport ?? false,
  };
}

export function toReplicaAttachment(wire: Attachment, caseName: string): ReplicaAttachment {
  const creatorEmail = actorEmail(wire.creator);
  const size = Number(wire.sizeBytes ?? 0);
  return {
    name: wire.name,
    caseName,
    filename: clip(wire.filename || (wire.name.split('/').pop() ?? 'attachment'), L.filename),
    mimeType: clip(wire.mimeType || 'application/octet-stream', L.mimeType),
    sizeBytes: Number.isSafeInteger(size) && size >= 0 ? size : 0,
    createTime: wire.createTime ?? epoch,
    ...some('creatorEmail', creatorEmail && creatorEmail.length <= L.email ? creatorEmail : undefined),
  };
}

/** What discovery learned about one customer (electron/services/sync/discovery.ts). */
export interface CustomerFacts {
  readonly customerId: string;
  /** From the Reseller API customer, or the subscriptions when the customer itself is refused. */
  readonly customer: Customer | undefined;
  readonly customerDomain: string | undefined;
  readonly subscriptions: readonly Subscription[];
  readonly access: CustomerAccess;
  readonly orgName: string | undefined;
  readonly scopes: readonly string[];
  readonly checkedAt: number;
}

/** A customer as the console shows it: the Reseller API's facts plus the access Google's answers showed. */
export function toReplicaCustomer(facts: CustomerFacts): ReplicaCustomer {
  const { customer, subscriptions } = facts;
  const domain = customer?.customerDomain ?? facts.customerDomain ?? subscriptions[0]?.customerDomain ?? facts.customerId;
  const admin = customer?.primaryAdmin?.primaryEmail ?? customer?.alternateEmail;
  return {
    customerId: clip(facts.customerId, L.customerId),
    domain: clip(domain, L.domain),
    ...some('orgName', facts.orgName && facts.orgName.length <= L.domain ? facts.orgName : undefined),
    ...(facts.scopes.length > 0 ? { scopes: facts.scopes.filter((scope) => scope.length <= L.domain).slice(0, L.scopes) } : {}),
    displayName: clip(customer?.postalAddress?.organizationName || domain, L.displayName),
    access: facts.access,
    ...(subscriptions.some((subscription) => subscription.status === 'SUSPENDED') ? { suspended: true } : {}),
    accessCheckedAt: new Date(facts.checkedAt).toISOString(),
    ...some('adminContactEmail', admin && admin.length <= L.email ? admin : undefined),
    skuNames: [...new Set(subscriptions.map((subscription) => clip(subscription.skuName ?? subscription.skuId, L.skuName)))].slice(
      0,
      L.skuNames,
    ),
  };
}
