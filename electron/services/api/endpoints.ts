import { HELP_SEARCH_PATH } from '../../../shared/api';
import type { BackendKind } from '../../../shared/ipc';

// Where each API lives. Google's hosts in production; one loopback origin for the sandbox.

export type { BackendKind };

export interface BackendEndpoints {
  readonly kind: BackendKind;
  readonly cloudSupport: string;
  readonly upload: string;
  readonly reseller: string;
  readonly resourceManager: string;
  readonly issuer: string;
  /** Sandbox only: the capabilities document (Google publishes none; its defaults apply). */
  readonly capabilities?: string;
  readonly statusFeed: string;
  /** Sandbox only: the helpCenter extension's search (used only when capabilities say it is on). */
  readonly helpCenter?: string;
}

export const googleEndpoints: BackendEndpoints = {
  kind: 'google',
  cloudSupport: 'https://cloudsupport.googleapis.com/v2',
  upload: 'https://cloudsupport.googleapis.com/upload/v2',
  reseller: 'https://reseller.googleapis.com/apps/reseller/v1',
  resourceManager: 'https://cloudresourcemanager.googleapis.com/v3',
  issuer: 'https://accounts.google.com',
  statusFeed: 'https://www.google.com/appsstatus/dashboard/incidents.json',
};

export function sandboxEndpoints(baseUrl: string, issuer: string): BackendEndpoints {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    kind: 'sandbox',
    cloudSupport: `${base}/v2`,
    upload: `${base}/upload/v2`,
    reseller: `${base}/apps/reseller/v1`,
    resourceManager: `${base}/v3`,
    issuer,
    capabilities: `${base}/sandbox/capabilities`,
    statusFeed: `${base}/status/incidents.json`,
    helpCenter: `${base}${HELP_SEARCH_PATH}`,
  };
}
