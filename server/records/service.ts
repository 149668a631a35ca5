import { changingPublicData } from '../http/invalidate';
import { TRPCError } from '@trpc/server';
import type { Db } from '../db/client';
// Row updates and the entries resting on a penalty are shared with the application decisions.
import { insertAudit, listEntriesOnPenalty, updateListEntry, updateRecordRow } from '../applications/repository';
import { canManageRecord, type StaffPrincipal } from '../auth/principal';
import { syncSearchDocuments, type EntityRef } from '../search/indexer';
import { normalizeName } from '../rules/normalize';
import { publicationPeriod } from '../rules/periods';
import { resolveSeverity } from '../rules/severity';
import type { CreditDomain, PenaltyCategory, Severity } from '../rules/codes';
import { importRows } from '../imports/service';
import { labelOf } from '../imports/fields';
import { validateRow, type RawRow, type RowIssue } from '../imports/validate';
import * as repo from './repository';
import { onRecordEvent } from '../coordination/service';

// Record management by the department that produced a record (谁产生、谁负责, SPEC §7):
// every change in one transaction with its audit entry and the search documents.

const fail = (code: TRPCError['code'], message: string): never => {
  throw new TRPCError({ code, message });
};

async function audit(
  db: Db,
  staff: StaffPrincipal,
  action: string,
  entityType: string,
  id: number,
  before: unknown,
  after: unknown,
  note?: string,
) {
  await insertAudit(db, {
    actorType: 'staff',
    actorId: String(staff.id),
    actorLabel: staff.displayName,
    action,
    entityType,
    entityId: String(id),
    before,
    after,
    note: note ?? null,
  });
}

export async function withdrawRecord(
  db: Db,
  staff: StaffPrincipal,
  input: { kind: 'penalty' | 'licensing'; id: number; reason: string },
  today: string,
) {
  return changingPublicData(() =>
    db.transaction().execute(async (trx) => {
      const before =
        input.kind === 'penalty'
          ? await repo.penaltyForUpdate(trx, input.id)
          : await repo.licensingForUpdate(trx, input.id);
      if (!before || !canManageRecord(staff, before)) return fail('NOT_FOUND', '没有这条信息，或它不属于您的部门。');
      if (before.status === 'withdrawn') return fail('CONFLICT', '该信息已撤销。');
      const set = {
        status: 'withdrawn',
        withdrawnOn: today,
        withdrawalReason: input.reason,
        ...(input.kind === 'penalty' ? { suspendedSince: null } : {}),
      };
      await updateRecordRow(trx, input.kind === 'penalty' ? 'penaltyRecords' : 'licensingRecords', input.id, set);
      await audit(
        trx,
        staff,
        `${input.kind}.withdraw`,
        input.kind,
        input.id,
        before,
        { ...before, ...set },
        input.reason,
      );
      const refs: EntityRef[] = [{ kind: input.kind, id: input.id }];
      if (input.kind === 'penalty') await onRecordEvent(trx, { kind: 'penalty.withdrawn', id: input.id, today });
      if (input.kind === 'penalty') {
        for (const e of await listEntriesOnPenalty(trx, input.id)) {
          if (e.status !== 'active' && e.status !== 'suspended') continue;
          const entrySet = {
            status: 'removed',
            suspendedSince: null,
            removedOn: today,
            removalReason: `所依据的行政处罚已撤销：${input.reason}`,
          };
          await updateListEntry(trx, e.id, entrySet);
          await audit(trx, staff, 'list_entry.remove', 'list_entry', e.id, e, { ...e, ...entrySet }, input.reason);
          await onRecordEvent(trx, { kind: 'list_entry.removed', id: e.id, today });
          refs.push({ kind: 'list_entry', id: e.id });
        }
      }
      await syncSearchDocuments(trx, refs);
      return { withdrawn: refs.length };
    }),
  );
}

export async function correctPenalty(
  db: Db,
  staff: StaffPrincipal,
  input: { id: number; violationFacts?: string; content?: string; legalBasis?: string; reason: string },
) {
  return changingPublicData(() =>
    db.transaction().execute(async (trx) => {
      const before = await repo.penaltyForUpdate(trx, input.id);
      if (!before || !canManageRecord(staff, before)) return fail('NOT_FOUND', '没有这条信息，或它不属于您的部门。');
      const set: Record<string, string> = {};
      for (const k of ['violationFacts', 'content', 'legalBasis'] as const) {
        const v = input[k]?.trim();
        if (v) set[k] = v;
      }
      if (Object.keys(set).length === 0) return fail('BAD_REQUEST', '请至少填写一项更正后的内容。');
      await updateRecordRow(trx, 'penaltyRecords', input.id, set);
      await audit(trx, staff, 'penalty.correct', 'penalty', input.id, before, { ...before, ...set }, input.reason);
      await syncSearchDocuments(trx, [{ kind: 'penalty', id: input.id }]);
      return { corrected: Object.keys(set) };
    }),
  );
}

