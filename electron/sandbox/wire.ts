import { toRfc3339, type Actor, type Attachment, type Case, type Comment } from '../../shared/api';
import type { Store } from './store';
import type { ActorRec, AttachmentRec, CaseRec, CommentRec } from './world';

// Records → proto3-JSON: camelCase, RFC 3339 UTC, default values omitted.

export function actorJson(a: ActorRec): Actor {
  if (a.googleSupport === true) return { displayName: a.displayName, googleSupport: true };
  const out: Actor = { displayName: a.displayName };
  if (a.email !== undefined) {
    out.email = a.email;
    out.username = a.email;
  }
  return out;
}

export function caseJson(store: Store, rec: CaseRec): Case {
  const out: Case = { name: rec.name };
  if (rec.displayName !== '') out.displayName = rec.displayName;
  if (rec.description !== '') out.description = rec.description;
  const cls = store.world.classifications.find((c) => c.id === rec.classificationId);
  out.classification = cls === undefined ? { id: rec.classificationId } : { id: cls.id, displayName: cls.displayName };
  if (rec.timeZone !== '') out.timeZone = rec.timeZone;
  if (rec.subscribers.length > 0) out.subscriberEmailAddresses = [...rec.subscribers];
  out.state = rec.state;
  out.createTime = toRfc3339(rec.createTime);
  out.updateTime = toRfc3339(rec.updateTime);
  out.creator = actorJson(rec.creator);
  if (rec.contactEmail !== undefined && rec.contactEmail !== '') out.contactEmail = rec.contactEmail;
  if (rec.escalated) out.escalated = true;
  if (rec.testCase) out.testCase = true;
  if (rec.languageCode !== '') out.languageCode = rec.languageCode;
  if (rec.priority !== 'PRIORITY_UNSPECIFIED') out.priority = rec.priority;
  return out;
}

export function commentJson(rec: CaseRec, c: CommentRec): Comment {
  return {
    name: `${rec.name}/comments/${c.id}`,
    body: c.body,
    plainTextBody: c.body,
    createTime: toRfc3339(c.createTime),
    creator: actorJson(c.creator),
  };
}

export function attachmentJson(rec: CaseRec, a: AttachmentRec): Attachment {
  return {
    name: `${rec.name}/attachments/${a.id}`,
    filename: a.filename,
    mimeType: a.mimeType,
    sizeBytes: String(a.sizeBytes),
    createTime: toRfc3339(a.createTime),
    creator: actorJson(a.creator),
  };
}
