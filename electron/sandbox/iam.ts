import type { AgentRec, DomainRec } from './world';

// IAM the way Google models it for the APIs the console calls: an
// organization (and the projects under it, which inherit) carries bindings of
// a role to members; a call is allowed when one of the caller's identities is
// bound to a role that holds the method's permission. Role and permission
// names are Google's (Cloud Support "Tech Support Editor/Viewer", Resource
// Manager "Organization Viewer").

export const ROLES = {
  techSupportEditor: 'roles/cloudsupport.techSupportEditor',
  techSupportViewer: 'roles/cloudsupport.techSupportViewer',
  organizationViewer: 'roles/resourcemanager.organizationViewer',
} as const;
export type Role = (typeof ROLES)[keyof typeof ROLES];

export const PERMISSIONS = {
  casesList: 'cloudsupport.techCases.list',
  casesGet: 'cloudsupport.techCases.get',
  casesCreate: 'cloudsupport.techCases.create',
  casesUpdate: 'cloudsupport.techCases.update',
  casesEscalate: 'cloudsupport.techCases.escalate',
  organizationsGet: 'resourcemanager.organizations.get',
} as const;
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [ROLES.techSupportEditor]: [
    PERMISSIONS.casesList,
    PERMISSIONS.casesGet,
    PERMISSIONS.casesCreate,
    PERMISSIONS.casesUpdate,
    PERMISSIONS.casesEscalate,
  ],
  [ROLES.techSupportViewer]: [PERMISSIONS.casesList, PERMISSIONS.casesGet],
  [ROLES.organizationViewer]: [PERMISSIONS.organizationsGet],
};

/** One IAM binding: `members` are `user:EMAIL`, `group:EMAIL` or `domain:DOMAIN`. */
export interface Binding {
  role: Role;
  members: string[];
}

export interface GroupRec {
  email: string;
  members: string[];
}

/** Every member string that names this agent: the user, its groups and its domain. */
export function identitiesOf(agent: AgentRec, groups: readonly GroupRec[]): Set<string> {
  const ids = new Set([`user:${agent.email}`, `domain:${agent.domain}`]);
  for (const g of groups) if (g.members.includes(agent.email)) ids.add(`group:${g.email}`);
  return ids;
}

export function allows(bindings: readonly Binding[], identities: ReadonlySet<string>, permission: Permission): boolean {
  return bindings.some((b) => ROLE_PERMISSIONS[b.role].includes(permission) && b.members.some((m) => identities.has(m)));
}

/** Editor + Organization Viewer for the given members: what a customer grants a reseller's support staff. */
export function supportGrant(members: string[], readOnly = false): Binding[] {
  return [
    { role: readOnly ? ROLES.techSupportViewer : ROLES.techSupportEditor, members: [...members] },
    { role: ROLES.organizationViewer, members: [...members] },
  ];
}

export function supportGroupOf(domain: DomainRec | string): string {
  return `support-team@${typeof domain === 'string' ? domain : domain.domain}`;
}
