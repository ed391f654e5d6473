import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../../shared/api';
import {
  keywordCategoryMatcher,
  matchingIncidents,
  similarCases,
  suggestPriority,
  titleFromDescription,
} from '../../../../renderer/features/new-case/suggestions';
import { composeDescription, emptyDraft } from '../../../../renderer/features/new-case/new-case-form';
import { mergeIncidents } from '../../../../renderer/data/status-cache';
import { parseContactHeader } from '../../../../shared/domain';

const HOUR = 3_600_000;

/** Incidents in the status feed's shape: an ongoing Gmail one and a resolved Drive one. */
function buildIncidents(nowMs: number): Incident[] {
  const mk = (id: string, service: string, beginAgo: number, endAgo?: number): Incident => {
    const at = new Date(nowMs - beginAgo).toISOString();
    const update = { created: at, modified: at, when: at, text: `${service} update`, status: 'SERVICE_DISRUPTION' as const };
    return {
      id,
      number: id,
      begin: at,
      created: at,
      modified: at,
      ...(endAgo === undefined ? {} : { end: new Date(nowMs - endAgo).toISOString() }),
      external_desc: `${service} problem`,
      updates: [update],
      most_recent_update: update,
      status_impact: 'SERVICE_DISRUPTION',
      severity: 'medium',
      service_key: service.toLowerCase(),
      service_name: service,
      affected_products: [{ title: service, id: service.toLowerCase() }],
      uri: `incidents/${id}`,
    };
  };
  return [mk('gmail1', 'Gmail', 2 * HOUR), mk('drive1', 'Google Drive', 30 * HOUR, 26 * HOUR)];
}

const categories = [
  'Google Workspace > Gmail > Mail delivery',
  'Google Workspace > Account access > 2-Step Verification',
  'Google Workspace > Account access > Sign-in problems',
  'Google Workspace > Calendar > Invitations and resources',
].map((displayName, i) => ({ id: `c${i}`, displayName }));

describe('category suggestion from a description (five languages)', () => {
  it.each([
    ['External email is delayed for the sales team', 'Mail delivery'],
    ['客戶的郵件延遲了兩個小時', 'Mail delivery'],
    ['Les courriels sont retardés', 'Mail delivery'],
    ['User lost the phone for 2fa', '2-Step Verification'],
    ['Pengguna tidak bisa login', 'Sign-in problems'],
  ])('%s → %s', (text, leaf) => {
    expect(keywordCategoryMatcher.rank(categories, text, 1)[0]?.displayName).toContain(leaf);
  });
});

describe('title and priority hint', () => {
  it('takes the first sentence, shortened on a word boundary', () => {
    expect(titleFromDescription('Mail is delayed. It started at 9.')).toBe('Mail is delayed');
    const long = titleFromDescription(`${'word '.repeat(40)}end`);
    expect(long.length).toBeLessThanOrEqual(101);
    expect(long.endsWith('…')).toBe(true);
  });
  it('reads the P1–P4 cues: many users, one user, a workaround, cosmetic', () => {
    expect(suggestPriority('Outage: all users cannot send mail')?.priority).toBe('P1');
    expect(suggestPriority('一位使用者無法開啟郵件')?.priority).toBe('P2');
    expect(suggestPriority('Le bouton ne marche pas mais une solution de secours existe')?.priority).toBe('P3');
    expect(suggestPriority('The spell-check dictionary is awkward')?.priority).toBe('P4');
    expect(suggestPriority('Something')).toBeUndefined();
  });
});

describe('similar cases and matching incidents', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  const mk = (name: string, displayName: string, ageDays: number) => ({
    name,
    caseNumber: name,
    displayName,
    description: '',
    state: 'NEW',
    priority: 'P3' as const,
    updateTimeMs: now - ageDays * 86_400_000,
  });
  it('finds the customer’s recent case sharing the words, not an old one or an unrelated one', () => {
    const cases = [
      mk('1', 'Vault export stuck in progress', 3),
      mk('2', 'Vault export stuck in progress', 200),
      mk('3', 'Calendar room booking', 2),
    ];
    expect(similarCases(cases, 'Our vault export is stuck in progress since Monday', now).map((c) => c.name)).toEqual(['1']);
  });
  it('shows the current Gmail incident for a mail problem, never a resolved one', () => {
    const incidents = buildIncidents(now);
    expect(matchingIncidents(incidents, 'mail to external recipients is delayed', undefined).map((i) => i.service_name)).toEqual(['Gmail']);
    expect(matchingIncidents(incidents, 'Drive sharing dialog errors', undefined)).toEqual([]);
  });
  it('keeps resolved incidents the feed dropped as history, for 90 days', () => {
    const [current, recent] = buildIncidents(now);
    const old = { ...recent!, id: 'old', end: new Date(now - 100 * 86_400_000).toISOString() };
    const merged = mergeIncidents([recent!, old], [current!], now);
    expect(merged.map((i) => i.id)).toEqual([current!.id, recent!.id]);
  });
});

describe('the case description the form queues', () => {
  it('starts with the contact header, parsed back the same, and ends with the incident note', () => {
    const draft = {
      ...emptyDraft('Europe/Paris', 'fr'),
      description: 'Les e-mails sont retardés.',
      contactChannel: 'chat' as const,
      linkedIncident: {
        id: 'x',
        number: '123',
        serviceName: 'Gmail',
        description: 'Delays',
        begin: '2026-12-01T10:00:00Z',
        uri: 'incidents/x',
      },
    };
    const text = composeDescription(draft);
    const parsed = parseContactHeader(text);
    expect(parsed.preference).toEqual({ channel: 'chat', languageCode: 'fr' });
    expect(parsed.body.startsWith('Les e-mails sont retardés.')).toBe(true);
    expect(parsed.body).toContain('Status Dashboard incident 123 (Gmail');
    // Composing again never doubles the header.
    expect(parseContactHeader(parseContactHeader(composeDescription({ ...draft, description: text })).body).preference).toBeUndefined();
  });
});
