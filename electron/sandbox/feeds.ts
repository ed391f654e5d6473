import { toRfc3339, type Incident, type IncidentUpdate } from '../../shared/api';

// The status feed (incidents.json shape of Google's status dashboards).

export const STATUS_FEED_PATH = '/status/incidents.json';

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
