import { currentStaff } from './_lib/session';
import { ROLE_LABELS } from '@/server/auth/principal';
import { signOutAction, signOutEverywhereAction } from './actions';
import { TaskBadge } from '@/components/admin/task-badge';

export const dynamic = 'force-dynamic';

export const metadata = {
  title: { default: '工作人员后台', template: '%s — 信用乐山工作人员后台' },
  robots: { index: false },
};

/** The back office frame: plain, with who is signed in and the sign-out buttons. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        跳到主要内容
      </a>
      <header className="bg-brand-900 text-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="text-lg font-bold">
            <a href="/admin" className="hover:underline">
              信用乐山 · 工作人员后台
            </a>
          </p>
          {staff ? (
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <span>
                {staff.displayName}（{ROLE_LABELS[staff.role]}）
              </span>
              <a href="/admin/imports" className="underline">
                数据导入
              </a>
              <TaskBadge staff={staff} />
              <a href="/admin/stats" className="underline">
                监测统计
              </a>
              <a href="/admin/audit" className="underline">
                审计日志
              </a>
              {staff.role === 'admin' ? (
                <>
                  <a href="/admin/users" className="underline">
                    用户与密钥
                  </a>
                  <a href="/admin/units" className="underline">
                    下属单位
                  </a>
                </>
              ) : (
                <>
                  <a href="/admin" className="underline">
                    申请队列
                  </a>
                  {staff.role === 'department' ? (
                    <a href="/admin/records" className="underline">
                      信息管理
                    </a>
                  ) : (
                    <a href="/admin/catalog" className="underline">
                      目录与曝光台
                    </a>
                  )}
                  {staff.role === 'office' ? (
                    <>
                      <a href="/admin/calendar" className="underline">
                        节假日安排
                      </a>
                      <a href="/admin/units" className="underline">
                        下属单位
                      </a>
                    </>
                  ) : null}
                </>
              )}
              <form action={signOutAction}>
                <input type="hidden" name="csrf" value={staff.csrfToken} />
                <button type="submit" className="rounded border border-white px-2 py-1">
                  退出
                </button>
              </form>
              <form action={signOutEverywhereAction}>
                <input type="hidden" name="csrf" value={staff.csrfToken} />
                <button type="submit" className="rounded border border-white px-2 py-1">
                  退出所有设备
                </button>
              </form>
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none">
        {children}
      </main>
    </>
  );
}
