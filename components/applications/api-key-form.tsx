'use client';

import { useActionState } from 'react';
import { createApiKeyAction } from '@/app/admin/actions';

/** Creates an API key and shows it once; only its hash is kept. */
export function ApiKeyForm({ csrf, departments }: { csrf: string; departments: { id: number; name: string }[] }) {
  const [state, action, pending] = useActionState(createApiKeyAction, {
    key: null as string | null,
    error: null as string | null,
  });
  return (
    <form action={action} className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4">
      <input type="hidden" name="csrf" value={csrf} />
      <label className="flex flex-col">
        所属部门
        <select name="departmentId" required className="rounded border border-slate-500 px-2 py-1">
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        用途
        <input name="name" required className="rounded border border-slate-500 px-2 py-1" />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded bg-brand-700 px-4 py-1.5 font-semibold text-white"
      >
        生成密钥
      </button>
      {state.error ? (
        <p role="alert" className="font-semibold text-seal-700">
          {state.error}
        </p>
      ) : null}
      {state.key ? (
        <p role="status" className="border-l-4 border-honor-700 p-2">
          新密钥（只显示这一次，请立即保存）：<code className="break-all font-mono">{state.key}</code>
        </p>
      ) : null}
    </form>
  );
}