const LIST_KIND = { honor: 'incentive', dishonesty: 'punishment' } as const;
const KIND_LABEL = { incentive: '激励', punishment: '惩戒' } as const;

/** A list entry must cite catalog items of its kind (SPEC §5); the database refuses the rest too. */
export async function createListEntry(
  db: Db,
  staff: StaffPrincipal,
  input: {
    listType: 'honor' | 'dishonesty';
    subjectId: number;
    decisionNumber: string;
    basis: string;
    reason: string;
    listedOn: string;
    validUntil: string;
    penaltyRecordId?: number | null;
    catalogItemIds: number[];
  },
) {
  if (staff.role !== 'department' || staff.departmentId === null)
    return fail('FORBIDDEN', '只有认定部门的工作人员可以列入名单。');
  const departmentId = staff.departmentId;
  if (input.catalogItemIds.length === 0)
    return fail('BAD_REQUEST', '请至少选择一项联合奖惩目录中的措施：不得在目录之外奖励或惩戒。');
  const items = await repo.catalogItems(db, input.catalogItemIds);
  const wanted = LIST_KIND[input.listType];
  const missing = input.catalogItemIds.filter((id) => !items.some((i) => i.id === id));
  if (missing.length) return fail('BAD_REQUEST', `目录中没有编号为 ${missing.join('、')} 的措施。`);
  const wrong = items.filter((i) => i.kind !== wanted);
  if (wrong.length) {
    return fail(
      'BAD_REQUEST',
      `${input.listType === 'honor' ? '守信红名单' : '失信惩戒名单'}只能适用${KIND_LABEL[wanted]}措施，“${wrong.map((w) => w.measure).join('、')}”不是${KIND_LABEL[wanted]}措施。`,
    );
  }
  if (!(await repo.subjectExists(db, input.subjectId))) return fail('BAD_REQUEST', '没有这个信用主体。');
  try {
    return await changingPublicData(() =>
      db.transaction().execute(async (trx) => {
        const { catalogItemIds, ...fields } = input;
        const entry = await repo.insertListEntry(trx, {
          ...fields,
          penaltyRecordId: input.penaltyRecordId ?? null,
          departmentId,
        });
        await repo.insertMeasures(trx, entry.id, catalogItemIds);
        await onRecordEvent(trx, { kind: 'list_entry.published', id: entry.id, today: input.listedOn });
        await audit(trx, staff, 'list_entry.create', 'list_entry', entry.id, null, {
          ...entry,
          catalogItemIds: input.catalogItemIds,
        });
        await syncSearchDocuments(trx, [{ kind: 'list_entry', id: entry.id }]);
        return { id: entry.id };
      }),
    );
  } catch (err) {
    // The trigger is the last word when the catalog changed between our check and the insert.
    if ((err as { code?: string }).code === '23514')
      return fail(
        'BAD_REQUEST',
        `所选措施与名单类型不符：${KIND_LABEL[wanted]}名单只能引用${KIND_LABEL[wanted]}类目录项。`,
      );
    throw err;
  }
}
export const activeCatalog = repo.activeCatalog;

/** Office: adds a catalog item (the catalog is the only source of measures, SPEC §5). */
export async function createCatalogItem(
  db: Db,
  staff: StaffPrincipal,
  item: Parameters<typeof repo.insertCatalogItem>[1],
) {
  return changingPublicData(() =>
    db.transaction().execute(async (trx) => {
      const row = await repo.insertCatalogItem(trx, item);
      if (!row) return fail('CONFLICT', `目录编号“${item.code}”已存在。`);
      await audit(trx, staff, 'catalog.create', 'catalog_item', row.id, null, row);
      return { id: row.id };
    }),
  );
}

/** Office: retires or restores a catalog item; existing list entries keep citing it. */
export async function setCatalogItemActive(db: Db, staff: StaffPrincipal, id: number, active: boolean) {
  return changingPublicData(() =>
    db.transaction().execute(async (trx) => {
      const row = await repo.setCatalogItemActive(trx, id, active);
      if (!row) return fail('NOT_FOUND', '没有这个目录项。');
      await audit(
        trx,
        staff,
        active ? 'catalog.activate' : 'catalog.deactivate',
        'catalog_item',
        id,
        { active: !active },
        { active },
      );
      return { id };
    }),
  );
}

