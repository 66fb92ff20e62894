// Staff roles. Who may do what is decided per command by the workflow's validators.

export const ROLES = ['operator', 'case_manager', 'supervisor', 'admin', 'partner', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Someone acting on a case: an opaque staff id (never a name) and the role they act in. */
export interface Actor {
  id: string;
  role: Role;
}

export const SYSTEM_ACTOR: Actor = { id: 'sigap', role: 'system' };
