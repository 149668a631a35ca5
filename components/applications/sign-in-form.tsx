'use client';

import { useActionState } from 'react';
import { signInAction, type SignInState } from '@/app/admin/actions';
import { buttonClass, ErrorSummary, TextField } from './fields';

export function SignInForm() {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { username: '', error: null });
  return (
    <form action={action} className="max-w-md">
      <ErrorSummary errors={state.error ? [{ field: 'username', message: state.error }] : []} />
      <TextField name="username" label="用户名" required defaultValue={state.username} autoComplete="username" />
      <TextField name="password" label="密码" type="password" required autoComplete="current-password" />
      <button type="submit" className={buttonClass} disabled={pending}>
        登录
      </button>
    </form>
  );
}