/** Office: publishes (or withdraws) an exposure case; search follows in the same transaction. */
export async function setExposureStatus(
  db: Db,
  staff: StaffPrincipal,
  id: number,
  status: 'published' | 'withdrawn',
  today: string,
) {
  return changingPublicData(() =>
    db.transaction().execute(async (trx) => {
      const before = await repo.exposureForUpdate(trx, id);
      if (!before) return fail('NOT_FOUND', '没有这个曝光案例。');
      const set = status === 'published' ? { status, publishedOn: before.publishedOn ?? today } : { status };
      await repo.updateExposure(trx, id, set);
      await audit(trx, staff, `exposure.${status === 'published' ? 'publish' : 'withdraw'}`, 'exposure', id, before, {
        ...before,
        ...set,
      });
      await syncSearchDocuments(trx, [{ kind: 'exposure', id }]);
      return { id };
    }),
  );
}

export const draftExposures = repo.draftExposures;

const CATEGORY_OF_KIND = {
  legal_person: '法人及非法人组织',
  natural_person: '自然人',
  individual_business: '个体工商户',
} as const;

export interface NewPenaltyInput {
  subjectId: number;
  documentNumber: string;
  violationType: string;
  violationFacts: string;
  legalBasis: string;
  categories: PenaltyCategory[];
  content: string;
  fineAmount?: string | null;
  decisionDate: string;
  severity?: Severity | null;
  domain?: CreditDomain | null;
}

/** A department records a penalty by form; its publication period comes from the dated rules (SPEC §4). */
export async function createPenalty(db: Db, staff: StaffPrincipal, input: NewPenaltyInput) {
  if (staff.role !== 'department' || staff.departmentId === null)
    return fail('FORBIDDEN', '只有作出决定的部门可以录入行政处罚。');
  const departmentId = staff.departmentId;
  const [department, subject] = await Promise.all([
    repo.departmentRow(db, departmentId),
    repo.subjectRow(db, input.subjectId),
  ]);
  if (!department) return fail('FORBIDDEN', '您的账号没有有效的所属部门。');
  if (!subject) return fail('BAD_REQUEST', '没有这个信用主体，请核对主体编号。');
  const severity = resolveSeverity(input.categories, input.severity ?? null);
  const period = publicationPeriod({
    decisionDate: input.decisionDate,
    severity,
    categories: input.categories,
    domain: input.domain ?? null,
  });
  try {
    return await changingPublicData(() =>
      db.transaction().execute(async (trx) => {
        const row = await repo.insertPenalty(trx, {
          subjectId: subject.id,
          departmentId,
          subjectName: subject.name,
          subjectCategory: CATEGORY_OF_KIND[subject.kind],
          uscc: subject.uscc,
          registrationNumber: subject.registrationNumber,
          legalRepresentative: subject.legalRepresentative,
          partyIdType: subject.personIdType,
          partyIdMasked: subject.personIdMasked,
          partyIdRef: subject.personIdRef,
          documentNumber: input.documentNumber,
          documentNumberNorm: normalizeName(input.documentNumber),
          violationType: input.violationType,
          violationFacts: input.violationFacts,
          legalBasis: input.legalBasis,
          categories: input.categories,
          content: input.content,
          fineAmount: input.fineAmount ?? null,
          decisionDate: input.decisionDate,
          penaltyValidUntil: input.decisionDate,
          authorityName: department.name,
          authorityCode: department.uscc,
          sourceUnitName: department.name,
          sourceUnitCode: department.uscc,
          severity,
          severityExplicit: input.severity != null,
          domain: input.domain ?? null,
          status: period.published ? 'published' : 'unpublished',
          publicFrom: period.publicFrom,
          earliestRepairOn: period.earliestRepair,
          publicUntil: period.publicUntil,
          periodRuleId: period.ruleId,
          repairableEarly: period.repairableEarly,
        });
        await audit(trx, staff, 'penalty.create', 'penalty', row.id, null, row);
        if (period.published)
          await onRecordEvent(trx, { kind: 'penalty.published', id: row.id, today: row.publicFrom });
        await syncSearchDocuments(trx, [{ kind: 'penalty', id: row.id }]);
        return {
          id: row.id,
          publicUntil: period.publicUntil,
          earliestRepair: period.earliestRepair,
          published: period.published,
          warnings: period.warnings,
        };
      }),
    );
  } catch (err) {
    if ((err as { code?: string }).code === '23505')
      return fail('CONFLICT', `本部门已有文书号为“${input.documentNumber}”的行政处罚，请改为更正该信息。`);
    throw err;
  }
}

