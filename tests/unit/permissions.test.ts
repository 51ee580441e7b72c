import { describe, expect, it } from 'vitest';
import { roles, type Role } from '@/lib/permissions';
import { homePathFor, roleCan, roleFitsOrganisation, type Permission } from '@/lib/permissions';

// The product brief's table of who may do what, restated independently of lib/permissions.
const expected: Record<Permission, Role[]> = {
  'orders:own': ['partner_admin', 'partner_member'],
  'team:manage': ['partner_admin'],
  'apiKeys:manage': ['partner_admin'],
  'apiKeys:manage-any': ['support_admin'],
  'webhooks:manage': ['partner_admin'],
  'webhooks:manage-any': ['support_admin'],
  'support:queue': ['support_agent', 'support_admin'],
  'organisations:read-any': ['support_agent', 'support_admin'],
  'admin:manage': ['support_admin'],
  'applications:review': ['support_admin'],
  'organisation:read-own': ['partner_admin', 'partner_member', 'support_agent', 'support_admin'],
  'profile:edit': ['partner_admin', 'partner_member', 'support_agent', 'support_admin'],
};

describe('permissions', () => {
  for (const [permission, allowed] of Object.entries(expected) as [Permission, Role[]][]) {
    it.each(roles)(`${permission}: %s`, (role) => {
      expect(roleCan(role, permission)).toBe(allowed.includes(role));
    });
  }

  it('keeps support roles in Poplapay and partner roles out of it', () => {
    expect(roleFitsOrganisation('support_agent', 'poplapay')).toBe(true);
    expect(roleFitsOrganisation('support_admin', 'reseller')).toBe(false);
    expect(roleFitsOrganisation('partner_admin', 'poplapay')).toBe(false);
    expect(roleFitsOrganisation('partner_member', 'ecr_supplier')).toBe(true);
  });

  it('sends partners to their orders and support to the queue', () => {
    expect(homePathFor('partner_member')).toBe('/orders');
    expect(homePathFor('support_agent')).toBe('/support');
  });
});
