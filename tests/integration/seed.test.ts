import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { deriveIdentityKeys, revealIdNumber } from '@/server/identities/protect';
import { COUNTY_DIVISIONS } from '@/server/reference/divisions';
import { loadReferenceData } from '@/server/reference/load';
import type { CreditDomain, PenaltyCategory, Severity } from '@/server/rules/codes';
import { validateResidentId } from '@/server/rules/idcard';
import { normalizeName } from '@/server/rules/normalize';
import { publicationPeriod } from '@/server/rules/periods';
import { USCC_PLACEHOLDER, validateUscc } from '@/server/rules/uscc';
import { addDays } from '@/server/rules/dates';
import { generateCity, seedDemoIfEmpty, type GenerateResult } from '@/server/seed';
import { generateChunk, loadGeneratorContext } from '@/server/seed/generate';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './helpers/databases';

// What a person looking at the demo city would notice: codes that check out, every county,
// names in every form, no full ID number anywhere, periods that follow the rule table, list
// measures from the catalog — and the same city again from the same seed.

const SIZE = 300;
const SEED = 'integration-test';
const TODAY = '2026-06-30';
const KEYS = deriveIdentityKeys(Buffer.alloc(32, 42));

async function seedCity(db: Db): Promise<GenerateResult> {
  await loadReferenceData(db);
  return generateCity(db, { size: SIZE, seed: SEED, today: TODAY, identityKeys: KEYS });
}

const TEXT_TABLES = ['subjects', 'licensing_records', 'penalty_records', 'list_entries', 'exposure_cases'] as const;

async function rowsAsText(db: Db, table: string): Promise<string[]> {
  const result = await sql<{ j: string }>`select row_to_json(t)::text as j from ${sql.table(table)} t`.execute(db);
  return result.rows.map((r) => r.j);
}

