// The city generator: subjects in chunks of CHUNK_SIZE, each chunk with its licensing and
// penalty records, list entries and exposure cases, generated in memory and inserted in one
// transaction. Only one chunk is ever held, so a million records stream through flat memory.

import type { Db } from '../db/client';
import { identityKeys } from '../identities/keys';
import type { IdentityKeys } from '../identities/protect';
import { OFFICE_DEPARTMENT_CODE, DEPARTMENTS } from '../reference/departments';
import { isIsoDate, todayInShanghai, type IsoDate } from '../rules/dates';
import type { CatalogKind } from '../rules/codes';
import { makeExposures } from './exposure';
import { insertChunk, type ChunkCounts } from './insert';
import { makeLicence } from './licensing';
import { makeListEntries } from './lists';
import type { CatalogRef, DeptInfo, GenChunk, GenContext, GenLicence, GenPenalty, GenSubject, OrgForm } from './model';
import { makePenalty } from './penalties';
import { Random, WeightedTable } from './random';
import { makeSubject } from './subjects';

/** Subjects per chunk (and per transaction). Part of the output: changing it changes list and exposure draws. */
export const CHUNK_SIZE = 1000;
export const DEFAULT_SEED = 'leshan';
/** About 6 records per subject: 60 % licensing, 40 % penalties (the demo: 5,000 subjects → ~30,000). */
export const LICENCES_PER_SUBJECT = 3.6;
export const PENALTIES_PER_SUBJECT = 2.4;
/** One exposure case per this many subjects, and at least MIN_EXPOSURES. */
const SUBJECTS_PER_EXPOSURE = 150;
const MIN_EXPOSURES = 20;
/** Chunks being inserted while the next one is generated. */
const MAX_CHUNKS_IN_FLIGHT = 2;

export interface GenerateOptions {
  /** Number of subjects; records ≈ 6 × size. */
  size: number;
  seed?: string | number;
  /** 'YYYY-MM-DD'; decisions are spread from 2019-01-01 to this day. Defaults to today in Leshan. */
  today?: IsoDate;
  onProgress?: (progress: GenerateProgress) => void;
  /** Keys protecting ID numbers; defaults to the application's (IDENTITY_KEY or data/identity.key). */
  identityKeys?: IdentityKeys;
}

export interface GenerateProgress {
  subjectsDone: number;
  size: number;
  rows: number;
  elapsedMs: number;
  rowsPerSecond: number;
}

export type GenerateCounts = ChunkCounts;

export interface GenerateResult {
  seed: string;
  today: IsoDate;
  counts: GenerateCounts;
  /** All rows inserted (every table). */
  rows: number;
  /** licensing + penalty records. */
  records: number;
  elapsedMs: number;
  rowsPerSecond: number;
}

// Relative record counts by kind of subject, scaled below so that the city-wide means are exact.
const RELATIVE_MEANS: Readonly<Record<OrgForm, readonly [number, number]>> = {
  individual: [3.2, 2.4],
  enterprise: [4.8, 2.8],
  branch: [3.5, 2.0],
  cooperative: [3.0, 1.2],
  institution: [3.0, 0.8],
  social_group: [1.5, 0.4],
  private_nonprofit: [2.5, 0.8],
  person: [2.0, 1.5],
};
const FORM_SHARES: Readonly<Record<OrgForm, number>> = {
  individual: 55,
  enterprise: 25.5,
  branch: 2.5,
  cooperative: 5,
  institution: 2,
  social_group: 1.2,
  private_nonprofit: 1.8,
  person: 7,
};
const SCALE = (() => {
  let total = 0;
  let lic = 0;
  let pen = 0;
  for (const [form, share] of Object.entries(FORM_SHARES) as [OrgForm, number][]) {
    total += share;
    lic += share * RELATIVE_MEANS[form][0];
    pen += share * RELATIVE_MEANS[form][1];
  }
  return { licence: (LICENCES_PER_SUBJECT * total) / lic, penalty: (PENALTIES_PER_SUBJECT * total) / pen };
})();

/** A count with the spread real subjects have: many with none or one, a few with dozens. */
function recordCount(rng: Random, mean: number): number {
  const lambda = Math.min(60, -Math.log(1 - rng.next()) * mean);
  return rng.poisson(lambda);
}

