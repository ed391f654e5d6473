// Where a case lives in Google's own support portal. support.google.com is on main's
// allowlist of portal hosts; `authuser` picks the agent's account of this reseller domain
// in a browser signed in to several.

export function portalCaseUrl(caseNumber: string, agentEmail: string): string {
  const url = new URL(`https://support.google.com/a/cases/${encodeURIComponent(caseNumber)}`);
  if (agentEmail) url.searchParams.set('authuser', agentEmail);
  return url.toString();
}

/** The case number agents quote: the last segment of the server name. */
export function caseNumberOf(name: string): string {
  return name.split('/').pop() ?? name;
}