describeEachDatabase('generated city (seed data)', (current) => {
  let result: GenerateResult;
  let db: Db;

  beforeAll(async () => {
    db = current().db;
    result = await seedCity(db);
  });

  it('has about 6 records per subject, about 60 % licensing and 40 % penalties', () => {
    expect(result.counts.subjects).toBe(SIZE);
    const perSubject = result.records / SIZE;
    expect(perSubject).toBeGreaterThan(4.5);
    expect(perSubject).toBeLessThan(7.5);
    const licensingShare = result.counts.licensingRecords / result.records;
    expect(licensingShare).toBeGreaterThan(0.5);
    expect(licensingShare).toBeLessThan(0.7);
  });

  it('gives every organisation a valid USCC in its own division, and the placeholder only to individual businesses with a registration number', async () => {
    const subjects = await db
      .selectFrom('subjects')
      .select(['kind', 'uscc', 'registrationNumber', 'divisionCode'])
      .execute();
    let placeholders = 0;
    for (const s of subjects) {
      if (s.kind === 'natural_person') {
        expect(s.uscc).toBeNull();
        continue;
      }
      expect(s.uscc).not.toBeNull();
      const check = validateUscc(s.uscc ?? '', s.kind);
      expect(check.ok, `${s.uscc}`).toBe(true);
      if (s.uscc === USCC_PLACEHOLDER) {
        placeholders++;
        expect(s.kind).toBe('individual_business');
        expect(s.registrationNumber).toMatch(/^\d{15}$/);
      } else {
        expect(s.uscc?.slice(2, 8)).toBe(s.divisionCode);
      }
    }
    expect(placeholders).toBeGreaterThan(0);
    const orgCodes = subjects
      .filter((s) => s.uscc !== null && s.uscc !== USCC_PLACEHOLDER)
      .map((s) => s.uscc?.slice(8, 17));
    expect(new Set(orgCodes).size).toBe(orgCodes.length);
  });

  it('spreads subjects over all 11 county-level divisions, mostly individual businesses', async () => {
    const byDivision = await db.selectFrom('subjects').select(['divisionCode']).distinct().execute();
    expect(new Set(byDivision.map((r) => r.divisionCode))).toEqual(new Set(COUNTY_DIVISIONS.map((d) => d.code)));
    const kinds = await db
      .selectFrom('subjects')
      .select(['kind', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('kind')
      .execute();
    const count = (k: string) => Number(kinds.find((r) => r.kind === k)?.n ?? 0);
    expect(count('individual_business')).toBeGreaterThan(count('legal_person'));
    expect(count('natural_person')).toBeGreaterThan(0);
  });

  it('stores display names with full-width brackets and matching keys with ASCII ones', async () => {
    const subjects = await db.selectFrom('subjects').select(['name', 'nameNorm']).execute();
    const bracketed = subjects.filter((s) => /[（(]/.test(s.name));
    expect(bracketed.length).toBeGreaterThan(0);
    for (const s of subjects) {
      expect(s.nameNorm).toBe(normalizeName(s.name));
      expect(s.name).not.toMatch(/[()]/);
    }
    const names = subjects.map((s) => s.name);
    expect(names.some((n) => /有限公司$/.test(n))).toBe(true);
    expect(names.some((n) => /专业合作社$/.test(n))).toBe(true);
    expect(names.some((n) => /(店|部|馆|所|厂|场|坊)$/.test(n))).toBe(true);
  });

  it('produces every common name form in a larger city, among them 犍为县…农业发展有限公司', async () => {
    // Generation alone (no insert) is fast enough to look at a bigger city.
    const ctx = await loadGeneratorContext(db, { seed: SEED, today: TODAY, keys: KEYS });
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      const chunk = await generateChunk(ctx, i, i * 1000, (i + 1) * 1000, 4000);
      names.push(...chunk.subjects.map((s) => s.name));
    }
    const forms = [
      /^乐山市.+有限公司$/,
      /^四川.+有限公司$/,
      /有限责任公司$/,
      /^峨眉山市.+旅游开发有限公司$/,
      /^犍为县.+农业发展有限公司$/,
      /（乐山）.*有限公司$/,
      /（乐山）分公司$/,
      /有限公司乐山分公司$/,
      /^市中区.+(餐馆|火锅店|便利店|汽修部|店|部)$/,
      /^井研县.+种养殖农民专业合作社$/,
      /^乐山市.+商会$/,
      /^乐山市.+学校$/,
      /^峨眉山金顶/,
      /招商/,
    ];
    for (const form of forms)
      expect(
        names.some((n) => form.test(n)),
        String(form),
      ).toBe(true);
  });

  it('never writes a full ID number outside identity_numbers', async () => {
    const stored = await db.selectFrom('identityNumbers').select(['ciphertext', 'masked']).execute();
    expect(stored.length).toBeGreaterThan(0);
    const fullIds = stored.map((r) => revealIdNumber(KEYS, r.ciphertext));
    for (const id of fullIds) expect(validateResidentId(id, TODAY).ok).toBe(true);
    const token = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
    for (const table of TEXT_TABLES) {
      for (const text of await rowsAsText(db, table)) {
        for (const match of text.match(token) ?? [])
          expect(validateResidentId(match, TODAY).ok, `${table}: ${match}`).toBe(false);
        for (const id of fullIds) expect(text.includes(id)).toBe(false);
      }
    }
    const masked = await db
      .selectFrom('subjects')
      .select('personIdMasked')
      .where('kind', '=', 'natural_person')
      .execute();
    for (const m of masked) expect(m.personIdMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  });

  it('gives penalties the publication period of the rule table, lengthened only by a past suspension', async () => {
    const rows = await db
      .selectFrom('penaltyRecords')
      .select([
        'decisionDate',
        'severity',
        'categories',
        'domain',
        'requestedPublicUntil',
        'status',
        'publicFrom',
        'publicUntil',
        'earliestRepairOn',
        'periodRuleId',
        'repairableEarly',
        'suspendedDays',
        'suspendedSince',
        'repairedOn',
        'withdrawnOn',
      ])
      .execute();
    for (const p of rows) {
      const period = publicationPeriod({
        decisionDate: p.decisionDate,
        severity: p.severity as Severity,
        categories: p.categories as PenaltyCategory[],
        domain: p.domain as CreditDomain | null,
        requestedPublicUntil: p.requestedPublicUntil,
      });
      expect(p.publicFrom).toBe(period.publicFrom);
      expect(p.publicUntil).toBe(addDays(period.publicUntil, p.suspendedDays));
      expect(p.earliestRepairOn).toBe(addDays(period.earliestRepair, p.suspendedDays));
      expect(p.periodRuleId).toBe(period.ruleId);
      expect(p.repairableEarly).toBe(period.repairableEarly);
      if (p.status === 'unpublished') expect(p.severity).toBe('minor');
      if (p.status === 'repaired') {
        expect(p.repairedOn).not.toBeNull();
        expect(p.repairedOn! >= p.earliestRepairOn).toBe(true);
      }
      if (p.status === 'withdrawn') expect(p.withdrawnOn).not.toBeNull();
      expect(p.status === 'suspended').toBe(p.suspendedSince !== null);
    }
    const states = new Set<string>(
      rows.map((p) => (p.status === 'published' && p.publicUntil <= TODAY ? 'expired' : p.status)),
    );
    for (const state of ['published', 'expired', 'unpublished', 'repaired'])
      expect(states.has(state), state).toBe(true);
    expect(rows.some((p) => p.severity === 'serious')).toBe(true);
  });

  it('cites 1–3 catalog items of the right kind for every list entry', async () => {
    const entries = await db
      .selectFrom('listEntries as e')
      .leftJoin('listEntryMeasures as m', 'm.listEntryId', 'e.id')
      .leftJoin('catalogItems as c', 'c.id', 'm.catalogItemId')
      .select(['e.id', 'e.listType', 'c.kind'])
      .execute();
    const byEntry = new Map<number, { listType: string; kinds: (string | null)[] }>();
    for (const r of entries) {
      const entry = byEntry.get(r.id) ?? { listType: r.listType, kinds: [] };
      entry.kinds.push(r.kind);
      byEntry.set(r.id, entry);
    }
    expect([...byEntry.values()].some((e) => e.listType === 'honor')).toBe(true);
    expect([...byEntry.values()].some((e) => e.listType === 'dishonesty')).toBe(true);
    for (const e of byEntry.values()) {
      expect(e.kinds.length).toBeGreaterThanOrEqual(1);
      expect(e.kinds.length).toBeLessThanOrEqual(3);
      for (const kind of e.kinds) expect(kind).toBe(e.listType === 'honor' ? 'incentive' : 'punishment');
    }
  });

  it('publishes at least 20 exposure cases with every placeholder filled', async () => {
    const cases = await db
      .selectFrom('exposureCases')
      .select(['title', 'summary', 'body', 'status', 'publishedOn'])
      .execute();
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(cases.some((c) => c.status === 'published')).toBe(true);
    for (const c of cases) {
      expect(`${c.title}${c.summary}${c.body}`).not.toMatch(/\{\w+\}/);
      expect(c.status !== 'published' || c.publishedOn !== null).toBe(true);
    }
  });

  it('generates the same city from the same seed', async () => {
    let other: TestDatabase | undefined;
    try {
      other = await createTestDatabase(current().kind);
      await seedCity(other.db);
      const snapshot = async (d: Db) => ({
        subjects: await d
          .selectFrom('subjects')
          .select(['name', 'uscc', 'kind', 'divisionCode', 'legalRepIdMasked'])
          .orderBy('id')
          .execute(),
        penalties: await d
          .selectFrom('penaltyRecords')
          .select(['documentNumber', 'subjectName', 'fineAmount', 'publicUntil', 'status'])
          .orderBy('id')
          .execute(),
        licences: await d
          .selectFrom('licensingRecords')
          .select(['documentNumber', 'licenceNumber', 'validUntil'])
          .orderBy('id')
          .execute(),
      });
      expect(await snapshot(other.db)).toEqual(await snapshot(db));
    } finally {
      await other?.close();
    }
  });

  afterAll(() => {
    // Nothing to clean: the helper drops the database.
  });
});

describeEachDatabase('demo seeding at start', (current) => {
  it('seeds an empty database once; a second start reuses the data', async () => {
    const { db } = current();
    const first = await seedDemoIfEmpty(db, { size: 120, seed: SEED, today: TODAY, identityKeys: KEYS });
    expect(first.generated?.counts.subjects).toBe(120);
    expect(first.reference.departments).toBeGreaterThanOrEqual(20);
    const before = await db
      .selectFrom('penaltyRecords')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    const second = await seedDemoIfEmpty(db, { size: 120, seed: 'another seed', today: TODAY, identityKeys: KEYS });
    expect(second.generated).toBeNull();
    const after = await db
      .selectFrom('penaltyRecords')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(second.summary).toContain('120 个信用主体');
  });
});
