import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/applications/sign-in-form';
import { firstParam } from '@/components/query-string';
import { currentStaff } from '../_lib/session';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '@/server/auth/service';

export const dynamic = 'force-dynamic';
export const metadata = { title: '登录' };

const NOTICES: Record<string, string> = {
  'signed-out': '您已退出登录。',
  'signed-out-everywhere': '您已在所有设备上退出登录。',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await currentStaff()) redirect('/admin');
  const notice = NOTICES[firstParam((await searchParams).notice) ?? ''];
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">工作人员登录</h1>
      {notice ? (
        <p role="status" className="mb-4 border-l-4 border-honor-700 bg-white p-3">
          {notice}
        </p>
      ) : null}
      <SignInForm />
      <p className="mt-6 max-w-md text-sm text-slate-700">
        在同一网络连续 {MAX_FAILED_LOGINS} 次输入错误的密码后，须等待 {LOCK_MINUTES} 分钟才能再试；账号本身不会被锁定。
      </p>
    </>
  );
}
