import {
  HELP_LANGUAGES,
  HELP_SEARCH_PATH,
  toRfc3339,
  type Incident,
  type IncidentUpdate,
  type SandboxCapabilities,
} from '../../shared/api';

// The status feed (incidents.json shape of Google's status dashboards) and the
// capabilities document that tells the client what this backend supports.

export const STATUS_FEED_PATH = '/status/incidents.json';
export const CAPABILITIES_PATH = '/sandbox/capabilities';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One incident whose updates are an hour apart, newest first; resolved `endAgo` before `startMs` when given. */
function incident(
  startMs: number,
  id: string,
  service: string,
  key: string,
  beginAgo: number,
  endAgo: number | undefined,
  status: IncidentUpdate['status'],
  severity: Incident['severity'],
  desc: string,
  texts: string[],
): Incident {
  const begin = startMs - beginAgo;
  const updates: IncidentUpdate[] = texts
    .map((text, i) => {
      const at = toRfc3339(begin + i * HOUR);
      const last = i === texts.length - 1;
      return { created: at, modified: at, when: at, text, status: last && endAgo !== undefined ? 'AVAILABLE' : status };
    })
    .reverse();
  const latest = updates[0] as IncidentUpdate;
  const inc: Incident = {
    id,
    number: String(Math.abs(Number.parseInt(id.slice(0, 8), 36)) % 100000),
    begin: toRfc3339(begin),
    created: toRfc3339(begin),
    modified: latest.modified,
    external_desc: desc,
    updates,
    most_recent_update: latest,
    status_impact: status,
    severity,
    service_key: key,
    service_name: service,
    affected_products: [{ title: service, id: key }],
    uri: `incidents/${id}`,
  };
  if (endAgo !== undefined) inc.end = toRfc3339(startMs - endAgo);
  return inc;
}

type IncidentArgs = Parameters<typeof incident> extends [number, ...infer Rest] ? Rest : never;

export function buildIncidents(startMs: number): Incident[] {
  const mk = (...args: IncidentArgs): Incident => incident(startMs, ...args);
  return [
    mk(
      'gmailDelay01',
      'Gmail',
      'gmail',
      2 * HOUR,
      undefined,
      'SERVICE_DISRUPTION',
      'medium',
      'Some users experience delayed mail delivery to external recipients',
      [
        'We are investigating reports of delayed outbound mail delivery for a subset of Google Workspace customers.',
        'Our engineering team has identified a mitigation and is rolling it out. Affected users may see delays of up to two hours.',
      ],
    ),
    mk(
      'driveShare02',
      'Google Drive',
      'drive',
      30 * HOUR,
      26 * HOUR,
      'SERVICE_DISRUPTION',
      'low',
      'Sharing dialog errors in Google Drive',
      [
        'Some users see an error when opening the sharing dialog in Google Drive.',
        'The issue with Google Drive has been resolved for all affected users.',
      ],
    ),
    mk(
      'meetAudio03',
      'Google Meet',
      'meet',
      5 * 24 * HOUR,
      5 * 24 * HOUR - 3 * HOUR,
      'SERVICE_OUTAGE',
      'high',
      'Google Meet calls fail to connect in Asia Pacific',
      [
        'Users in Asia Pacific cannot join Google Meet calls.',
        'We have identified the root cause and are applying a fix.',
        'The issue with Google Meet has been resolved. We will publish an analysis of this incident.',
      ],
    ),
    // History: resolved incidents of the last two months, so the status page has a past to filter.
    mk(
      'calendarSync04',
      'Google Calendar',
      'calendar',
      9 * DAY,
      9 * DAY - 4 * HOUR,
      'SERVICE_DISRUPTION',
      'medium',
      'Calendar invitations delayed for some users',
      [
        'Some users receive Google Calendar invitations with a delay.',
        'The issue with Google Calendar has been resolved for all affected users.',
      ],
    ),
    mk('gmailSend05', 'Gmail', 'gmail', 16 * DAY, 16 * DAY - 2 * HOUR, 'SERVICE_OUTAGE', 'high', 'Gmail users cannot send mail', [
      'Users are unable to send mail from Gmail.',
      'A fix is being rolled out.',
      'The issue with Gmail has been resolved. We apologize for the inconvenience.',
    ]),
    mk(
      'chatSpaces06',
      'Google Chat',
      'chat',
      23 * DAY,
      23 * DAY - 5 * HOUR,
      'SERVICE_INFORMATION',
      'low',
      'Messages in Google Chat spaces load slowly',
      ['Some users see slow loading of messages in Chat spaces.', 'The issue with Google Chat has been resolved.'],
    ),
    mk(
      'adminConsole07',
      'Admin console',
      'admin',
      34 * DAY,
      34 * DAY - 3 * HOUR,
      'SERVICE_DISRUPTION',
      'medium',
      'Admin console pages fail to load',
      ['Some administrators see errors when opening Admin console pages.', 'The issue with the Admin console has been resolved.'],
    ),
    mk(
      'driveUpload08',
      'Google Drive',
      'drive',
      47 * DAY,
      47 * DAY - 6 * HOUR,
      'SERVICE_DISRUPTION',
      'medium',
      'File uploads to Google Drive fail',
      ['Some users cannot upload files to Google Drive.', 'The issue with Google Drive has been resolved for all affected users.'],
    ),
  ];
}