const KEY_TABLES = new WeakMap<readonly (readonly [string, number])[], WeightedTable<string>>();
function drawKey(rng: Random, weights: readonly (readonly [string, number])[]): string {
  let table = KEY_TABLES.get(weights);
  if (table === undefined) {
    table = new WeightedTable(weights);
    KEY_TABLES.set(weights, table);
  }
  return table.draw(rng);
}

function recordsFor(ctx: GenContext, s: GenSubject): { licences: GenLicence[]; penalties: GenPenalty[] } {
  const rng = s.rng;
  const [lm, pm] = RELATIVE_MEANS[s.form];
  const nLicences = s.industry.licences.length === 0 ? 0 : recordCount(rng, lm * SCALE.licence);
  const nPenalties = s.industry.violations.length === 0 ? 0 : recordCount(rng, pm * SCALE.penalty);
  const licences: GenLicence[] = [];
  let hasEstablishment = false;
  for (let i = 0; i < nLicences; i++) {
    const key = drawKey(rng, s.industry.licences);
    licences.push(makeLicence(ctx, s, key, hasEstablishment));
    if (key === 'establishment') hasEstablishment = true;
  }
  const penalties: GenPenalty[] = [];
  for (let i = 0; i < nPenalties; i++)
    penalties.push(makePenalty(ctx, s, drawKey(rng, s.industry.violations), licences));
  return { licences, penalties };
}

function exposureQuota(size: number, start: number, end: number): number {
  const total = Math.max(MIN_EXPOSURES, Math.round(size / SUBJECTS_PER_EXPOSURE));
  return Math.round((total * end) / size) - Math.round((total * start) / size);
}

/** Lets queued database work (the previous chunk's statements) proceed between slices of generation. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const SUBJECTS_PER_SLICE = 100;

/**
 * Generates chunk `index` (subjects start … end-1) in memory; no database access. With
 * `interleave`, it pauses every few subjects so that the previous chunk's insert keeps the
 * database busy meanwhile.
 */
export async function generateChunk(
  ctx: GenContext,
  index: number,
  start: number,
  end: number,
  size: number,
  interleave = false,
): Promise<GenChunk> {
  const chunk: GenChunk = { index, subjects: [], licences: [], penalties: [], listEntries: [], exposures: [] };
  for (let i = start; i < end; i++) {
    if (interleave && (i - start) % SUBJECTS_PER_SLICE === SUBJECTS_PER_SLICE - 1) await yieldToEventLoop();
    const s = makeSubject(ctx, i);
    const { licences, penalties } = recordsFor(ctx, s);
    chunk.subjects.push(s);
    chunk.licences.push(...licences);
    chunk.penalties.push(...penalties);
    chunk.listEntries.push(...makeListEntries(ctx, s, penalties));
  }
  const rng = Random.for(ctx.seed, 'exposure', index);
  chunk.exposures = makeExposures(ctx, rng, chunk.penalties, chunk.listEntries, exposureQuota(size, start, end));
  return chunk;
}

/** The generator's view of the reference data already in the database (departments, catalog). */
export async function loadGeneratorContext(
  db: Db,
  opts: { seed: string; today: IsoDate; keys: IdentityKeys },
): Promise<GenContext> {
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'code', 'name', 'shortName', 'docPrefix', 'uscc', 'divisionCode'])
    .execute();
  const seeds = new Map(DEPARTMENTS.map((d) => [d.code, d]));
  const depts = new Map<string, DeptInfo>();
  for (const r of rows) {
    const seed = seeds.get(r.code);
    if (seed === undefined) continue;
    depts.set(r.code, { ...r, licencePrefix: seed.licencePrefix });
  }
  const missing = DEPARTMENTS.filter((d) => !depts.has(d.code)).map((d) => d.name);
  if (missing.length > 0)
    throw new Error(`参考数据不完整，缺少数据来源单位：${missing.join('、')}。请先运行 loadReferenceData。`);
  if (!depts.has(OFFICE_DEPARTMENT_CODE)) throw new Error('参考数据缺少市联席会议办公室。');

  const countyMarket = new Map<string, DeptInfo>();
  for (const d of DEPARTMENTS) {
    if (d.code !== 'scjg' && d.divisionCode !== '511100' && d.issuesPenalties && d.name.includes('市场监督管理局')) {
      const info = depts.get(d.code);
      if (info !== undefined) countyMarket.set(d.divisionCode, info);
    }
  }

  const items = await db
    .selectFrom('catalogItems')
    .select(['id', 'code', 'kind', 'domain'])
    .where('active', '=', true)
    .orderBy('sortOrder')
    .orderBy('id')
    .execute();
  const catalog: Record<CatalogKind, CatalogRef[]> = { incentive: [], punishment: [] };
  for (const item of items) catalog[item.kind].push(item);
  if (catalog.incentive.length === 0 || catalog.punishment.length === 0) {
    throw new Error('联合奖惩目录清单为空，请先运行 loadReferenceData。');
  }
  return {
    seed: opts.seed,
    today: opts.today,
    keys: opts.keys,
    depts,
    countyMarket,
    catalog,
    counters: new Map(),
    usedNames: new Set(),
    usedIdNumbers: new Set(),
  };
}

