'use client';

import { useActionState } from 'react';
import { trackAction, type TrackResult } from '@/app/(portal)/apply/actions';
import { formatDate } from '@/components/format';
import { Timeline } from './timeline';
import { DeadlineNote } from './deadline-note';
import { buttonClass, ErrorSummary, TextField } from './fields';
import { emptyState, errorFor, type FormState } from './form-state';

/** Both codes in, the status timeline out; posts without JavaScript too. An e-mail's link fills in the number. */
export function TrackForm({ trackingNumber }: { trackingNumber?: string }) {
  const [state, action, pending] = useActionState<FormState<TrackResult>, FormData>(
    trackAction,
    emptyState(trackingNumber ? { trackingNumber } : {}),
  );
  return (
    <>
      <form action={action} noValidate className="max-w-xl">
        <ErrorSummary errors={state.errors} />
        <TextField
          name="trackingNumber"
          label="受理编号"
          required
          defaultValue={state.values.trackingNumber}
          error={errorFor(state, 'trackingNumber')}
        />
        <TextField
          name="queryCode"
          label="查询码"
          required
          defaultValue={state.values.queryCode}
          error={errorFor(state, 'queryCode')}
        />
        <button type="submit" className={buttonClass} disabled={pending}>
          查询
        </button>
      </form>
      {state.done ? <TrackResultView result={state.done} /> : null}
    </>
  );
}

function TrackResultView({ result }: { result: TrackResult }) {
  return (
    <section aria-labelledby="result-title" className="mt-8 max-w-3xl" data-testid="track-result">
      <h2 id="result-title" className="text-xl font-bold">
        {result.kindLabel}申请 {result.trackingNumber}
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="text-slate-600">当前状态</dt>
        <dd className="font-semibold" data-testid="track-status">
          {result.statusLabel}
        </dd>
        <dt className="text-slate-600">涉及主体</dt>
        <dd>{result.subjectName}</dd>
        <dt className="text-slate-600">办理部门</dt>
        <dd>{result.departmentName}</dd>
        {result.deadline ? (
          <>
            <dt className="text-slate-600">{result.deadlineKind === 'accept' ? '受理期限' : '办结期限'}</dt>
            <dd data-testid="track-deadline">
              {formatDate(result.deadline)}
              {result.workdaysLeft !== null
                ? result.workdaysLeft >= 0
                  ? `（还剩 ${result.workdaysLeft} 个工作日）`
                  : `（已超期 ${-result.workdaysLeft} 个工作日）`
                : null}
              <DeadlineNote note={result.deadlineNote} />
            </dd>
          </>
        ) : null}
        {result.decisionLabel ? (
          <>
            <dt className="text-slate-600">决定</dt>
            <dd className="font-semibold" data-testid="track-decision">
              {result.decisionLabel}
            </dd>
          </>
        ) : null}
        {result.decisionReasons ? (
          <>
            <dt className="text-slate-600">理由</dt>
            <dd>{result.decisionReasons}</dd>
          </>
        ) : null}
      </dl>
      <h3 className="mt-6 text-lg font-bold">办理过程</h3>
      <Timeline events={result.events} testId="track-timeline" />
    </section>
  );
}