export interface CapabilityInputs {
  reopenWindowDays: number;
  maxAttachmentBytes: number;
  now: number;
  /** The helpCenter extension is on (SandboxOptions.extensions). */
  helpCenter: boolean;
}

export function buildCapabilities(c: CapabilityInputs): SandboxCapabilities {
  return {
    kind: 'sandbox#capabilities',
    version: 1,
    reopen: {
      supported: true,
      method: 'POST /v2/{name}:reopen (sandbox extension; Google has no reopen method)',
      windowDays: c.reopenWindowDays,
    },
    escalation: { requiresPremiumSupport: true, requiredFields: ['escalation.reason', 'escalation.justification'] },
    attachments: { maxBytes: c.maxAttachmentBytes, deleteSupported: false },
    search: {
      scope:
        "Each reseller domain has its own organization (organizations:search?query=domain:{resellerDomain}); each customer has its own organization, the case parent. cases.search and cases.list on the reseller domain's organization return the cases of all of that domain's visible (not transferred) customers, like an organization search that includes its projects.",
      resellerOrgSearchIncludesCustomers: true,
      listIncludesCustomerCases: true,
      sortOrder: 'updateTime ascending, then name ascending (stable for update_time> watermark paging)',
      freeText:
        'quoted or bare phrases match displayName, description and comment text; all words must occur; case and accents are folded; CJK text matches by character bigrams',
      operatorPrecedence: 'AIP-160: OR binds tighter than AND; juxtaposition means AND; NOT and - negate',
      stateValues: ['OPEN', 'CLOSED', 'NEW', 'IN_PROGRESS_GOOGLE_SUPPORT', 'ACTION_REQUIRED', 'SOLUTION_PROVIDED'],
    },
    comments: { order: 'newest first' },
    closedCases: {
      mutable: false,
      note: 'patch, comment, escalate and upload on a CLOSED case fail with FAILED_PRECONDITION; reopen first',
    },
    customers: { supportProfileField: 'sandboxSupportProfile', unauthorizedCasesReadable: true },
    statusFeed: { path: STATUS_FEED_PATH, shape: 'Google status dashboard incidents.json: array of incidents, newest first' },
    clock: {
      now: toRfc3339(c.now),
      note: 'the sandbox clock runs at wall speed from its start time and can be advanced by the admin endpoint',
    },
    extensions: { helpCenter: { enabled: c.helpCenter, path: HELP_SEARCH_PATH, languages: [...HELP_LANGUAGES] } },
  };
}
