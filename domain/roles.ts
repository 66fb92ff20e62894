// Roles and who acts in them. Which role may give which command is written beside each command's rule
// (steps/); the groups below are the ones practice uses again and again.

export const ROLES = ['operator', 'case_manager', 'supervisor', 'admin', 'partner', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a bearer token may carry: everyone but the system itself. */
export const TOKEN_ROLES = ['operator', 'case_manager', 'supervisor', 'admin', 'partner'] as const satisfies readonly Role[];
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** Staff who work with cases; partners reach Sigap only through their callbacks. */
export const STAFF = ['operator', 'case_manager', 'supervisor', 'admin'] as const satisfies readonly TokenRole[];
/** Those who carry cases: assess, refer, visit. */
export const WORKERS = ['case_manager', 'supervisor'] as const satisfies readonly Role[];
export const SUPERVISORS = ['supervisor'] as const satisfies readonly Role[];

/** Someone acting on a case: an opaque staff id (never a name) and the role they act in. */
export interface Actor {
  id: string;
  role: Role;
}

export const SYSTEM_ACTOR: Actor = { id: 'sigap', role: 'system' };
