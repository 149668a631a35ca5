// Who a signed-in staff member is, and the one place that says what each role may do (SPEC §7).

export type StaffRole = 'department' | 'office' | 'admin';

export interface StaffPrincipal {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  departmentId: number | null;
  /** The session's CSRF token, compared with the one each form sends back. */
  csrfToken: string;
  sessionId: string;
}

export const ROLE_LABELS: Record<StaffRole, string> = {
  department: '部门工作人员',
  office: '市联席会议办公室',
  admin: '系统管理员',
};

interface OwnedApplication {
  kind: string;
  departmentId: number;
}

/** Department staff see their own department's applications; the office sees every queue. */
export function canReadApplication(staff: StaffPrincipal, app: OwnedApplication): boolean {
  if (staff.role === 'office') return true;
  if (staff.role === 'department') return app.departmentId === staff.departmentId;
  return false;
}

/**
 * Department staff act on objections and repairs against their own department; the office
 * acts on complaints only (other departments' queues are read-only to it); admins on none.
 */
export function canActOnApplication(staff: StaffPrincipal, app: OwnedApplication): boolean {
  if (staff.role === 'department') return app.kind !== 'complaint' && app.departmentId === staff.departmentId;
  if (staff.role === 'office') return app.kind === 'complaint';
  return false;
}

/** Records (licensing, penalty, list entries) belong to the department that produced them. */
export function canManageRecord(staff: StaffPrincipal, record: { departmentId: number }): boolean {
  return staff.role === 'department' && record.departmentId === staff.departmentId;
}

/** Department staff import for their own department; the office and admins for any department they choose. */
export function canImportFor(staff: StaffPrincipal, departmentId: number): boolean {
  if (staff.role === 'department') return departmentId === staff.departmentId;
  return staff.role === 'office' || staff.role === 'admin';
}

/** Import history and error reports: the department's own, or every department's for the office and admins. */
export function canReadImport(staff: StaffPrincipal, imp: { departmentId: number }): boolean {
  return canImportFor(staff, imp.departmentId);
}
