import type { StaffPrincipal } from '@/server/auth/principal';
import { inboxBadge } from '@/server/coordination/service';
import { createContext } from '@/server/trpc';

/** The header's links to joint-action tasks (with open and overdue counts) and webhooks. */
export async function TaskBadge({ staff }: { staff: StaffPrincipal }) {
  const ctx = await createContext({ staff });
  const counts = await inboxBadge(ctx.db, staff, ctx.today);
  return (
    <>
      {counts ? (
        <a href="/admin/tasks" className="underline" data-testid="task-badge">
          协同任务（待反馈 {counts.open}
          {counts.overdue > 0 ? `，逾期 ${counts.overdue}` : ''}）
        </a>
      ) : null}
      {staff.role === 'office' ? null : (
        <a href="/admin/webhooks" className="underline">
          推送订阅
        </a>
      )}
    </>
  );
}
