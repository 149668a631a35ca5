import { notFound } from 'next/navigation';
import { firstParam } from '@/components/query-string';
import { ApiKeyForm } from '@/components/applications/api-key-form';
import { ROLE_LABELS } from '@/server/auth/principal';
import { staffCaller } from '../_lib/session';
import { createUserAction, revokeApiKeyAction } from '../actions';
import { noticeDetail } from '../_lib/notice';

export const dynamic = 'force-dynamic';
export const metadata = { title: '用户与 API 密钥' };

const NOTICES: Record<string, string> = {
  'user-created': '用户已创建。',
  'key-revoked': '密钥已撤销。',
  'key-not-revoked': '未能撤销密钥：该密钥不存在、已被撤销，或您无权撤销。请刷新页面后查看密钥状态。',
  conflict: '未能创建用户。',
  invalid: '提交的内容有误。',
};

const inputClass = 'rounded border border-slate-500 px-2 py-1';

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { staff, caller } = await staffCaller();
  if (staff.role !== 'admin') notFound();
  const [users, keys, departments] = await Promise.all([
    caller.staff.users(),
    caller.staff.apiKeys(),
    caller.staff.departments(),
  ]);
  const sp = await searchParams;
  const notice = NOTICES[firstParam(sp.notice) ?? ''];
  const message = notice ? await noticeDetail(firstParam(sp.ref)) : null;
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">用户与 API 密钥</h1>
      {notice ? (
        <div role="status" className="mb-4 border-l-4 border-brand-600 bg-white p-3">
          <p className="font-semibold">{notice}</p>
          {message ? <p>{message}</p> : null}
        </div>
      ) : null}
      <section aria-labelledby="users" className="mb-8">
        <h2 id="users" className="mb-2 text-lg font-bold">
          工作人员
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full bg-white text-sm">
            <thead>
              <tr className="border-b-2 border-slate-400 text-left">
                <th scope="col" className="p-2">
                  用户名
                </th>
                <th scope="col" className="p-2">
                  姓名
                </th>
                <th scope="col" className="p-2">
                  角色
                </th>
                <th scope="col" className="p-2">
                  部门
                </th>
                <th scope="col" className="p-2">
                  状态
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className="border-b border-slate-200">
                  <td className="p-2 font-mono">{u.username}</td>
                  <td className="p-2">{u.displayName}</td>
                  <td className="p-2">{ROLE_LABELS[u.role]}</td>
                  <td className="p-2">{u.departmentName ?? '—'}</td>
                  <td className="p-2">
                    {!u.active
                      ? '停用'
                      : u.lockedUntil && new Date(u.lockedUntil as unknown as string) > new Date()
                        ? '已锁定'
                        : '正常'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 className="mt-4 mb-2 font-bold">新建工作人员</h3>
        <form action={createUserAction} className="grid max-w-xl gap-3 rounded border border-slate-300 bg-white p-4">
          <input type="hidden" name="csrf" value={staff.csrfToken} />
          <label className="flex flex-col">
            用户名
            <input name="username" required className={inputClass} autoComplete="off" />
          </label>
          <label className="flex flex-col">
            姓名
            <input name="displayName" required className={inputClass} />
          </label>
          <label className="flex flex-col">
            初始密码（至少 12 位）
            <input
              name="password"
              type="password"
              required
              minLength={12}
              className={inputClass}
              autoComplete="new-password"
            />
          </label>
          <label className="flex flex-col">
            角色
            <select name="role" className={inputClass}>
              {Object.entries(ROLE_LABELS).map(([r, l]) => (
                <option key={r} value={r}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col">
            所属部门（部门工作人员必选）
            <select name="departmentId" className={inputClass}>
              <option value="">无</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="justify-self-start rounded bg-brand-700 px-4 py-1.5 font-semibold text-white"
          >
            创建
          </button>
        </form>
      </section>
      <section aria-labelledby="keys">
        <h2 id="keys" className="mb-2 text-lg font-bold">
          数据报送 API 密钥
        </h2>
        <p className="mb-2 text-sm text-slate-700">密钥只在生成时显示一次；系统只保存其 SHA-256 摘要。</p>
        {keys.length === 0 ? (
          <p className="mb-4">还没有密钥。</p>
        ) : (
          <ul className="mb-4 list-disc pl-5">
            {keys.map((k) => (
              <li key={k.id} className="mb-1">
                <span className="font-mono">{k.keyPrefix}…</span> {k.name}（{k.departmentName}）
                {k.revokedAt ? (
                  ' · 已撤销'
                ) : (
                  <form action={revokeApiKeyAction} className="ml-2 inline">
                    <input type="hidden" name="csrf" value={staff.csrfToken} />
                    <input type="hidden" name="id" value={k.id} />
                    <button type="submit" className="text-seal-700 underline">
                      撤销
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        <ApiKeyForm csrf={staff.csrfToken} departments={departments} />
      </section>
    </>
  );
}
