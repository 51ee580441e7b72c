import { AppError } from '@/lib/errors';
import type { OrganisationKind } from '@/lib/organisation-kinds';

/** Who someone is in their organisation; the database's `role` enum is made from this list. */
export const roles = ['partner_admin', 'partner_member', 'support_agent', 'support_admin'] as const;
export type Role = (typeof roles)[number];

/**
 * Who may do what: the one permission table. Checked on the server by lib/authz.ts; the UI
 * only uses it to decide what to show.
 */
export const permissions = {
  /** Read and place orders of one's own organisation. */
  'orders:own': ['partner_admin', 'partner_member'],
  /** Manage one's own organisation's users. */
  'team:manage': ['partner_admin'],
  /** Create, list and revoke one's own organisation's API keys. */
  'apiKeys:manage': ['partner_admin'],
  /** List, create and revoke any organisation's API keys (a leaked key can be stopped at once). */
  'apiKeys:manage-any': ['support_admin'],
  /** Register, change, rotate, test and delete one's own organisation's webhook endpoints. */
  'webhooks:manage': ['partner_admin'],
  /** See any organisation's webhook endpoints and delivery logs, and disable or enable them (stop a runaway endpoint). */
  'webhooks:manage-any': ['support_admin'],
  /** Work the support queue: read every organisation's orders and fulfil them. */
  'support:queue': ['support_agent', 'support_admin'],
  /** Read every organisation's profile. */
  'organisations:read-any': ['support_agent', 'support_admin'],
  /** Partners, ECR catalogue, deadline settings, support users. */
  'admin:manage': ['support_admin'],
  /** Read partner applications, add notes, approve (create the organisation, invite its first admin) or decline them. */
  'applications:review': ['support_admin'],
  /** Read one's own organisation and its people. */
  'organisation:read-own': ['partner_admin', 'partner_member', 'support_agent', 'support_admin'],
  /** Edit one's own profile. */
  'profile:edit': ['partner_admin', 'partner_member', 'support_agent', 'support_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function roleCan(role: Role, permission: Permission) {
  return (permissions[permission] as readonly Role[]).includes(role);
}

/**
 * For operations in db/queries: refuses a caller without the permission with FORBIDDEN, so an
 * operation holds even if a page or action forgot its own check.
 */
export function assertCan(actor: { role: Role }, permission: Permission) {
  if (!roleCan(actor.role, permission)) throw new AppError('FORBIDDEN');
}

export const supportRoles = ['support_agent', 'support_admin'] as const satisfies readonly Role[];
export const partnerRoles = ['partner_admin', 'partner_member'] as const satisfies readonly Role[];
/** The roles that manage an organisation's people: one of them must always remain. */
export const adminRoles = ['partner_admin', 'support_admin'] as const satisfies readonly Role[];
export const isAdminRole = (role: Role) => (adminRoles as readonly Role[]).includes(role);

/** Whether someone may manage an organisation's people: a partner admin their own, a support admin any. */
export function mayManageTeam(actor: { role: Role; organisationId: string }, organisationId: string) {
  return roleCan(actor.role, 'admin:manage') || (roleCan(actor.role, 'team:manage') && actor.organisationId === organisationId);
}

/** Whether someone may manage an organisation's API keys: a partner admin their own, a support admin any. */
export function mayManageApiKeys(actor: { role: Role; organisationId: string }, organisationId: string) {
  return roleCan(actor.role, 'apiKeys:manage-any') || (roleCan(actor.role, 'apiKeys:manage') && actor.organisationId === organisationId);
}

/** Whether someone may see an organisation's webhooks and switch them off or on: a partner admin their own, a support admin any. */
export function mayOverseeWebhooks(actor: { role: Role; organisationId: string }, organisationId: string) {
  return roleCan(actor.role, 'webhooks:manage-any') || mayConfigureWebhooks(actor, organisationId);
}

/**
 * Whether someone may register, change, test, rotate or delete an organisation's endpoints: its
 * own partner admins only. Support sees the signing secrets of no one and sends nothing in a partner's name.
 */
export function mayConfigureWebhooks(actor: { role: Role; organisationId: string }, organisationId: string) {
  return roleCan(actor.role, 'webhooks:manage') && actor.organisationId === organisationId;
}

/** Support roles belong to Poplapay; partner roles to every other kind. */
export function roleFitsOrganisation(role: Role, kind: OrganisationKind) {
  return (supportRoles as readonly Role[]).includes(role) === (kind === 'poplapay');
}

/** Where a signed-in person lands first. */
export function homePathFor(role: Role) {
  return (supportRoles as readonly Role[]).includes(role) ? '/support' : '/orders';
}
