import { SANDBOX_EXTENSIONS, toRfc3339, type SandboxCapabilities, type SandboxExtension } from '../../shared/api';
import { STATUS_FEED_PATH } from './feeds';
import { UNDOCUMENTED_CHOICES } from './undocumented';

// Extensions: behaviour Google does not document. Each is off unless the
// sandbox is started with it, and /sandbox/capabilities says which are on.

export type { SandboxExtension } from '../../shared/api';
export const CAPABILITIES_PATH = '/sandbox/capabilities';

const DESCRIPTIONS: Readonly<Record<SandboxExtension, string>> = {
  reopen:
    "POST /v2/{case}:reopen reopens a case closed less than reopenWindowDays ago. Google's API has no reopen method (the Customer Care portal offers reopening).",
  resellerAggregatedSearch:
    "A partner-gateway view Google does not offer: the reseller domain's own organization acts as the parent of its customers' organizations. organizations:search/get show every customer organization of the domain; cases.search/list under the reseller organization return every such customer's organization-level cases (not those filed under its projects); every case of those customers is readable whatever the customer's IAM policy, and writes need reseller access (403 RESELLER_ACCESS_NOT_AUTHORIZED otherwise).",
  supportProfileField:
    'Reseller API customers carry sandboxSupportProfile {resellerAccessAuthorized, supportTier}, a field Google does not have, and customers.get / subscriptions.get answer for customers that turned reseller access off instead of 403 forbidden.',
  adminEndpoint:
    'The admin and fault-injection HTTP endpoint on its own port (adminUrl, bearer adminToken). In-process tests use handle.admin instead.',
  helpCenter:
    "GET /sandbox/help/articles:search?query=…&languageCode=…&pageSize=1–20 ranks a five-language corpus of admin help articles by the words of a problem description. Google's help center is a web site with no API; its links here are help-center searches for the article's title.",
};

/**
 * The old conveniences the app's current sync (electron/services/sync/pull.ts)
 * still depends on. Every sandbox the app, the harness and the client tests
 * start turns these on explicitly, through this one constant. Delete it when
 * the client syncs per-customer scopes (issue 14); the conformance suite never
 * uses it.
 */
export const LEGACY_EXTENSIONS_FOR_CLIENT: readonly SandboxExtension[] = ['reopen', 'resellerAggregatedSearch', 'supportProfileField'];

export class Extensions {
  private readonly on: ReadonlySet<SandboxExtension>;

  constructor(enabled: Iterable<string> = []) {
    const on = new Set<SandboxExtension>();
    for (const name of enabled) {
      if (!(SANDBOX_EXTENSIONS as readonly string[]).includes(name))
        throw new Error(`unknown sandbox extension "${name}" (known: ${SANDBOX_EXTENSIONS.join(', ')})`);
      on.add(name as SandboxExtension);
    }
    this.on = on;
  }

  has(name: SandboxExtension): boolean {
    return this.on.has(name);
  }

  list(): SandboxExtension[] {
    return SANDBOX_EXTENSIONS.filter((n) => this.on.has(n));
  }
}

export interface CapabilityInputs {
  extensions: Extensions;
  reopenWindowDays: number;
  maxAttachmentBytes: number;
  now: number;
}

export function buildCapabilities(c: CapabilityInputs): SandboxCapabilities {
  return {
    kind: 'sandbox#capabilities',
    version: 2,
    extensions: Object.fromEntries(
      SANDBOX_EXTENSIONS.map((name) => [name, { enabled: c.extensions.has(name), description: DESCRIPTIONS[name] }]),
    ),
    reopenWindowDays: c.reopenWindowDays,
    maxAttachmentBytes: c.maxAttachmentBytes,
    searchOrder: 'updateTime ascending, then name ascending (stable for update_time> watermark paging)',
    undocumented: UNDOCUMENTED_CHOICES.map((u) => ({ ...u })),
    statusFeed: { path: STATUS_FEED_PATH, shape: 'Google status dashboard incidents.json: array of incidents, newest first' },
    clock: {
      now: toRfc3339(c.now),
      note: 'the sandbox clock runs at wall speed from its start time and can be advanced by the admin controls',
    },
  };
}