function emptyCounts(): GenerateCounts {
  return {
    identityNumbers: 0,
    subjects: 0,
    licensingRecords: 0,
    penaltyRecords: 0,
    listEntries: 0,
    listEntryMeasures: 0,
    exposureCases: 0,
  };
}

function sumRows(c: GenerateCounts): number {
  return (
    c.identityNumbers +
    c.subjects +
    c.licensingRecords +
    c.penaltyRecords +
    c.listEntries +
    c.listEntryMeasures +
    c.exposureCases
  );
}

/**
 * Generates a city of `size` subjects into `db` (reference data must be loaded). Same seed, size
 * and today ⇒ the same data (only ID-number ciphertexts differ: their IVs are random).
 * Runs one transaction per chunk, or everything inside `db` when it is already a transaction.
 */
export async function generateCity(db: Db, options: GenerateOptions): Promise<GenerateResult> {
  const { size } = options;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a whole number ≥ 1, got ${size}`);
  const today = options.today ?? todayInShanghai();
  if (!isIsoDate(today) || today < '2019-07-01')
    throw new RangeError(`today must be a date from 2019-07-01 on, got "${today}"`);
  const seed = String(options.seed ?? DEFAULT_SEED);
  const started = performance.now();
  const ctx = await loadGeneratorContext(db, { seed, today, keys: options.identityKeys ?? identityKeys() });

  const counts = emptyCounts();
  let subjectsDone = 0;
  const record = (done: ChunkCounts) => {
    for (const key of Object.keys(counts) as (keyof GenerateCounts)[]) counts[key] += done[key];
    subjectsDone += done.subjects;
    if (options.onProgress) {
      const elapsedMs = performance.now() - started;
      const rows = sumRows(counts);
      options.onProgress({ subjectsDone, size, rows, elapsedMs, rowsPerSecond: rows / (elapsedMs / 1000) });
    }
  };
  // Inside a caller's transaction everything runs in order on its connection. Otherwise the
  // next chunk is generated while the previous one is being inserted (one transaction each).
  const pipelined = !db.isTransaction;
  const inFlight: Promise<void>[] = [];
  const chunks = Math.ceil(size / CHUNK_SIZE);
  try {
    for (let index = 0; index < chunks; index++) {
      const start = index * CHUNK_SIZE;
      const end = Math.min(size, start + CHUNK_SIZE);
      const chunk = await generateChunk(ctx, index, start, end, size, pipelined);
      if (!pipelined) {
        record(await insertChunk(db, chunk));
        continue;
      }
      const inserting = db
        .transaction()
        .execute((trx) => insertChunk(trx, chunk, { bulk: true }))
        .then(record);
      // Mark it handled now: a failure surfaces when it is awaited below, not as an unhandled rejection.
      inserting.catch(() => undefined);
      inFlight.push(inserting);
      if (inFlight.length >= MAX_CHUNKS_IN_FLIGHT) await inFlight.shift();
    }
    while (inFlight.length > 0) await inFlight.shift();
  } finally {
    // On a failure, let the other inserts settle before the caller closes the database.
    await Promise.allSettled(inFlight);
  }
  const elapsedMs = performance.now() - started;
  const rows = sumRows(counts);
  return {
    seed,
    today,
    counts,
    rows,
    records: counts.licensingRecords + counts.penaltyRecords,
    elapsedMs,
    rowsPerSecond: rows / (elapsedMs / 1000),
  };
}
