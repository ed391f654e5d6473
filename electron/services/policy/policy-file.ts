import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PolicyState } from '../../../shared/ipc';
import { policyFields, type Policy, type PolicyFieldName } from './policy-schema';

export interface LoadedPolicy {
  readonly file: string;
  readonly state: PolicyState;
  readonly policy: Policy;
  /** What was wrong with the file, one line each (shown in Settings and logged). */
  readonly problems: readonly string[];
}

/** No policy file: the agent decides everything. */
export const noPolicy: LoadedPolicy = { file: '', state: 'none', policy: {}, problems: [] };

const maxPolicyBytes = 64 * 1024;
const fileName = 'policy.json';

/** Where IT puts the policy on each OS; `RSC_POLICY_FILE` overrides it (tests, unusual deployments). */
export function defaultPolicyPath(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (env.RSC_POLICY_FILE) return env.RSC_POLICY_FILE;
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Reseller Support Console', fileName);
  if (platform === 'darwin') return path.posix.join('/Library/Application Support/Reseller Support Console', fileName);
  return path.posix.join('/etc/reseller-support-console', fileName);
}

/**
 * Reads the policy synchronously (it decides the proxy and the crash reporter, which must be
 * set before anything else starts). A missing file is no policy. A damaged file never stops the
 * app: unreadable JSON is ignored as a whole, a field that fails its schema is ignored on its
 * own, and every problem is reported.
 */
export function loadPolicy(file: string = defaultPolicyPath()): LoadedPolicy {
  let text: string;
  try {
    if (statSync(file).size > maxPolicyBytes) return invalid(file, [`The file is larger than ${maxPolicyBytes / 1024} KiB.`]);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { file, state: 'none', policy: {}, problems: [] };
    return invalid(file, [`The file cannot be read (${code ?? 'error'}).`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return invalid(file, [`The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return invalid(file, ['The file must hold one JSON object.']);
  return parseFields(file, raw as Record<string, unknown>);
}

function parseFields(file: string, raw: Record<string, unknown>): LoadedPolicy {
  const policy: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema' || key === 'comment') continue;
    if (!Object.hasOwn(policyFields, key)) {
      problems.push(`Unknown setting "${key}" was ignored.`);
      continue;
    }
    const parsed = policyFields[key as PolicyFieldName].safeParse(value);
    if (parsed.success) policy[key] = parsed.data;
    else problems.push(`"${key}" was ignored: ${parsed.error.issues.map((issue) => describeIssue(issue)).join('; ')}`);
  }
  const applied = Object.keys(policy).length > 0;
  return { file, state: problems.length > 0 ? 'invalid' : applied ? 'applied' : 'none', policy: policy as Policy, problems };
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

function invalid(file: string, problems: string[]): LoadedPolicy {
  return { file, state: 'invalid', policy: {}, problems };
}
