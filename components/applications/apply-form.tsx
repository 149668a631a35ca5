'use client';

import { useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { chosenFilesProblem } from '@/server/applications/limits';
import { submitApplicationAction, type SubmitDone } from '@/app/(portal)/apply/actions';
import { materialField, REPAIR_MATERIAL_TEXT, type RepairMaterial } from '@/server/rules/repair-materials';
import { buttonClass, ErrorSummary, FileField, SelectField, TextField } from './fields';
import { emptyState, errorFor, type FormState } from './form-state';

interface Props {
  kind: 'objection' | 'repair' | 'complaint';
  idempotencyKey: string;
  record: { kind: string; id: number } | null;
  reasonCategories: readonly string[];
  submitLabel: string;
  /** Repair only: the materials the record's categories require (server/rules/repair-materials.ts). */
  materials?: readonly RepairMaterial[];
  /** Repair only: the record is not linked yet, so the proof depends on the penalty's categories. */
  materialsByCategory?: boolean;
}

/** What 情况说明 should say, per kind of application. */
const DESCRIPTION_HINTS: Record<Props['kind'], string> = {
  objection: '请说明公示信息哪里有误（如事实、金额、日期、主体），依据是什么，以及您希望如何更正。',
  repair: '请说明已如何纠正失信行为、履行了哪些义务（如缴清罚款的日期、完成整改的情况），以及今后的守信承诺。',
  complaint: '请说明对部门异议答复的哪些内容不满意、理由是什么，以及您希望如何处理。',
};
const ATTACHMENT_HINT = 'PDF、JPG 或 PNG，每个不超过 10 MB，全部附件最多 5 个。仅办理部门工作人员可查看。';

/** One application form; without JavaScript it posts as multipart and re-renders with errors. */
export function ApplyForm({
  kind,
  idempotencyKey,
  record,
  reasonCategories,
  submitLabel,
  materials = [],
  materialsByCategory = false,
}: Props) {
  const [state, action, pending] = useActionState<FormState<SubmitDone>, FormData>(
    submitApplicationAction,
    emptyState(),
  );
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.errors.length) summary.current?.querySelector<HTMLElement>('[role=alert]')?.focus();
  }, [state]);

  // With JavaScript, files that are too big or of the wrong type are reported before
  // anything is sent; without it, the server says the same on the returned form.
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const fileInputs = (form: HTMLFormElement | null) => [
    ...(form?.querySelectorAll<HTMLInputElement>('input[type=file]') ?? []),
  ];
  const checkFiles = (form: HTMLFormElement | null) => {
    const problem = chosenFilesProblem(fileInputs(form).flatMap((i) => [...(i.files ?? [])]));
    setFileProblem(problem);
    return problem;
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    if (checkFiles(e.currentTarget)) {
      e.preventDefault();
      e.currentTarget.querySelector<HTMLInputElement>('#attachments')?.focus();
    }
  };
  const onFileChange = (input: HTMLInputElement) => checkFiles(input.form);

  if (state.done) return <Confirmation done={state.done} />;
  const v = state.values;
  const err = (f: string) => (f === 'attachments' && fileProblem ? fileProblem : errorFor(state, f));
  const applicantType = v.applicantType ?? '';

  return (
    <form action={action} onSubmit={onSubmit} noValidate className="max-w-3xl">
      <div ref={summary}>
        <ErrorSummary errors={state.errors} />
      </div>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {record ? (
        <>
          <input type="hidden" name="recordKind" value={record.kind} />
          <input type="hidden" name="recordId" value={record.id} />
        </>
      ) : null}

      {kind === 'complaint' ? (
        <fieldset className="mb-6">
          <legend className="mb-2 text-lg font-bold">原异议申请</legend>
          <p className="mb-3 text-sm text-slate-700">投诉针对部门对异议的答复，请填写当时收到的受理编号和查询码。</p>
          <TextField
            name="parentTrackingNumber"
            label="原异议受理编号"
            required
            defaultValue={v.parentTrackingNumber}
            error={err('parentTrackingNumber')}
          />
          <TextField
            name="parentQueryCode"
            label="原异议查询码"
            required
            defaultValue={v.parentQueryCode}
            error={err('parentQueryCode')}
          />
        </fieldset>
      ) : record ? null : (
        <fieldset className="mb-6">
          <legend className="mb-2 text-lg font-bold">涉及的信息</legend>
          <TextField
            name="subject"
            label="主体名称或统一社会信用代码"
            hint="例如：乐山市嘉州食品有限公司，或 18 位统一社会信用代码"
            required
            defaultValue={v.subject}
            error={err('subject')}
          />
          <TextField
            name="documentNumber"
            label="决定文书号"
            hint="例如：乐市监处罚〔2024〕45号"
            required
            defaultValue={v.documentNumber}
            error={err('documentNumber')}
          />
        </fieldset>
      )}

      <fieldset className="mb-6" aria-describedby={err('applicantType') ? 'applicantType-error' : undefined}>
        <legend className="mb-2 text-lg font-bold">申请人</legend>
        {err('applicantType') ? (
          <p id="applicantType-error" className="font-semibold text-seal-700">
            <span className="sr-only">错误：</span>
            {err('applicantType')}
          </p>
        ) : null}
        <div className="mb-4 flex flex-wrap gap-6" id="applicantType" tabIndex={-1}>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="applicantType"
              value="organisation"
              defaultChecked={applicantType !== 'person'}
              className="size-5"
            />
            单位（企业、个体工商户、社会组织等）
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="applicantType"
              value="person"
              defaultChecked={applicantType === 'person'}
              className="size-5"
            />
            个人
          </label>
        </div>
        <details open={applicantType !== 'person'} className="mb-4 rounded border border-slate-300 p-4">
          <summary className="cursor-pointer font-semibold">单位申请人填写</summary>
          <div className="mt-3">
            <TextField
              name="orgName"
              label="单位名称"
              required
              defaultValue={v.orgName}
              error={err('orgName')}
              autoComplete="organization"
            />
            <TextField name="uscc" label="统一社会信用代码" required defaultValue={v.uscc} error={err('uscc')} />
            <TextField
              name="contactPerson"
              label="经办人姓名"
              required
              defaultValue={v.contactPerson}
              error={err('contactPerson')}
              autoComplete="name"
            />
            <TextField
              name="orgPhone"
              label="联系电话"
              type="tel"
              required
              defaultValue={v.orgPhone}
              error={err('orgPhone')}
              autoComplete="tel"
            />
            <TextField
              name="email"
              label="电子邮箱"
              type="email"
              defaultValue={v.email}
              error={err('email')}
              autoComplete="email"
            />
          </div>
        </details>
        <details open={applicantType === 'person'} className="rounded border border-slate-300 p-4">
          <summary className="cursor-pointer font-semibold">个人申请人填写</summary>
          <div className="mt-3">
            <TextField
              name="personName"
              label="姓名"
              required
              defaultValue={v.personName}
              error={err('personName')}
              autoComplete="name"
            />
            <TextField
              name="idNumber"
              label="身份证号码"
              hint="仅用于核实身份，加密保存，不会公开。"
              required
              defaultValue={v.idNumber}
              error={err('idNumber')}
            />
            <TextField
              name="personPhone"
              label="联系电话"
              type="tel"
              required
              defaultValue={v.personPhone}
              error={err('personPhone')}
              autoComplete="tel"
            />
          </div>
        </details>
      </fieldset>

      <fieldset className="mb-6">
        <legend className="mb-2 text-lg font-bold">申请内容</legend>
        <SelectField
          name="reasonCategory"
          label="申请事由"
          options={reasonCategories.map((c) => ({ value: c, label: c }))}
          defaultValue={v.reasonCategory}
          error={err('reasonCategory')}
        />
        <TextField
          name="description"
          label="情况说明"
          hint={DESCRIPTION_HINTS[kind]}
          multiline
          required
          defaultValue={v.description}
          error={err('description')}
        />
      </fieldset>
      {kind === 'repair' ? (
        <fieldset className="mb-6" data-testid="repair-materials">
          <legend className="mb-2 text-lg font-bold">申请材料</legend>
          <p className="mb-3 text-sm text-slate-700">
            按《如何申请信用修复》的要求，以下标“必交”的材料每项上传一个文件（扫描件或清晰照片）。{ATTACHMENT_HINT}
          </p>
          {materials.map((m) => (
            <FileField
              key={m}
              name={materialField(m)}
              label={REPAIR_MATERIAL_TEXT[m].label}
              hint={
                materialsByCategory && (m === 'payment' || m === 'rectification')
                  ? `${REPAIR_MATERIAL_TEXT[m].hint}${m === 'payment' ? '罚款、没收类处罚必交。' : '罚款、没收以外的处罚必交。'}`
                  : REPAIR_MATERIAL_TEXT[m].hint
              }
              required={materialsByCategory && (m === 'payment' || m === 'rectification') ? 'byCategory' : true}
              error={err(materialField(m))}
              onChange={onFileChange}
            />
          ))}
          <FileField
            name="attachments"
            label="其他材料"
            hint="其他能证明已纠正失信行为的材料，可选择多个文件。"
            multiple
            error={err('attachments')}
            onChange={onFileChange}
          />
        </fieldset>
      ) : (
        <FileField
          name="attachments"
          label="证明材料"
          hint={ATTACHMENT_HINT}
          multiple
          error={err('attachments')}
          onChange={onFileChange}
        />
      )}
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? '正在提交…' : submitLabel}
      </button>
    </form>
  );
}

