'use server';

import { clientIpFrom } from '@/server/rate-limit/service';
import { headers } from 'next/headers';
import { TRPCError } from '@trpc/server';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';
import { recordRefSchema, repairMaterialsSchema, submitSchema, trackSchema } from '@/server/applications/schema';
import { MissingRepairMaterials } from '@/server/applications/service';
import { materialField, REPAIR_MATERIALS, type RepairMaterial } from '@/server/rules/repair-materials';
import { checkAttachment, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '@/server/applications/attachments';
import { WORKDAY_DEFAULTS } from '@/server/rules/workdays';
import type { FieldError, FormState } from '@/components/applications/form-state';

// Server Actions behind the public forms: they work as plain multipart POSTs without
// JavaScript; on error the page renders again with what was typed and what is wrong.

export interface SubmitDone {
  trackingNumber: string;
  queryCode: string;
  kindLabel: string;
  acceptWithin: number;
  decideWithin: number;
}

const TEXT_FIELDS = [
  'kind',
  'idempotencyKey',
  'recordKind',
  'recordId',
  'subject',
  'documentNumber',
  'parentTrackingNumber',
  'parentQueryCode',
  'applicantType',
  'orgName',
  'uscc',
  'contactPerson',
  'orgPhone',
  'email',
  'personName',
  'idNumber',
  'personPhone',
  'reasonCategory',
  'description',
] as const;

/** Maps a schema path to the form control that holds it. */
function fieldOf(path: readonly PropertyKey[], applicantType: string): string {
  const [head, sub] = path.map(String);
  if (head === 'applicant') {
    const person = applicantType === 'person';
    switch (sub) {
      case 'name':
        return person ? 'personName' : 'orgName';
      case 'phone':
        return person ? 'personPhone' : 'orgPhone';
      case 'type':
        return 'applicantType';
      default:
        return sub ?? 'applicantType';
    }
  }
  if (head === 'record') return 'subject';
  return head ?? 'description';
}

async function clientOf(): Promise<string | null> {
  return clientIpFrom(await headers());
}

export async function submitApplicationAction(
  _prev: FormState<SubmitDone>,
  form: FormData,
): Promise<FormState<SubmitDone>> {
  const values: Record<string, string> = {};
  for (const f of TEXT_FIELDS) values[f] = String(form.get(f) ?? '');
  const applicantType = values.applicantType === 'person' ? 'person' : 'organisation';
  const repair = values.kind === 'repair';
  // A repair form has one file field per required material (material-…) beside 其他材料.
  const chosen = [
    ...(repair ? REPAIR_MATERIALS : []).flatMap((m) => filesIn(form, materialField(m)).map((file) => ({ file, m }))),
    ...filesIn(form, 'attachments').map((file) => ({ file, m: undefined })),
  ];
  const files = chosen.map((c) => c.file);
  const errors: FieldError[] = [];
  if (!values.applicantType) errors.push({ field: 'applicantType', message: '请选择申请人类型：单位或个人。' });
  if (files.length > MAX_ATTACHMENTS)
    errors.push({ field: 'attachments', message: `最多上传 ${MAX_ATTACHMENTS} 个附件。` });
  // Each file is checked here, beside the other fields, so one message lists every problem
  // and what was typed stays on the form (the post may carry up to 5 × 10 MB: next.config.ts).
  const uploads: { fileName: string; bytes: Uint8Array<ArrayBuffer>; material?: RepairMaterial }[] = [];
  const fileProblems: string[] = [];
  for (const { file: f, m } of chosen.slice(0, MAX_ATTACHMENTS)) {
    if (f.size > MAX_ATTACHMENT_BYTES) {
      fileProblems.push(`文件“${f.name}”超过 10 MB，请压缩或拆分后重新选择。`);
      continue;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    const checked = await checkAttachment(f.name, bytes);
    if (checked.ok) uploads.push(m ? { fileName: f.name, bytes, material: m } : { fileName: f.name, bytes });
    else fileProblems.push(checked.message);
  }
  if (fileProblems.length) errors.push({ field: 'attachments', message: fileProblems.join(' ') });

  const candidate = {
    kind: values.kind,
    idempotencyKey: values.idempotencyKey,
    record: values.recordKind && values.recordId ? { kind: values.recordKind, id: values.recordId } : undefined,
    subject: values.subject || undefined,
    documentNumber: values.documentNumber || undefined,
    parentTrackingNumber: values.parentTrackingNumber || undefined,
    parentQueryCode: values.parentQueryCode || undefined,
    applicant:
      applicantType === 'person'
        ? { type: 'person', name: values.personName, idNumber: values.idNumber, phone: values.personPhone }
        : {
            type: 'organisation',
            name: values.orgName,
            uscc: values.uscc,
            contactPerson: values.contactPerson,
            phone: values.orgPhone,
            email: values.email,
          },
    reasonCategory: values.reasonCategory,
    description: values.description,
  };
  const parsed = submitSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      errors.push({ field: fieldOf(issue.path, applicantType), message: issue.message });
  }
  const caller = createCaller(await createContext({ clientIp: await clientOf() }));
  const linked = repair ? recordRefSchema.safeParse(candidate.record) : null;
  if (linked?.success) {
    // The linked record's categories say which materials are required: each missing one is
    // reported beside its own file field, together with every other problem of the form.
    errors.push(...(await missingMaterials(caller, linked.data, chosen)));
  }
  if (!parsed.success || errors.length > 0) {
    if (files.length && !fileProblems.length)
      errors.push({ field: 'attachments', message: '为安全起见，附件没有保留，请重新选择。' });
    return { values, errors: dedupe(errors) };
  }
  try {
    const result = await caller.applications.submit({
      ...parsed.data,
      files: uploads,
    });
    const kindLabel = { objection: '异议', repair: '信用修复', complaint: '投诉' }[result.kind];
    return {
      values: {},
      errors: [],
      done: {
        trackingNumber: result.trackingNumber,
        queryCode: result.queryCode,
        kindLabel,
        acceptWithin: WORKDAY_DEFAULTS.acceptWithin,
        decideWithin: WORKDAY_DEFAULTS.decideWithin,
      },
    };
  } catch (err) {
    if (err instanceof TRPCError && err.cause instanceof MissingRepairMaterials) {
      return { values, errors: err.cause.problems };
    }
    if (err instanceof TRPCError && err.code !== 'INTERNAL_SERVER_ERROR') {
      const field =
        err.message.includes('附件') || err.message.includes('文件')
          ? 'attachments'
          : values.recordId
            ? 'description'
            : 'subject';
      return { values, errors: [{ field, message: err.message }] };
    }
    throw err;
  }
}

function filesIn(form: FormData, field: string): File[] {
  return form.getAll(field).filter((f): f is File => typeof f !== 'string' && f.size > 0);
}

type Caller = ReturnType<typeof createCaller>;

/** The required materials of the linked record that the form lacks, each on its own field. */
async function missingMaterials(
  caller: Caller,
  record: { kind: 'penalty' | 'licensing' | 'list_entry'; id: number },
  chosen: readonly { m: RepairMaterial | undefined }[],
): Promise<FieldError[]> {
  const found = await caller.applications.record(record).catch((err: unknown) => {
    if (err instanceof TRPCError && err.code === 'NOT_FOUND') return null;
    throw err;
  });
  if (!found) return [];
  const attached = chosen.flatMap((c) => (c.m ? [c.m] : []));
  const check = repairMaterialsSchema(found.repairMaterials).safeParse(attached);
  return check.success ? [] : check.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }));
}

/** One message per field, in the order the fields appear on the form. */
function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  const order = (f: string) => {
    const i = (TEXT_FIELDS as readonly string[]).indexOf(f);
    return i === -1 ? TEXT_FIELDS.length : i;
  };
  return errors
    .filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true)))
    .sort((a, b) => order(a.field) - order(b.field));
}

export type TrackResult = Awaited<ReturnType<ReturnType<typeof createCaller>['applications']['track']>>;

export async function trackAction(_prev: FormState<TrackResult>, form: FormData): Promise<FormState<TrackResult>> {
  const values = {
    trackingNumber: String(form.get('trackingNumber') ?? ''),
    queryCode: String(form.get('queryCode') ?? ''),
  };
  const parsed = trackSchema.safeParse(values);
  if (!parsed.success) {
    return { values, errors: parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })) };
  }
  try {
    const caller = createCaller(await createContext({ clientIp: await clientOf() }));
    return { values, errors: [], done: await caller.applications.track(parsed.data) };
  } catch (err) {
    if (err instanceof TRPCError && err.code !== 'INTERNAL_SERVER_ERROR') {
      return { values, errors: [{ field: 'trackingNumber', message: err.message }] };
    }
    throw err;
  }
}