/** The import check's problems as one Chinese sentence, each with its field's name. */
const issuesText = (issues: RowIssue[]) =>
  issues.map((i) => (i.field ? `${labelOf('licensing', i.field)}：${i.message}` : i.message)).join('；');

/** The licensing form's fields, named by the national standard's codes like an import file's header. */
export type LicensingFormFields = Partial<Record<string, string>>;

/**
 * A department records a licensing decision by form. The form's fields are the standard's XK_*
 * codes, so the row is checked by the import's own rules and written by its pipeline (subject
 * matching, audit, search, one transaction); only the authority and source are the department.
 */
export async function createLicensing(db: Db, staff: StaffPrincipal, fields: LicensingFormFields, today: string) {
  if (staff.role !== 'department' || staff.departmentId === null)
    return fail('FORBIDDEN', '只有作出决定的部门可以录入行政许可。');
  const department = await repo.departmentRow(db, staff.departmentId);
  if (!department) return fail('FORBIDDEN', '您的账号没有有效的所属部门。');
  const raw: RawRow = {
    ...(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as RawRow),
    XK_ZT: '有效',
    XK_XKJG: department.name,
    XK_XKJGDM: department.uscc,
    XK_LYDW: department.name,
    XK_LYDWDM: department.uscc,
  };
  const checked = validateRow('licensing', raw, 1, today);
  if (!checked.ok) return fail('BAD_REQUEST', issuesText(checked.issues));
  if (await repo.licensingByDocument(db, department.id, checked.row.values.documentNumberNorm))
    return fail('CONFLICT', `本部门已有文书号为“${fields.XK_WSH}”的行政许可，请改为更正该信息。`);
  const summary = await importRows(
    db,
    'licensing',
    (async function* () {
      yield { rowNumber: 1, raw };
    })(),
    {
      departmentId: department.id,
      channel: 'upload',
      mode: 'commit',
      today,
      actor: { type: 'staff', id: String(staff.id), label: staff.displayName },
      fileName: '（表单录入）',
      createdBy: staff.id,
      collectOutcomes: true,
    },
  );
  const outcome = summary.outcomes?.[0];
  if (summary.status !== 'committed' || !outcome) throw new Error(summary.failure ?? '行政许可未能写入。');
  return { id: outcome.id };
}

/** The licensing fields a department may correct, by their import codes; never the subject or the document number. */
export const LICENSING_CORRECTABLE = ['XK_XKWS', 'XK_XKZS', 'XK_XKBH', 'XK_NR', 'XK_YXQZ', 'XK_YXQZI'] as const;
type LicensingCorrection = Partial<Record<(typeof LICENSING_CORRECTABLE)[number], string>>;

/**
 * Corrects one of the department's licensing records, found by its document number. The record
 * with the changes is checked by the import's own rules (validateRow); the stored subject is
 * never re-read from the form, so a stand-in organisation (the department) fills the party
 * fields of that check, whose natural-person ID numbers are not kept in full.
 */
