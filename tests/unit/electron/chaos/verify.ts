// What the server must show after the chaos run, counted as lost (effect missing) or
// duplicated (applied twice). Reads the sandbox's own records, or its API with a minted token.
import type { SandboxHandle } from '../../../../electron/sandbox';
import type { ChaosExpectations } from './plan';

export interface ChaosOutcome {
  lost: string[];
  duplicated: string[];
}

async function attachmentsOf(sandbox: SandboxHandle, caseName: string, token: string): Promise<{ filename?: string }[]> {
  const all: { filename?: string }[] = [];
  let pageToken = '';
  do {
    const url = new URL(`${sandbox.baseUrl}/v2/${caseName}/attachments`);
    url.searchParams.set('pageSize', '100');
    if (pageToken) url.searchParams.set('pageToken', pageToken);
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`listing attachments of ${caseName}: HTTP ${response.status}`);
    const page = (await response.json()) as { attachments?: { filename?: string }[]; nextPageToken?: string };
    all.push(...(page.attachments ?? []));
    pageToken = page.nextPageToken ?? '';
  } while (pageToken);
  return all;
}

export async function verifyServer(
  sandbox: SandboxHandle,
  expected: ChaosExpectations,
  emailOfCase: (caseName: string) => string,
): Promise<ChaosOutcome> {
  const outcome: ChaosOutcome = { lost: [], duplicated: [] };
  const once = (what: string, count: number): void => {
    if (count === 0) outcome.lost.push(what);
    if (count > 1) outcome.duplicated.push(`${what} ×${count}`);
  };
  for (const [body, caseName] of expected.comments)
    once(`comment ${body}`, sandbox.admin.listAllComments(caseName).filter((comment) => comment.body === body).length);
  for (const [caseName, priority] of expected.priority)
    if (sandbox.admin.getCase(caseName)?.priority !== priority) outcome.lost.push(`priority ${priority} of ${caseName}`);
  for (const [caseName, emails] of expected.subscribers) {
    const actual = [...(sandbox.admin.getCase(caseName)?.subscriberEmailAddresses ?? [])].sort().join(',');
    if (actual !== [...emails].sort().join(',')) outcome.lost.push(`subscribers of ${caseName}: ${actual}`);
  }
  for (const caseName of expected.closed) if (sandbox.admin.getCase(caseName)?.state !== 'CLOSED') outcome.lost.push(`close ${caseName}`);
  for (const caseName of expected.reopened)
    if (sandbox.admin.getCase(caseName)?.state === 'CLOSED') outcome.lost.push(`reopen ${caseName}`);
  for (const caseName of expected.escalated) if (!sandbox.admin.getCase(caseName)?.escalated) outcome.lost.push(`escalate ${caseName}`);
  const tokens = new Map<string, string>();
  for (const [filename, { caseName }] of expected.uploads) {
    const email = emailOfCase(caseName);
    const token = tokens.get(email) ?? sandbox.admin.mintTokens(email).accessToken;
    tokens.set(email, token);
    once(`upload ${filename}`, (await attachmentsOf(sandbox, caseName, token)).filter((a) => a.filename === filename).length);
  }
  return outcome;
}
