'use client';

import { useActionState } from 'react';
import { reissueQueryCodeAction } from '@/app/(portal)/track/actions';
import { buttonClass, ErrorSummary, TextField } from './fields';
import { emptyState, errorFor, type FormState } from './form-state';

/** "找回查询码": the tracking number in; a new code goes to the e-mail address given when applying. */
export function RecoverForm({ trackingNumber }: { trackingNumber?: string }) {
  const [state, action, pending] = useActionState<FormState<string>, FormData>(
    reissueQueryCodeAction,
    emptyState({ recoverTrackingNumber: trackingNumber ?? '' }),
  );
  return (
    <section aria-labelledby="recover-title" className="mt-10 max-w-xl border-t border-slate-300 pt-6">
      <h2 id="recover-title" className="text-xl font-bold">
        找回查询码
      </h2>
      <p className="mt-2 text-slate-700">
        查询码遗失的，输入受理编号，我们会把<strong>新的查询码</strong>发送到申请时登记的电子邮箱，原查询码随即失效。
        申请时未登记邮箱的，请联系办理部门。
      </p>
      {state.done ? (
        <p role="status" className="mt-4 border-l-4 border-brand-700 bg-white p-3" data-testid="recover-result">
          {state.done}
        </p>
      ) : (
        <form action={action} noValidate className="mt-4">
          <ErrorSummary errors={state.errors} />
          <TextField
            name="recoverTrackingNumber"
            label="受理编号"
            required
            defaultValue={state.values.recoverTrackingNumber}
            error={errorFor(state, 'recoverTrackingNumber')}
          />
          <button type="submit" className={buttonClass} disabled={pending}>
            发送新的查询码
          </button>
        </form>
      )}
    </section>
  );
}
