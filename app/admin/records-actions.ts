'use server';

import { runStaffForm, type StaffFormCaller } from './_lib/form-action';

// Record management forms: each posts, then returns to /admin/records with a notice.

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function run(form: FormData, work: (caller: StaffFormCaller) => Promise<unknown>, ok: string, page = '/admin/records') {
  return runStaffForm(form, page, work, ok);
}

export async function withdrawRecordAction(form: FormData) {
  await run(
    form,
    (c) =>
      c.records.withdraw({
        kind: text(form, 'kind') as 'penalty',
        id: Number(text(form, 'id')),
        reason: text(form, 'reason'),
      }),
    'withdrawn',
  );
}

export async function correctPenaltyAction(form: FormData) {
  await run(
    form,
    (c) =>
      c.records.correctPenalty({
        id: Number(text(form, 'id')),
        violationFacts: text(form, 'violationFacts') || undefined,
        content: text(form, 'content') || undefined,
        reason: text(form, 'reason'),
      }),
    'corrected',
  );
}

export async function createListEntryAction(form: FormData) {
  await run(
    form,
    (c) =>
      c.records.createListEntry({
        listType: text(form, 'listType') as 'dishonesty',
        subjectId: Number(text(form, 'subjectId')),
        decisionNumber: text(form, 'decisionNumber'),
        basis: text(form, 'basis'),
        reason: text(form, 'reason'),
        listedOn: text(form, 'listedOn'),
        validUntil: text(form, 'validUntil'),
        penaltyRecordId: text(form, 'penaltyRecordId') ? Number(text(form, 'penaltyRecordId')) : null,
        catalogItemIds: form.getAll('catalogItemIds').map(Number),
      }),
    'listed',
  );
}

const runOffice = (form: FormData, work: Parameters<typeof run>[1], ok: string) =>
  run(form, work, ok, '/admin/catalog');

export async function createCatalogItemAction(form: FormData) {
  await runOffice(
    form,
    (c) =>
      c.records.createCatalogItem({
        code: text(form, 'code'),
        kind: text(form, 'kind') as 'incentive',
        decidingUnit: text(form, 'decidingUnit'),
        measure: text(form, 'measure'),
        reason: text(form, 'reason'),
        legalBasis: text(form, 'legalBasis'),
        implementingUnits: text(form, 'implementingUnits'),
        content: text(form, 'content'),
        evidence: text(form, 'evidence'),
        domain: text(form, 'domain') || null,
      }),
    'created',
  );
}

export async function toggleCatalogItemAction(form: FormData) {
  await runOffice(
    form,
    (c) => c.records.setCatalogItemActive({ id: Number(text(form, 'id')), active: text(form, 'active') === '1' }),
    'updated',
  );
}

export async function setExposureStatusAction(form: FormData) {
  await runOffice(
    form,
    (c) => c.records.setExposureStatus({ id: Number(text(form, 'id')), status: text(form, 'status') as 'published' }),
    'updated',
  );
}

export async function createPenaltyAction(form: FormData) {
  await run(
    form,
    (c) =>
      c.records.createPenalty({
        subjectId: Number(text(form, 'subjectId')),
        documentNumber: text(form, 'documentNumber'),
        violationType: text(form, 'violationType'),
        violationFacts: text(form, 'violationFacts'),
        legalBasis: text(form, 'legalBasis'),
        categories: form.getAll('categories').map(String) as ['罚款'],
        content: text(form, 'penaltyContent'),
        fineAmount: text(form, 'fineAmount') || null,
        decisionDate: text(form, 'decisionDate'),
        severity: (text(form, 'severity') || null) as 'general' | null,
      }),
    'created',
  );
}

const LICENSING_FORM_FIELDS = [
  'XK_XDR_MC',
  'XK_XDR_LB',
  'XK_XDR_SHXYM',
  'XK_FRDB',
  'XK_XDR_ZJLX',
  'XK_XDR_ZJHM',
  'XK_XKWS',
  'XK_WSH',
  'XK_XKLB',
  'XK_XKZS',
  'XK_XKBH',
  'XK_NR',
  'XK_JDRQ',
  'XK_YXQZ',
  'XK_YXQZI',
  'BZ',
] as const;

export async function createLicensingAction(form: FormData) {
  const fields = Object.fromEntries(
    LICENSING_FORM_FIELDS.map((k) => [k, text(form, k) || undefined]).filter(([, v]) => v !== undefined),
  );
  await run(
    form,
    (c) => c.records.createLicensing(fields as Parameters<typeof c.records.createLicensing>[0]),
    'licensed',
  );
}

export async function correctListEntryAction(form: FormData) {
  await run(
    form,
    (c) =>
      c.records.correctListEntry({
        id: Number(text(form, 'id')),
        basis: text(form, 'basis') || undefined,
        listingReason: text(form, 'listingReason') || undefined,
        validUntil: text(form, 'validUntil') || undefined,
        reason: text(form, 'reason'),
      }),
    'corrected',
  );
}

export async function removeListEntryAction(form: FormData) {
  await run(
    form,
    (c) => c.records.removeListEntry({ id: Number(text(form, 'id')), reason: text(form, 'reason') }),
    'removed',
  );
}

export async function correctLicensingAction(form: FormData) {
  const optional = (name: string) => text(form, name) || undefined;
  await run(
    form,
    (c) =>
      c.records.correctLicensing({
        documentNumber: text(form, 'documentNumber'),
        XK_XKWS: optional('XK_XKWS'),
        XK_XKZS: optional('XK_XKZS'),
        XK_XKBH: optional('XK_XKBH'),
        XK_NR: optional('XK_NR'),
        XK_YXQZ: optional('XK_YXQZ'),
        XK_YXQZI: optional('XK_YXQZI'),
        reason: text(form, 'reason'),
      }),
    'licenceCorrected',
  );
}
