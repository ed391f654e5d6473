import {
  AttachmentSchema,
  CaseSchema,
  CommentSchema,
  ListAttachmentsResponseSchema,
  ListCommentsResponseSchema,
  SandboxCapabilitiesSchema,
  SearchCaseClassificationsResponseSchema,
  SearchCasesResponseSchema,
  SearchOrganizationsResponseSchema,
  SubscriptionsResponseSchema,
  CustomerSchema,
  type Case,
  type CaseInput,
  type CaseUpdateMaskPath,
  type EscalationReason,
  type SandboxCapabilities,
} from '../../../shared/api';
import type { BackendEndpoints } from './endpoints';
import type { HttpClient } from './http';

/**
 * The Google APIs the console calls, in their wire format (shared/api schemas):
 * Cloud Support v2, the Reseller API read path, Resource Manager org search.
 * The same client talks to Google and to the sandbox.
 */
export function createSupportClient(http: HttpClient, endpoints: BackendEndpoints) {
  const cs = endpoints.cloudSupport;
  return {
    searchCases: (parent: string, params: { query?: string; pageSize: number; pageToken?: string }) =>
      http.request(`${cs}/${parent}/cases:search`, {
        query: { query: params.query, pageSize: params.pageSize, pageToken: params.pageToken },
        schema: SearchCasesResponseSchema,
      }),
    getCase: (name: string) => http.request(`${cs}/${name}`, { schema: CaseSchema }),
    createCase: (parent: string, body: CaseInput) =>
      http.request(`${cs}/${parent}/cases`, { method: 'POST', json: body, schema: CaseSchema }),
    /** The update mask is always sent: without one, Google clears every patchable field not in the body. */
    patchCase: (name: string, body: Partial<Case>, updateMask: readonly CaseUpdateMaskPath[]) =>
      http.request(`${cs}/${name}`, { method: 'PATCH', query: { updateMask: updateMask.join(',') }, json: body, schema: CaseSchema }),
    closeCase: (name: string) => http.request(`${cs}/${name}:close`, { method: 'POST', json: {}, schema: CaseSchema }),
    /** Sandbox extension (Google's API has no reopen); only called when capabilities say so. */
    reopenCase: (name: string) => http.request(`${cs}/${name}:reopen`, { method: 'POST', json: {}, schema: CaseSchema }),
    escalateCase: (name: string, reason: EscalationReason, justification: string) =>
      http.request(`${cs}/${name}:escalate`, { method: 'POST', json: { escalation: { reason, justification } }, schema: CaseSchema }),
    listComments: (caseName: string, params: { pageSize: number; pageToken?: string }) =>
      http.request(`${cs}/${caseName}/comments`, {
        query: { pageSize: params.pageSize, pageToken: params.pageToken },
        schema: ListCommentsResponseSchema,
      }),
    createComment: (caseName: string, body: string) =>
      http.request(`${cs}/${caseName}/comments`, { method: 'POST', json: { body }, schema: CommentSchema }),
    listAttachments: (caseName: string, params: { pageSize: number; pageToken?: string }) =>
      http.request(`${cs}/${caseName}/attachments`, {
        query: { pageSize: params.pageSize, pageToken: params.pageToken },
        schema: ListAttachmentsResponseSchema,
      }),
    /** multipart/related upload: metadata part, then the bytes. */
    uploadAttachment: (
      caseName: string,
      file: { filename: string; mimeType: string; bytes: Uint8Array },
      onProgress?: (sentBytes: number, totalBytes: number) => void,
    ) => {
      const boundary = `rsc-${crypto.randomUUID()}`;
      const head = new TextEncoder().encode(
        `--${boundary}\r\ncontent-type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify({ attachment: { filename: file.filename } })}\r\n` +
          `--${boundary}\r\ncontent-type: ${file.mimeType || 'application/octet-stream'}\r\n\r\n`,
      );
      const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
      const body = new Uint8Array(head.byteLength + file.bytes.byteLength + tail.byteLength);
      body.set(head, 0);
      body.set(file.bytes, head.byteLength);
      body.set(tail, head.byteLength + file.bytes.byteLength);
      return http.request(`${endpoints.upload}/${caseName}/attachments`, {
        method: 'POST',
        query: { uploadType: 'multipart' },
        headers: { 'content-type': `multipart/related; boundary=${boundary}` },
        body,
        schema: AttachmentSchema,
        ...(onProgress ? { onUploadProgress: onProgress } : {}),
      });
    },
    downloadAttachment: (attachmentName: string) => http.raw(`${cs}/${attachmentName}:download`, { query: { alt: 'media' } }),
    searchClassifications: (query: string, pageSize = 100, pageToken?: string) =>
      http.request(`${cs}/caseClassifications:search`, {
        query: { query, pageSize, pageToken },
        schema: SearchCaseClassificationsResponseSchema,
      }),
    listSubscriptions: (params: { maxResults: number; pageToken?: string }) =>
      http.request(`${endpoints.reseller}/subscriptions`, {
        query: { maxResults: params.maxResults, pageToken: params.pageToken },
        schema: SubscriptionsResponseSchema,
      }),
    getCustomer: (customerId: string) =>
      http.request(`${endpoints.reseller}/customers/${encodeURIComponent(customerId)}`, { schema: CustomerSchema }),
    searchOrganizations: (query: string, pageToken?: string) =>
      http.request(`${endpoints.resourceManager}/organizations:search`, {
        query: { query, pageToken },
        schema: SearchOrganizationsResponseSchema,
      }),
  };
}

export type SupportClient = ReturnType<typeof createSupportClient>;

/** What the backend supports; Google publishes no document, so its defaults are fixed here. */
export async function loadCapabilities(
  fetchImpl: (url: string) => Promise<Response>,
  endpoints: BackendEndpoints,
): Promise<SandboxCapabilities | undefined> {
  if (!endpoints.capabilities) return undefined;
  const response = await fetchImpl(endpoints.capabilities);
  if (!response.ok) return undefined;
  const parsed = SandboxCapabilitiesSchema.safeParse(await response.json());
  return parsed.success ? parsed.data : undefined;
}
