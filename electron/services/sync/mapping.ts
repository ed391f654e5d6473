import type { Attachment, Case, Comment, Customer, Subscription } from '../../../shared/api';
import { isCaseState, isPriority } from '../../../shared/domain';
import type { ReplicaAttachment, ReplicaCase, ReplicaComment, ReplicaCustomer } from '../../../shared/ipc';

// Wire format (shared/api) → the replica's shapes (shared/ipc/replica). One place, so
// the client and its tests agree on how Google's fields are read.

/** `organizations/123/cases/456` → `organizations/123`. */
export function caseParent(caseName: string): string {
  return caseName.split('/').slice(0, 2).join('/');
}

export function toReplicaCase(wire: Case, customerIdByOrg: ReadonlyMap<string, string>): ReplicaCase {
  const priority = wire.priority && isPriority(wire.priority) ? wire.priority : 'P4';
  const state = wire.state && isCaseState(wire.state) ? wire.state : 'STATE_UNSPECIFIED';
  return {
    name: wire.name,
    caseNumber: wire.name.split('/').pop() ?? wire.name,
    customerId: customerIdByOrg.get(caseParent(wire.name)) ?? '',
    displayName: wire.displayName ?? '',
    description: wire.description ?? '',
    priority,
    state,
    ...(wire.classification?.id ? { classificationId: wire.classification.id } : {}),
    ...(wire.classification?.displayName ? { classificationName: wire.classification.displayName } : {}),
    ...(wire.languageCode ? { languageCode: wire.languageCode } : {}),
    ...(wire.timeZone ? { timeZone: wire.timeZone } : {}),
    subscriberEmails: wire.subscriberEmailAddresses ?? [],
    ...(wire.contactEmail ? { contactEmail: wire.contactEmail } : {}),
    ...(wire.creator?.email ? { creatorEmail: wire.creator.email } : {}),
    ...(wire.creator?.displayName ? { creatorName: wire.creator.displayName } : {}),
    escalated: wire.escalated ?? false,
    createTime: wire.createTime ?? wire.updateTime ?? new Date(0).toISOString(),
    updateTime: wire.updateTime ?? wire.createTime ?? new Date(0).toISOString(),
  };
}

export function toReplicaComment(wire: Comment, caseName: string): ReplicaComment {
  return {
    name: wire.name,
    caseName,
    body: wire.body ?? wire.plainTextBody ?? '',
    createTime: wire.createTime ?? new Date(0).toISOString(),
    ...(wire.creator?.displayName ? { creatorName: wire.creator.displayName } : {}),
    ...(wire.creator?.email ? { creatorEmail: wire.creator.email } : {}),
    googleSupport: wire.creator?.googleSupport ?? false,
  };
}

export function toReplicaAttachment(wire: Attachment, caseName: string): ReplicaAttachment {
  return {
    name: wire.name,
    caseName,
    filename: wire.filename ?? wire.name.split('/').pop() ?? 'attachment',
    mimeType: wire.mimeType ?? 'application/octet-stream',
    sizeBytes: Number(wire.sizeBytes ?? 0),
    createTime: wire.createTime ?? new Date(0).toISOString(),
    ...(wire.creator?.email ? { creatorEmail: wire.creator.email } : {}),
  };
}

/**
 * A customer as the console shows it. Google's Reseller API says nothing of
 * reseller access or support tier; the sandbox adds `sandboxSupportProfile`.
 * Without it a listed customer is taken as authorised, standard tier (the
 * server still refuses what it must).
 */
export function toReplicaCustomer(
  customer: Customer,
  subscriptions: readonly Subscription[],
  orgName: string | undefined,
): ReplicaCustomer {
  const profile = customer.sandboxSupportProfile;
  return {
    customerId: customer.customerId,
    domain: customer.customerDomain,
    ...(orgName ? { orgName } : {}),
    displayName: customer.postalAddress?.organizationName ?? customer.customerDomain,
    access: profile && !profile.resellerAccessAuthorized ? 'not_authorized' : 'authorized',
    tier: profile?.supportTier === 'PREMIUM' ? 'premium' : 'standard',
    ...(customer.primaryAdmin?.primaryEmail
      ? { adminContactEmail: customer.primaryAdmin.primaryEmail }
      : customer.alternateEmail
        ? { adminContactEmail: customer.alternateEmail }
        : {}),
    skuNames: [...new Set(subscriptions.map((subscription) => subscription.skuName ?? subscription.skuId))],
  };
}