export async function correctLicensing(
  db: Db,
  staff: StaffPrincipal,
  input: { documentNumber: string; reason: string } & LicensingCorrection,
  today: string,
) {
  if (staff.role !== 'department' || staff.departmentId === null)
    return fail('FORBIDDEN', '只有作出决定的部门可以更正行政许可。');
  const department = await repo.departmentRow(db, staff.departmentId);
  if (!department) return fail('FORBIDDEN', '您的账号没有有效的所属部门。');
  return changingPublicData(() =>
    db.transaction().execute(async (trx) => {
      const found = await repo.licensingByDocumentForUpdate(trx, normalizeName(input.documentNumber));
      const before = found.find((r) => canManageRecord(staff, r));
      if (!before) {
        if (found.length > 0) return fail('FORBIDDEN', '该行政许可不属于您的部门，只能由作出决定的部门更正。');
        return fail('NOT_FOUND', `没有文书号为“${input.documentNumber}”的行政许可，请核对。`);
      }
      if (before.status === 'withdrawn') return fail('CONFLICT', '该行政许可已撤销，不能更正。');
      const changes = Object.fromEntries(
        LICENSING_CORRECTABLE.map((k) => [k, input[k]?.trim()]).filter(([, v]) => v),
      ) as LicensingCorrection;
      if (Object.keys(changes).length === 0) return fail('BAD_REQUEST', '请至少填写一项更正后的内容。');
      const raw: RawRow = {
        XK_XDR_MC: before.subjectName,
        XK_XDR_LB: '法人及非法人组织',
        XK_XDR_SHXYM: department.uscc,
        XK_XKWS: before.decisionDocumentName,
        XK_WSH: before.documentNumber,
        XK_XKLB: before.licenceCategory,
        XK_XKZS: before.certificateName ?? '',
        XK_XKBH: before.licenceNumber ?? '',
        XK_NR: before.content,
        XK_JDRQ: before.decisionDate,
        XK_YXQZ: before.validFrom,
        XK_YXQZI: before.validUntil,
        XK_XKJG: before.authorityName,
        XK_XKJGDM: before.authorityCode,
        XK_ZT: before.currentState,
        XK_LYDW: before.sourceUnitName,
        XK_LYDWDM: before.sourceUnitCode,
        BZ: before.remarks ?? '',
        ...changes,
      };
      const checked = validateRow('licensing', raw, 1, today);
      if (!checked.ok) return fail('BAD_REQUEST', issuesText(checked.issues));
      if (checked.row.kind !== 'licensing') throw new Error('unexpected row kind');
      const v = checked.row.values;
      const next = {
        decisionDocumentName: v.decisionDocumentName,
        certificateName: v.certificateName,
        licenceNumber: v.licenceNumber,
        content: v.content,
        validFrom: v.validFrom,
        validUntil: v.validUntil,
      };
      const set = Object.fromEntries(Object.entries(next).filter(([k, val]) => before[k as keyof typeof next] !== val));
      if (Object.keys(set).length === 0) return fail('BAD_REQUEST', '更正后的内容与原内容相同。');
      await updateRecordRow(trx, 'licensingRecords', before.id, set);
      await audit(trx, staff, 'licensing.correct', 'licensing', before.id, before, { ...before, ...set }, input.reason);
      await syncSearchDocuments(trx, [{ kind: 'licensing', id: before.id }]);
      return { id: before.id, corrected: Object.keys(set) };
    }),
  );
}

/** Corrects a list entry's stated basis, reason or end date (own department; audited; search follows). */
export async function correctListEntry(
  db: Db,
  staff: StaffPrincipal,
  input: { id: number; basis?: string; listingReason?: string; validUntil?: string; reason: string },
) {
  return changingPublicData(() =>
    db.transaction().execute(async (trx) => {
      const before = await repo.listEntryForUpdate(trx, input.id);
      if (!before || !canManageRecord(staff, before))
        return fail('NOT_FOUND', '没有这条名单信息，或它不属于您的部门。');
      if (before.status === 'removed') return fail('CONFLICT', '该名单信息已移出，不能更正。');
      const set: Record<string, string> = {};
      if (input.basis?.trim()) set.basis = input.basis.trim();
      if (input.listingReason?.trim()) set.reason = input.listingReason.trim();
      if (input.validUntil) {
        if (input.validUntil < before.listedOn) return fail('BAD_REQUEST', '有效期至不能早于列入日期。');
        set.validUntil = input.validUntil;
      }
      if (Object.keys(set).length === 0) return fail('BAD_REQUEST', '请至少填写一项更正后的内容。');
      await updateListEntry(trx, input.id, set);
      await audit(
        trx,
        staff,
        'list_entry.correct',
        'list_entry',
        input.id,
        before,
        { ...before, ...set },
        input.reason,
      );
      await syncSearchDocuments(trx, [{ kind: 'list_entry', id: input.id }]);
      return { corrected: Object.keys(set) };
    }),
  );
}

/** Removes a list entry before its end date, with the reason the public record keeps (own department). */
export async function removeListEntry(
  db: Db,
  staff: StaffPrincipal,
  input: { id: number; reason: string },
  today: string,
) {
  return changingPublicData(() =>
    db.transaction().execute(async (trx) => {
      const before = await repo.listEntryForUpdate(trx, input.id);
      if (!before || !canManageRecord(staff, before))
        return fail('NOT_FOUND', '没有这条名单信息，或它不属于您的部门。');
      if (before.status === 'removed') return fail('CONFLICT', '该名单信息已移出。');
      const set = { status: 'removed', suspendedSince: null, removedOn: today, removalReason: input.reason };
      await updateListEntry(trx, input.id, set);
      await audit(trx, staff, 'list_entry.remove', 'list_entry', input.id, before, { ...before, ...set }, input.reason);
      await onRecordEvent(trx, { kind: 'list_entry.removed', id: input.id, today });
      await syncSearchDocuments(trx, [{ kind: 'list_entry', id: input.id }]);
      return { removed: input.id };
    }),
  );
}