function Confirmation({ done }: { done: SubmitDone }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      aria-labelledby="done-title"
      className="max-w-2xl border-4 border-honor-700 bg-white p-6"
      data-testid="confirmation"
    >
      <h2 id="done-title" ref={heading} tabIndex={-1} className="text-2xl font-bold text-honor-700">
        {done.kindLabel}申请已提交
      </h2>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-lg">
        <dt>受理编号</dt>
        <dd className="font-mono font-bold" data-testid="tracking-number">
          {done.trackingNumber}
        </dd>
        <dt>查询码</dt>
        <dd className="font-mono font-bold" data-testid="query-code">
          {done.queryCode}
        </dd>
      </dl>
      <p className="mt-4">
        请记下或打印本页：凭受理编号和查询码可在
        <a href="/track" className="text-brand-700 underline">
          办理进度查询
        </a>
        页面查看进度和结果。查询码只显示这一次。
      </p>
      <p className="mt-2 text-sm text-slate-700">
        部门应在 {done.acceptWithin} 个工作日内决定是否受理，受理后 {done.decideWithin}{' '}
        个工作日内作出决定。申请不收取任何费用。
      </p>
      {/* Without JavaScript it opens a print-friendly receipt with the same numbers (posted, never put in the address). */}
      <form method="post" action="/track/receipt" className="mt-4 print:hidden">
        <input type="hidden" name="trackingNumber" value={done.trackingNumber} />
        <input type="hidden" name="queryCode" value={done.queryCode} />
        <button
          type="submit"
          className={buttonClass}
          onClick={(e) => {
            e.preventDefault();
            window.print();
          }}
        >
          打印本页
        </button>
      </form>
    </section>
  );
}
