import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { normalizeName } from '@/server/rules/normalize';
import { makeUscc, USCC_CHARSET, USCC_PLACEHOLDER, validateUscc } from '@/server/rules/uscc';
import { syncSearchDocuments } from '@/server/search/indexer';
import {
  EXACT_TOTAL_LIMIT,
  FACETS,
  HIT_KIND_LABELS,
  HIT_KINDS,
  MAX_QUERY_LENGTH,
  MAX_TERMS,
  PAGE_SIZE,
  type FacetName,
  type FacetValue,
  type HitKind,
  type SearchEngine,
  type SearchHit,
  type SearchRequest,
  type SearchResult,
  type TextSegment,
} from '@/server/search/types';
import { describeEachDatabase } from '../helpers/databases';
import {
  DAY_AFTER_TODAY,
  DAY_BEFORE_TODAY,
  RENAMED_NEW_NAME,
  seedSearchFixtures,
  TODAY,
  type RecordRef,
  type SearchFixtures,
} from './fixtures';

// The engine contract: what a person using the search notices, the same for every engine
// (PostgreSQL now, Meilisearch later). Cases speak only through SearchEngine.search and the
// fixture ids; nothing here knows how an engine stores or ranks. Cases that change data
// restore it, so their order does not matter.

export interface SearchEngineContractOptions {
  /** Runs after every write to the tables and the index (seeding, sync): drain an outbox, wait for a task … */
  afterWrite?: (db: Db) => Promise<void>;
}

type Filters = Omit<SearchRequest, 'q'>;
type Doc = readonly [HitKind, number];
type Pick = (fx: SearchFixtures) => Doc;

const CJK = /[\u4e00-\u9fff]/;
const keyOf = (kind: HitKind, id: number) => `${kind}:${id}`;
const keysOf = (hits: readonly SearchHit[]) => hits.map((h) => keyOf(h.kind, h.entityId));
const hasDoc = (hits: readonly SearchHit[], [kind, id]: Doc) => hits.some((h) => h.kind === kind && h.entityId === id);
const findDoc = (hits: readonly SearchHit[], [kind, id]: Doc) => hits.find((h) => h.kind === kind && h.entityId === id);
const sorted = (keys: Iterable<string>) => [...keys].sort();
const joined = (segments: readonly TextSegment[]) => segments.map((s) => s.text).join('');

/** Terms as a person typed them, normalised the way the contract defines matching. */
const termsOf = (q: string) =>
  q
    .split(/[\s\u3000]+/)
    .map(normalizeName)
    .filter((t) => t !== '');

/** Per character (code point) of `text`: should it be highlighted for these terms? Null for whitespace. */
function expectedMask(text: string, terms: readonly string[]): (boolean | null)[] {
  const chars = Array.from(text);
  const norm: string[] = [];
  const origin: number[] = [];
  chars.forEach((c, i) => {
    const n = normalizeName(c);
    if (n !== '') {
      norm.push(n);
      origin.push(i);
    }
  });
  const mask: (boolean | null)[] = chars.map((c) => (normalizeName(c) === '' ? null : false));
  for (const term of terms) {
    const t = Array.from(term);
    for (let start = 0; start + t.length <= norm.length; start++) {
      if (t.every((c, k) => norm[start + k] === c)) {
        for (let k = 0; k < t.length; k++) mask[origin[start + k]!] = true;
      }
    }
  }
  return mask;
}

/** Per character of the joined segments: is it inside a match segment? Null for whitespace. */
function segmentMask(segments: readonly TextSegment[]): (boolean | null)[] {
  return segments.flatMap((s) => Array.from(s.text).map((c) => (normalizeName(c) === '' ? null : s.match)));
}

/** Adjacent match segments merged: the highlighted runs a reader sees. */
function matchRuns(segments: readonly TextSegment[]): string[] {
  const runs: string[] = [];
  let current: string | null = null;
  for (const s of segments) {
    if (s.match) current = (current ?? '') + s.text;
    else if (current !== null) {
      runs.push(current);
      current = null;
    }
  }
  if (current !== null) runs.push(current);
  return runs;
}

/** The rank class a title earns for a single-term query (0 exact, 1 prefix, 2 contains, 3 text only). */
function expectedRankClass(title: string, q: string): number {
  const t = normalizeName(title);
  const n = normalizeName(q);
  if (t === n) return 0;
  if (t.startsWith(n)) return 1;
  if (t.includes(n)) return 2;
  return 3;
}

const counts = (values: readonly FacetValue[]) =>
  Object.fromEntries(values.map((v) => [v.value, v.count])) as Record<string, number>;
const facetCount = (result: SearchResult, facet: FacetName, value: string) =>
  result.facets[facet].find((v) => v.value === value)?.count ?? 0;

/** Every filter of a request that belongs to a facet, set to exactly one value. */
function filterFor(facet: FacetName, value: string): Filters {
  switch (facet) {
    case 'kind':
      return { kinds: [value as HitKind] };
    case 'department':
      return { departmentIds: [Number(value)] };
    case 'division':
      return { divisionCodes: [value] };
    case 'year':
      return { years: [Number(value)] };
    case 'category':
      return { categories: [value] };
    case 'severity':
      return { severities: [value as 'minor' | 'general' | 'serious'] };
    case 'listType':
      return { listTypes: [value as 'honor' | 'dishonesty'] };
    case 'domain':
      return { domains: [value] };
  }
}

const toFullWidth = (s: string) =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

export function searchEngineContract(
  name: string,
  makeEngine: (db: Db) => SearchEngine,
  options: SearchEngineContractOptions = {},
): void {
  describeEachDatabase(`search engine contract: ${name}`, (current) => {
    let fx: SearchFixtures;
    let engine: SearchEngine;
    let db: Db;

    beforeAll(async () => {
      db = current().db;
      fx = await seedSearchFixtures(db);
      await options.afterWrite?.(db);
      engine = makeEngine(db);
    });

    const search = (q: string, filters: Filters = {}, today = TODAY) => engine.search({ q, ...filters }, today);

    /** Every hit of a search, page by page, with the first page's answer. */
    async function searchAll(q: string, filters: Filters = {}, today = TODAY) {
      const first = await search(q, { ...filters, page: 1 }, today);
      const hits = [...first.hits];
      for (let page = 2; page <= first.pageCount; page++) {
        hits.push(...(await search(q, { ...filters, page }, today)).hits);
      }
      return { first, hits };
    }
    const allKeys = async (q: string, filters: Filters = {}, today = TODAY) =>
      keysOf((await searchAll(q, filters, today)).hits);

    /** Writes in one transaction with the index sync, as the services do, then lets the engine catch up. */
    async function writeAndSync(
      refs: { kind: HitKind; id: number }[],
      write: (trx: Db) => Promise<unknown>,
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await write(trx);
        await syncSearchDocuments(trx, refs);
      });
      await options.afterWrite?.(db);
    }

    // ---------------------------------------------------------------- substring semantics
    describe('Chinese substring semantics (known failures of word-segmenting engines)', () => {
      const FINDS: [string, string, Pick][] = [
        ['市中区 finds 乐山市市中区嘉州餐饮管理有限公司', '市中区', (f) => ['subject', f.subjects.jiazhou.id]],
        ['农业 finds 犍为县农业发展有限公司', '农业', (f) => ['subject', f.subjects.qianweiAgriculture.id]],
        ['处理 finds the penalty whose facts say 待处理', '处理', (f) => ['penalty', f.penalties.jiazhouPending.id]],
        ['金顶 finds 峨眉山金顶旅游开发有限公司', '金顶', (f) => ['subject', f.subjects.jinding.id]],
        [
          'the one-character query 顶 finds 峨眉山金顶旅游开发有限公司',
          '顶',
          (f) => ['subject', f.subjects.jinding.id],
        ],
        ['the one-character query 鑫 finds 金鑫矿业', '鑫', (f) => ['subject', f.subjects.jinxin.id]],
        [
          'the two-character query 农药 finds a penalty by its text',
          '农药',
          (f) => ['penalty', f.penalties.qianweiPesticide.id],
        ],
        [
          'the two-character query 嘉州 finds a licence of 嘉州餐饮',
          '嘉州',
          (f) => ['licensing', f.licences.jiazhouFood.id],
        ],
        ['区嘉州餐 (across 市中区|嘉州|餐饮) finds the company', '区嘉州餐', (f) => ['subject', f.subjects.jiazhou.id]],
        ['县农 (across 犍为县|农业) finds the company', '县农', (f) => ['subject', f.subjects.qianweiAgriculture.id]],
        ['展有限 (across 发展|有限) finds the company', '展有限', (f) => ['subject', f.subjects.qianweiAgriculture.id]],
        [
          '〔2024〕45 (inside a document number) finds the penalty',
          '〔2024〕45',
          (f) => ['penalty', f.penalties.jiazhouSerious.id],
        ],
        ['观光车票价 from the facts finds the penalty', '观光车票价', (f) => ['penalty', f.penalties.jinding.id]],
        [
          '纳税信用 from a list reason finds the honor entry',
          '纳税信用',
          (f) => ['list_entry', f.listEntries.qianweiHonor.id],
        ],
        [
          '二氧化硫浓度 from an exposure case body finds the case',
          '二氧化硫浓度',
          (f) => ['exposure', f.exposure.published.id],
        ],
        ['热食类 from a licence content finds the licence', '热食类', (f) => ['licensing', f.licences.jiazhouFood.id]],
      ];
      for (const [title, q, pick] of FINDS) {
        it(title, async () => {
          const { hits } = await searchAll(q);
          expect(keysOf(hits)).toContain(keyOf(...pick(fx)));
        });
      }

      const NOTHING: [string, string][] = [
        ['嘉州 reversed (州嘉) matches nothing', '州嘉'],
        ['金顶 reversed (顶金) matches nothing', '顶金'],
        ['嘉 and 餐 with 州 between them (嘉餐) match nothing', '嘉餐'],
        ['峨 and 金 far apart in one name (峨金) match nothing', '峨金'],
        ['characters of a document number out of sequence (市监处45) match nothing', '市监处45'],
        ['all characters of a name in another order (金顶峨眉山) match nothing', '金顶峨眉山'],
        ['the end of a name and the start of the record text (开发有限公司未明码) match nothing', '开发有限公司未明码'],
        ['the end of one field and the start of the next (污染物乐环罚字) match nothing', '污染物乐环罚字'],
      ];
      for (const [title, q] of NOTHING) {
        it(title, async () => {
          const result = await search(q);
          expect(result.total).toBe(0);
          expect(result.hits).toEqual([]);
        });
      }

      it('every name hit of a query really contains it in the name (no loose matches)', async () => {
        for (const q of ['金顶', '乐山', '有限公司', '农业发展']) {
          const { hits } = await searchAll(q);
          expect(hits.length).toBeGreaterThan(0);
          for (const h of hits.filter((x) => x.rankClass < 3)) {
            expect(normalizeName(h.display.title)).toContain(normalizeName(q));
          }
        }
      });
    });

    // ---------------------------------------------------------------- several terms
    describe('several terms are ANDed', () => {
      const zhaoshangDocs = (f: SearchFixtures) =>
        sorted([keyOf('subject', f.subjects.zhaoshang.id), keyOf('penalty', f.penalties.zhaoshang.id)]);

      it('招商 公司 finds only what has both words, not 乐山市招商引资服务中心', async () => {
        expect(sorted(await allKeys('招商 公司'))).toEqual(zhaoshangDocs(fx));
      });

      it('a full-width space separates terms like a half-width one (招商　公司)', async () => {
        expect(sorted(await allKeys('招商\u3000公司'))).toEqual(zhaoshangDocs(fx));
      });

      it('extra spaces around and between terms are ignored', async () => {
        const result = await search('  招商   公司  ');
        expect(result.terms).toHaveLength(2);
        expect(sorted(await allKeys('  招商   公司  '))).toEqual(zhaoshangDocs(fx));
      });

      it('the order of the terms does not matter (公司 招商)', async () => {
        expect(sorted(await allKeys('公司 招商'))).toEqual(zhaoshangDocs(fx));
      });

      it('招商 alone finds both the company and the service centre', async () => {
        const keys = await allKeys('招商');
        expect(keys).toContain(keyOf('subject', fx.subjects.zhaoshang.id));
        expect(keys).toContain(keyOf('subject', fx.subjects.zhaoshangCentre.id));
      });

      it('three terms (峨眉山 金顶 索道) narrow to the cable-car branch', async () => {
        expect(sorted(await allKeys('峨眉山 金顶 索道'))).toEqual(
          sorted([
            keyOf('subject', fx.subjects.jindingBranch.id),
            keyOf('penalty', fx.penalties.jindingBranch.id),
            keyOf('list_entry', fx.listEntries.jindingBranchSuspended.id),
          ]),
        );
      });

      it('a term that occurs nowhere together with the others empties the result (嘉州 农药)', async () => {
        const result = await search('嘉州 农药');
        expect(result.total).toBe(0);
        expect(result.hits).toEqual([]);
      });

      it('a repeated term counts once (公司 公司 = 公司)', async () => {
        expect(sorted(await allKeys('公司 公司'))).toEqual(sorted(await allKeys('公司')));
      });

      it('reports the normalised terms it searched for', async () => {
        const result = await search(' 招商　公司 ');
        expect(result.terms).toEqual(['招商', '公司']);
      });

      it(`more than ${MAX_TERMS} terms give a notice, not an error`, async () => {
        const q = Array.from({ length: MAX_TERMS + 3 }, (_, i) => `词${i}`).join(' ');
        const result = await search(q);
        expect(result.notice).toMatch(CJK);
        expect(result.terms.length).toBeLessThanOrEqual(MAX_TERMS);
      });
    });

    // ---------------------------------------------------------------- normalisation
    describe('normalisation on both sides', () => {
      const FINDS: [string, string, Pick][] = [
        [
          'a half-width bracket query finds a name stored with full-width brackets',
          '锦程(乐山)',
          (f) => ['subject', f.subjects.jincheng.id],
        ],
        [
          'a full-width bracket query finds a name stored with half-width brackets',
          '蓝海（乐山）',
          (f) => ['subject', f.subjects.lanhai.id],
        ],
        ['lower-case abc finds 乐山ABC科技有限公司', 'abc', (f) => ['subject', f.subjects.abc.id]],
        ['upper-case ABC finds 乐山ABC科技有限公司', 'ABC', (f) => ['subject', f.subjects.abc.id]],
        ['full-width ＡＢＣ finds 乐山ABC科技有限公司', 'ＡＢＣ', (f) => ['subject', f.subjects.abc.id]],
        ['full-width lower-case ａｂｃ finds 乐山ABC科技有限公司', 'ａｂｃ', (f) => ['subject', f.subjects.abc.id]],
        [
          'mixed case with Chinese (Abc科技) finds 乐山ABC科技有限公司',
          'Abc科技',
          (f) => ['subject', f.subjects.abc.id],
        ],
        ['half-width xyz finds a name stored with full-width ＸＹＺ', 'xyz', (f) => ['subject', f.subjects.xyz.id]],
        ['mixed-case XyZ finds a name stored with full-width ＸＹＺ', 'XyZ', (f) => ['subject', f.subjects.xyz.id]],
        [
          'a half-width digit finds a name stored with a full-width digit (第1建筑)',
          '第1建筑',
          (f) => ['subject', f.subjects.firstBuilding.id],
        ],
        [
          'a full-width digit finds the same name (第１建筑)',
          '第１建筑',
          (f) => ['subject', f.subjects.firstBuilding.id],
        ],
        [
          'full-width digits find a document number (乐市监处罚〔２０２４〕４５号)',
          '乐市监处罚〔２０２４〕４５号',
          (f) => ['penalty', f.penalties.jiazhouSerious.id],
        ],
        [
          'a name stored with an internal space is found without it (沙湾区金鑫矿业)',
          '沙湾区金鑫矿业',
          (f) => ['subject', f.subjects.jinxin.id],
        ],
        [
          'the same name typed with the space (沙湾区 金鑫矿业) still finds it',
          '沙湾区 金鑫矿业',
          (f) => ['subject', f.subjects.jinxin.id],
        ],
        [
          'a space typed inside a name (峨眉山 金顶旅游开发有限公司) still finds it',
          '峨眉山 金顶旅游开发有限公司',
          (f) => ['subject', f.subjects.jinding.id],
        ],
        [
          'an invisible zero-width space pasted into the query is ignored (嘉\u200b州餐饮)',
          '嘉\u200b州餐饮',
          (f) => ['subject', f.subjects.jiazhou.id],
        ],
        ['a rare character outside the BMP finds its name (𠮷祥)', '𠮷祥', (f) => ['subject', f.subjects.rareChar.id]],
      ];
      for (const [title, q, pick] of FINDS) {
        it(title, async () => {
          expect(await allKeys(q)).toContain(keyOf(...pick(fx)));
        });
      }

      it('(乐山) and （乐山） give the same hits, with both bracket spellings among them', async () => {
        const half = sorted(await allKeys('(乐山)'));
        const full = sorted(await allKeys('（乐山）'));
        expect(half).toEqual(full);
        expect(half).toContain(keyOf('subject', fx.subjects.jincheng.id));
        expect(half).toContain(keyOf('subject', fx.subjects.lanhai.id));
      });

      it('ABC, abc and ＡＢＣ give exactly the same hits', async () => {
        const upper = sorted(await allKeys('ABC'));
        expect(sorted(await allKeys('abc'))).toEqual(upper);
        expect(sorted(await allKeys('ＡＢＣ'))).toEqual(upper);
      });
    });

    // ---------------------------------------------------------------- codes
    describe('codes', () => {
      it('a full valid USCC goes straight to its subject, and finds the subject and its records', async () => {
        const subject = fx.subjects.jiazhou;
        const { first, hits } = await searchAll(subject.uscc!);
        expect(first.code).toMatchObject({
          type: 'subject',
          uscc: subject.uscc,
          subjectId: subject.id,
          name: subject.name,
        });
        const keys = keysOf(hits);
        expect(keys).toContain(keyOf('subject', subject.id));
        expect(keys).toContain(keyOf('penalty', fx.penalties.jiazhouSerious.id));
        expect(keys).toContain(keyOf('licensing', fx.licences.jiazhouFood.id));
        for (const h of hits) expect(h.subjectId).toBe(subject.id);
      });

      const TYPED: [string, (uscc: string) => string][] = [
        ['a USCC typed in lower case is recognised', (u) => u.toLowerCase()],
        ['a USCC typed in full-width characters is recognised', (u) => toFullWidth(u)],
        ['a USCC pasted with spaces around it is recognised', (u) => `  ${u}\u3000`],
      ];
      for (const [title, transform] of TYPED) {
        it(title, async () => {
          const subject = fx.subjects.qianweiAgriculture;
          const result = await search(transform(subject.uscc!));
          expect(result.code).toMatchObject({ type: 'subject', subjectId: subject.id });
          expect(keysOf(result.hits)).toContain(keyOf('subject', subject.id));
        });
      }

      it('a USCC with a wrong check character is reported in Chinese and suggests the subject it was meant to be', async () => {
        const subject = fx.subjects.qianweiAgriculture;
        const uscc = subject.uscc!;
        const wrongCheck = USCC_CHARSET.split('').find((c) => c !== uscc.charAt(17))!;
        const typo = uscc.slice(0, 17) + wrongCheck;
        const result = await search(typo);
        expect(result.code?.type).toBe('invalid_uscc');
        if (result.code?.type !== 'invalid_uscc') return;
        expect(result.code.message).toMatch(CJK);
        expect(result.code.suggestions).toContainEqual({ uscc, subjectId: subject.id, name: subject.name });
      });

      it('a USCC with one mistyped character in the middle suggests the known subject', async () => {
        const subject = fx.subjects.jinding;
        const uscc = subject.uscc!;
        const position = 12;
        const typo = USCC_CHARSET.split('')
          .filter((c) => c !== uscc.charAt(position))
          .map((c) => uscc.slice(0, position) + c + uscc.slice(position + 1))
          .find((candidate) => {
            const v = validateUscc(candidate);
            return !v.ok && v.reason === 'check';
          })!;
        const result = await search(typo);
        expect(result.code?.type).toBe('invalid_uscc');
        if (result.code?.type !== 'invalid_uscc') return;
        expect(result.code.suggestions.map((s) => s.subjectId)).toContain(subject.id);
      });

      it('a valid USCC that no subject has is reported as unknown, in Chinese', async () => {
        const unknown = makeUscc({ registrationDept: '9', orgType: '1', division: '511100', orgCode: 'MA6Y99999' });
        const result = await search(unknown);
        expect(result.code).toMatchObject({ type: 'unknown_uscc', uscc: unknown });
        if (result.code?.type === 'unknown_uscc') expect(result.code.message).toMatch(CJK);
        expect(result.total).toBe(0);
      });

      it(`the placeholder ${USCC_PLACEHOLDER} does not list every individual business without a code`, async () => {
        for (const q of [USCC_PLACEHOLDER, USCC_PLACEHOLDER.toLowerCase()]) {
          const { first, hits } = await searchAll(q);
          expect(first.total === 0 || first.notice !== null).toBe(true);
          const listed = [fx.subjects.tofu.id, fx.subjects.shop.id].filter((id) =>
            hits.some((h) => h.subjectId === id),
          );
          expect(listed.length).toBeLessThan(2);
        }
      });

      it('the registration number of an individual business without a USCC finds it', async () => {
        const tofu = fx.subjects.tofu;
        expect(await allKeys(tofu.registrationNumber!)).toContain(keyOf('subject', tofu.id));
      });

      it('a resident ID number is never a search key: personal_id, in Chinese, and no hits', async () => {
        for (const q of [fx.person.idNumber, fx.person.idNumber.toLowerCase(), toFullWidth(fx.person.idNumber)]) {
          const result = await search(q);
          expect(result.code?.type).toBe('personal_id');
          if (result.code?.type === 'personal_id') expect(result.code.message).toMatch(CJK);
          expect(result.total).toBe(0);
          expect(result.hits).toEqual([]);
        }
      });

      const ID_PARTS: [string, (f: SearchFixtures) => string][] = [
        ['the last six digits of the ID number find nothing of the person', (f) => f.person.idNumber.slice(-6)],
        ['the birth date inside the ID number finds nothing of the person', (f) => f.person.idNumber.slice(6, 14)],
        ['the masked ID number finds nothing of the person', (f) => f.person.idMasked],
      ];
      for (const [title, part] of ID_PARTS) {
        it(title, async () => {
          const { hits } = await searchAll(part(fx));
          expect(hits.filter((h) => h.subjectId === fx.person.id)).toEqual([]);
        });
      }

      const DOCUMENT_NUMBERS: [string, string][] = [
        ['the document number as issued (〔〕) finds the penalty', '乐市监处罚〔2024〕45号'],
        ['the document number with half-width brackets finds the penalty', '乐市监处罚(2024)45号'],
        ['the document number with full-width round brackets finds the penalty', '乐市监处罚（2024）45号'],
        ['the document number with square brackets finds the penalty', '乐市监处罚[2024]45号'],
      ];
      for (const [title, q] of DOCUMENT_NUMBERS) {
        it(title, async () => {
          const { hits } = await searchAll(q);
          expect(keysOf(hits)).toContain(keyOf('penalty', fx.penalties.jiazhouSerious.id));
          expect(hits[0]?.entityId).toBe(fx.penalties.jiazhouSerious.id);
        });
      }

      it('a neighbouring document number (46号) does not find the 45号 penalty', async () => {
        expect(await allKeys('乐市监处罚〔2024〕46号')).not.toContain(keyOf('penalty', fx.penalties.jiazhouSerious.id));
      });

      it('a county document number (峨眉山市监罚〔2025〕101号) finds its penalty', async () => {
        expect(await allKeys('峨眉山市监罚〔2025〕101号')).toContain(keyOf('penalty', fx.penalties.jinding.id));
      });
    });

    // ---------------------------------------------------------------- ranking
    describe('ranking', () => {
      it('exact name first, then name prefix, then name contains, then text only (峨眉山金顶)', async () => {
        const { hits } = await searchAll('峨眉山金顶');
        const classOf = (doc: Doc) => findDoc(hits, doc)?.rankClass;
        expect(hits[0]?.rankClass).toBe(0);
        expect(hits[0]?.subjectId).toBe(fx.subjects.jindingShort.id);
        expect(classOf(['subject', fx.subjects.jindingShort.id])).toBe(0);
        expect(classOf(['subject', fx.subjects.jinding.id])).toBe(1);
        expect(classOf(['subject', fx.subjects.jindingBranch.id])).toBe(1);
        expect(classOf(['subject', fx.subjects.jindingSichuan.id])).toBe(2);
        expect(classOf(['penalty', fx.penalties.huatongMentionsJinding.id])).toBe(3);
        const position = (doc: Doc) => keysOf(hits).indexOf(keyOf(...doc));
        expect(position(['subject', fx.subjects.jinding.id])).toBeLessThan(
          position(['subject', fx.subjects.jindingSichuan.id]),
        );
        expect(position(['subject', fx.subjects.jindingSichuan.id])).toBeLessThan(
          position(['penalty', fx.penalties.huatongMentionsJinding.id]),
        );
      });

      it('the full company name puts that company and its records above its branch', async () => {
        const { hits } = await searchAll('峨眉山金顶旅游开发有限公司');
        const exact = hits.filter((h) => h.rankClass === 0);
        expect(sorted(keysOf(exact))).toEqual(
          sorted([
            keyOf('subject', fx.subjects.jinding.id),
            keyOf('penalty', fx.penalties.jinding.id),
            keyOf('licensing', fx.licences.jindingTravelExpired.id),
          ]),
        );
        expect(hits.slice(0, exact.length)).toEqual(exact);
        expect(findDoc(hits, ['subject', fx.subjects.jindingBranch.id])?.rankClass).toBe(1);
      });

      it('a full name typed with a space inside still ranks as the exact name', async () => {
        const { hits } = await searchAll('峨眉山 金顶旅游开发有限公司');
        expect(hits[0]?.rankClass).toBe(0);
        expect(hits[0]?.subjectId).toBe(fx.subjects.jinding.id);
        expect(findDoc(hits, ['subject', fx.subjects.jinding.id])?.rankClass).toBe(0);
      });

      it('rank classes never go down along the relevance order, across pages', async () => {
        for (const q of ['峨眉山金顶', '公司', '乐山', '嘉州']) {
          const { hits } = await searchAll(q, { sort: 'relevance' });
          const classes = hits.map((h) => h.rankClass);
          expect(classes).toEqual([...classes].sort((a, b) => a - b));
        }
      });

      it('rankClass agrees with the title shown for every hit', async () => {
        for (const q of ['峨眉山金顶', '金顶', '乐山', '嘉州', '锦程(乐山)', 'abc', '犍为县农业发展有限公司', '农药']) {
          const { hits } = await searchAll(q);
          for (const h of hits) {
            expect({ q, title: h.display.title, rankClass: h.rankClass }).toEqual({
              q,
              title: h.display.title,
              rankClass: expectedRankClass(h.display.title, q),
            });
          }
        }
      });

      it('within a rank class newer comes first', async () => {
        for (const q of ['峨眉山金顶', '公司', '经查']) {
          const { hits } = await searchAll(q);
          for (const rankClass of [0, 1, 2, 3]) {
            const dates = hits
              .filter((h) => h.rankClass === rankClass && h.display.date !== null)
              .map((h) => h.display.date!);
            expect(dates).toEqual([...dates].sort().reverse());
          }
        }
      });

      it('sort by date puts the newest first whatever the class, undated last', async () => {
        for (const q of ['峨眉山金顶', '犍为县', '公司']) {
          const dates = (await searchAll(q, { sort: 'date' })).hits.map((h) => h.display.date);
          const dated = dates.filter((d): d is string => d !== null);
          expect(dated).toEqual([...dated].sort().reverse());
          expect(dates.slice(0, dated.length).every((d) => d !== null)).toBe(true);
        }
        // The text-only penalty of 2026-02 comes before the exact-name shop of 2019.
        const keys = keysOf((await searchAll('峨眉山金顶', { sort: 'date' })).hits);
        expect(keys.indexOf(keyOf('penalty', fx.penalties.huatongMentionsJinding.id))).toBeLessThan(
          keys.indexOf(keyOf('subject', fx.subjects.jindingShort.id)),
        );
      });

      it('sort by date and by relevance find the same hits', async () => {
        expect(sorted(await allKeys('公司', { sort: 'date' }))).toEqual(sorted(await allKeys('公司')));
      });
    });

    // ---------------------------------------------------------------- highlights
    describe('grouped by subject (group: subject, relevance sort)', () => {
      /** Every card of a grouped search, page by page. */
      async function allCards(q: string, filters: Filters = {}) {
        const first = await search(q, { ...filters, group: 'subject', page: 1 });
        const cards = [...first.hits];
        for (let page = 2; page <= first.pageCount; page++)
          cards.push(...(await search(q, { ...filters, group: 'subject', page })).hits);
        return { first, cards };
      }
      const collapsedTotal = (h: SearchHit) => (h.collapsed ?? []).reduce((n, c) => n + c.count, 0);

      it('the full company name shows the company first, its licence and penalty collapsed under it', async () => {
        const { cards } = await allCards('峨眉山金顶旅游开发有限公司');
        expect(keyOf(cards[0]!.kind, cards[0]!.entityId)).toBe(keyOf('subject', fx.subjects.jinding.id));
        expect(cards[0]!.collapsed).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ kind: 'licensing', count: 1 }),
            expect.objectContaining({ kind: 'penalty', count: 1 }),
          ]),
        );
        // Its records do not come back as cards of their own.
        expect(hasDoc(cards, ['penalty', fx.penalties.jinding.id])).toBe(false);
        expect(hasDoc(cards, ['licensing', fx.licences.jindingTravelExpired.id])).toBe(false);
        // The text-only mention by another company stays its own card, below.
        expect(hasDoc(cards, ['penalty', fx.penalties.huatongMentionsJinding.id])).toBe(true);
      });

      it('a collapsed kind links to the 双公示 list of that subject by its USCC', async () => {
        const { cards } = await allCards('峨眉山金顶旅游开发有限公司');
        const penalty = cards[0]!.collapsed!.find((c) => c.kind === 'penalty')!;
        expect(penalty.href).toBe(`/disclosures/penalties?q=${fx.subjects.jinding.uscc}`);
        expect(cards[0]!.collapsed!.find((c) => c.kind === 'licensing')!.href).toBe(
          `/disclosures/licensing?q=${fx.subjects.jinding.uscc}`,
        );
      });

      it('a business without a USCC of its own links its collapsed records by its name, not by the placeholder code', async () => {
        const tofu = fx.subjects.tofu;
        const { cards } = await allCards(tofu.name);
        const card = cards.find((h) => h.subjectId === tofu.id)!;
        expect(card.collapsed!.map((c) => c.href).sort()).toEqual([
          `/disclosures/licensing?q=${encodeURIComponent(tofu.name)}`,
          `/disclosures/penalties?q=${encodeURIComponent(tofu.name)}`,
        ]);
      });

      for (const q of ['公司', '乐山', '金顶', '有限', '市']) {
        it(`${q}: each subject has one card, and cards with their collapsed records are every hit exactly once`, async () => {
          const { first, cards } = await allCards(q);
          const flat = await searchAll(q);
          const subjectsOfCards = cards
            .filter((h) => h.kind === 'subject' || h.kind === 'licensing' || h.kind === 'penalty')
            .map((h) => h.subjectId ?? h.docId);
          expect(new Set(subjectsOfCards).size).toBe(subjectsOfCards.length);
          expect(first.total).toBe(flat.first.total);
          expect(cards.length + cards.reduce((n, h) => n + collapsedTotal(h), 0)).toBe(flat.hits.length);
          expect(first.groupCount).toBe(cards.length);
          // A card carries its subject's records only when it is that subject or one of its records.
          for (const h of cards) if (collapsedTotal(h) > 0) expect(h.subjectId).not.toBeNull();
        });
      }

      it('the first page holds as many different subjects as there are, up to a page', async () => {
        const result = await search('公司', { group: 'subject' });
        const flat = await search('公司');
        // A subject's card stands for its licences and penalties; list entries and cases are cards of their own.
        const cardKey = (h: SearchHit) =>
          (h.kind === 'subject' || h.kind === 'licensing' || h.kind === 'penalty') && h.subjectId !== null
            ? `s${h.subjectId}`
            : h.docId;
        const distinct = (hits: readonly SearchHit[]) => new Set(hits.map(cardKey)).size;
        expect(result.hits.length).toBe(Math.min(PAGE_SIZE, result.groupCount!));
        expect(distinct(result.hits)).toBe(result.hits.length);
        expect(distinct(result.hits)).toBeGreaterThanOrEqual(distinct(flat.hits));
      });

      it('cards rank by name class, and a subject whose name matches comes before records of the same class', async () => {
        for (const q of ['峨眉山金顶', '公司', '乐山', '嘉州']) {
          const { cards } = await allCards(q);
          const classes = cards.map((h) => h.rankClass);
          expect(classes, q).toEqual([...classes].sort((a, b) => a - b));
          for (const h of cards) {
            // A record shown as a card never has its subject matching in the same class.
            if (h.kind === 'licensing' || h.kind === 'penalty')
              expect(
                cards.some((o) => o.kind === 'subject' && o.entityId === h.subjectId),
                q,
              ).toBe(false);
          }
        }
      });

      it('list entries and exposure cases keep their own cards', async () => {
        const { cards } = await allCards('盐都');
        const flat = await searchAll('盐都');
        const own = (hits: readonly SearchHit[]) =>
          sorted(keysOf(hits.filter((h) => h.kind === 'list_entry' || h.kind === 'exposure')));
        expect(own(flat.hits).length).toBeGreaterThan(0);
        expect(own(cards)).toEqual(own(flat.hits));
      });

      it('date sort stays flat even when grouping is asked for', async () => {
        const grouped = await search('公司', { group: 'subject', sort: 'date' });
        const flat = await search('公司', { sort: 'date' });
        expect(keysOf(grouped.hits)).toEqual(keysOf(flat.hits));
        expect(grouped.groupCount).toBeUndefined();
      });

      it('filters apply to grouped cards too (kind = penalty gives penalty cards only)', async () => {
        const { cards } = await allCards('公司', { kinds: ['penalty'] });
        expect(cards.length).toBeGreaterThan(0);
        expect(new Set(cards.map((h) => h.kind))).toEqual(new Set(['penalty']));
      });
    });

    describe('forgiving matching: equivalent spellings are matched, near names only suggested', () => {
      const jiazhouSerious = (f: SearchFixtures): Doc => ['penalty', f.penalties.jiazhouSerious.id];
      const EQUIVALENT: [string, string, Pick, string][] = [
        [
          'a document number without brackets and with a space',
          '乐市监处罚2024 45号',
          jiazhouSerious,
          '乐市监处罚〔2024〕45号',
        ],
        [
          'a document number without brackets and without 号',
          '乐市监处罚2024 45',
          jiazhouSerious,
          '乐市监处罚〔2024〕45号',
        ],
        [
          'a document number without brackets or spaces',
          '乐市监处罚202445号',
          jiazhouSerious,
          '乐市监处罚〔2024〕45号',
        ],
        [
          'a name without its brackets (锦程乐山商贸 for 锦程（乐山）商贸有限公司)',
          '锦程乐山商贸',
          (f) => ['subject', f.subjects.jincheng.id],
          '锦程（乐山）商贸有限公司',
        ],
        [
          'a name with another company form (有限责任公司 for 有限公司)',
          '乐山招商投资有限责任公司',
          (f) => ['subject', f.subjects.zhaoshang.id],
          '乐山招商投资有限公司',
        ],
        [
          'a name with another company form (股份有限公司 for 有限公司)',
          '峨眉山金顶旅游开发股份有限公司',
          (f) => ['subject', f.subjects.jinding.id],
          '峨眉山金顶旅游开发有限公司',
        ],
      ];
      for (const [title, q, pick, corrected] of EQUIVALENT) {
        it(`${title} is matched, and the answer says which spelling it shows`, async () => {
          const result = await search(q);
          expect(result.correctedQuery).toBe(corrected);
          expect(keysOf(result.hits)).toContain(keyOf(...pick(fx)));
        });
      }

      for (const q of ['乐市监处罚【2024】45号', '乐市监处罚[2024]45号', '乐市监处罚(2024)45号']) {
        it(`${q}: other bracket forms match exactly, with no correction`, async () => {
          const result = await search(q);
          expect(result.correctedQuery ?? null).toBeNull();
          expect(keysOf(result.hits)).toContain(keyOf(...jiazhouSerious(fx)));
        });
      }

      it('a name one character off matches nothing but suggests the subject (您是否要找)', async () => {
        const result = await search('峨眉山金顶旅游开发有限工司');
        expect(result.total).toBe(0);
        expect(result.hits).toEqual([]);
        expect(result.correctedQuery ?? null).toBeNull();
        expect(result.didYouMean?.[0]).toEqual({
          subjectId: fx.subjects.jinding.id,
          name: '峨眉山金顶旅游开发有限公司',
          href: `/subjects/${fx.subjects.jinding.id}`,
        });
      });

      it('a name with one character missing suggests the subject, closest first', async () => {
        const result = await search('乐山招商投有限公司');
        expect(result.total).toBe(0);
        expect(result.didYouMean?.map((s) => s.subjectId)).toContain(fx.subjects.zhaoshang.id);
      });

      it('an exact match never loses to a fuzzy one: the typed query answers, uncorrected', async () => {
        for (const q of ['乐山招商投资有限公司', '峨眉山金顶', '乐市监处罚〔2024〕45号', '锦程(乐山)商贸']) {
          const result = await search(q);
          expect(result.total, q).toBeGreaterThan(0);
          expect(result.correctedQuery ?? null, q).toBeNull();
          for (const s of result.didYouMean ?? [])
            expect(keysOf(result.hits), q).not.toContain(keyOf('subject', s.subjectId));
        }
        const exact = await search('峨眉山金顶旅游开发有限公司');
        expect(keyOf(exact.hits[0]!.kind, exact.hits[0]!.entityId)).not.toBe(
          keyOf('subject', fx.subjects.jindingBranch.id),
        );
        expect(exact.hits.filter((h) => h.rankClass === 0).length).toBeGreaterThan(0);
      });

      it('short queries (under 4 characters) get no typo suggestions', async () => {
        const result = await search('嘉洲餐');
        expect(result.total).toBe(0);
        expect(result.didYouMean ?? []).toEqual([]);
      });

      it("a natural person's name is never suggested or matched by a near spelling", async () => {
        const name = fx.person.fullName;
        const typo = Array.from(name)
          .map((c, i) => (i === 1 ? '错' : c))
          .join('');
        for (const q of [typo, `${name}有限公司`]) {
          const result = await search(q);
          const { hits, didYouMean, correctedQuery } = result;
          expect(JSON.stringify({ hits, didYouMean, correctedQuery })).not.toContain(name);
        }
      });
    });

    describe('highlights', () => {
      const QUERIES = [
        '嘉州',
        '金顶',
        '乐山',
        'abc',
        'XYZ',
        '沙湾区金鑫矿业',
        '锦程(乐山)',
        '(乐山)',
        '嘉州 餐饮',
        '山',
        '第1',
      ];

      it('title segments put together give exactly the title shown', async () => {
        for (const q of QUERIES) {
          const { hits } = await searchAll(q);
          for (const h of hits) expect(joined(h.titleSegments)).toBe(h.display.title);
        }
      });

      it('exactly the matched characters of a title are highlighted, every occurrence', async () => {
        for (const q of QUERIES) {
          const { hits } = await searchAll(q);
          for (const h of hits) {
            const shown = joined(h.titleSegments);
            const actual = segmentMask(h.titleSegments);
            const expected = expectedMask(shown, termsOf(q));
            const comparable = (mask: (boolean | null)[]) => mask.map((m, i) => (expected[i] === null ? null : m));
            expect({ q, title: shown, mask: comparable(actual) }).toEqual({ q, title: shown, mask: expected });
          }
        }
      });

      it('a half-width query highlights the full-width brackets of the name', async () => {
        const { hits } = await searchAll('锦程(乐山)');
        const hit = findDoc(hits, ['subject', fx.subjects.jincheng.id])!;
        expect(matchRuns(hit.titleSegments)).toEqual(['锦程（乐山）']);
      });

      it('every term of a multi-term query is highlighted in the title', async () => {
        const { hits } = await searchAll('嘉州 餐饮');
        const hit = findDoc(hits, ['subject', fx.subjects.jiazhou.id])!;
        const runs = matchRuns(hit.titleSegments).join('|');
        expect(runs).toContain('嘉州');
        expect(runs).toContain('餐饮');
      });

      it('a hit found by its text shows a snippet with the matched text highlighted (待处理)', async () => {
        const { hits } = await searchAll('待处理');
        const hit = findDoc(hits, ['penalty', fx.penalties.jiazhouPending.id])!;
        expect(hit.snippet).not.toBeNull();
        expect(joined(hit.snippet!)).toContain('待处理');
        expect(matchRuns(hit.snippet!).map(normalizeName)).toContain('待处理');
      });

      it('a snippet highlights a company name quoted in another record (text-only match)', async () => {
        const q = '峨眉山金顶旅游开发有限公司';
        const { hits } = await searchAll(q);
        const hit = findDoc(hits, ['penalty', fx.penalties.huatongMentionsJinding.id])!;
        expect(hit.rankClass).toBe(3);
        expect(matchRuns(hit.titleSegments)).toEqual([]);
        expect(matchRuns(hit.snippet ?? []).map(normalizeName)).toContain(normalizeName(q));
      });

      it('every text-only hit shows why it matched', async () => {
        for (const q of ['待处理', '农药', '观光车', '峨眉山金顶旅游开发有限公司', '二氧化硫']) {
          const { hits } = await searchAll(q);
          for (const h of hits.filter((x) => x.rankClass === 3)) {
            expect(matchRuns(h.snippet ?? []).join('')).not.toBe('');
          }
        }
      });

      it('snippets of a two-term query highlight both terms when both are in the text', async () => {
        const { hits } = await searchAll('健康证明 待处理');
        const hit = findDoc(hits, ['penalty', fx.penalties.jiazhouPending.id])!;
        const runs = matchRuns(hit.snippet ?? []).map(normalizeName);
        expect(runs).toContain('健康证明');
        expect(runs).toContain('待处理');
      });
    });

    // ---------------------------------------------------------------- filters and facets
    describe('filters and facets', () => {
      it('kinds narrows to that kind of hit, and the count matches the kind facet', async () => {
        const all = await search('公司');
        const { first, hits } = await searchAll('公司', { kinds: ['penalty'] });
        expect(hits.length).toBeGreaterThan(0);
        expect(hits.every((h) => h.kind === 'penalty')).toBe(true);
        expect(first.total).toBe(facetCount(all, 'kind', 'penalty'));
      });

      it('several kinds are ORed', async () => {
        const both = sorted(await allKeys('公司', { kinds: ['licensing', 'list_entry'] }));
        const licensing = await allKeys('公司', { kinds: ['licensing'] });
        const lists = await allKeys('公司', { kinds: ['list_entry'] });
        expect(licensing.length).toBeGreaterThan(0);
        expect(lists.length).toBeGreaterThan(0);
        expect(both).toEqual(sorted([...licensing, ...lists]));
      });

      it('departmentIds narrows to records of that department', async () => {
        const environment = fx.departments.environment;
        const { hits } = await searchAll('公司', { departmentIds: [environment.id] });
        expect(keysOf(hits)).toContain(keyOf('penalty', fx.penalties.yanduAir.id));
        expect(hits.every((h) => h.display.departmentName === environment.name)).toBe(true);
      });

      it('divisionCodes narrows to subjects of that division and their records, and ORs several', async () => {
        const inDivision = (code: string) =>
          new Set(
            Object.values(fx.subjects)
              .filter((s) => s.divisionCode === code)
              .map((s) => s.id),
          );
        const qianwei = await searchAll('公司', { divisionCodes: ['511123'] });
        expect(keysOf(qianwei.hits)).toContain(keyOf('subject', fx.subjects.qianweiAgriculture.id));
        expect(qianwei.hits.every((h) => inDivision('511123').has(h.subjectId!))).toBe(true);
        const emei = await allKeys('公司', { divisionCodes: ['511181'] });
        expect(emei).toContain(keyOf('subject', fx.subjects.jinding.id));
        expect(sorted(await allKeys('公司', { divisionCodes: ['511123', '511181'] }))).toEqual(
          sorted([...keysOf(qianwei.hits), ...emei]),
        );
      });

      it('years narrows to hits dated in that year, and ORs several', async () => {
        const y2025 = await searchAll('公司', { years: [2025] });
        expect(y2025.hits.length).toBeGreaterThan(0);
        expect(y2025.hits.every((h) => h.display.date?.startsWith('2025'))).toBe(true);
        const y2024 = await allKeys('公司', { years: [2024] });
        expect(y2024.length).toBeGreaterThan(0);
        expect(sorted(await allKeys('公司', { years: [2024, 2025] }))).toEqual(
          sorted([...keysOf(y2025.hits), ...y2024]),
        );
      });

      it('categories finds penalties with that category, also when it is one of several', async () => {
        expect(sorted(await allKeys('经查', { categories: ['警告'] }))).toEqual(
          sorted([keyOf('penalty', fx.penalties.jiazhouPending.id), keyOf('penalty', fx.penalties.shopMinor.id)]),
        );
      });

      it('several categories are ORed', async () => {
        expect(sorted(await allKeys('经查', { categories: ['警告', '责令停产停业'] }))).toEqual(
          sorted([
            keyOf('penalty', fx.penalties.jiazhouPending.id),
            keyOf('penalty', fx.penalties.shopMinor.id),
            keyOf('penalty', fx.penalties.jiazhouSerious.id),
          ]),
        );
      });

      it('a penalty with 警告;罚款 counts once under each category', async () => {
        const result = await search('乐市监处罚〔2026〕12号');
        expect(result.total).toBe(1);
        expect(facetCount(result, 'category', '警告')).toBe(1);
        expect(facetCount(result, 'category', '罚款')).toBe(1);
      });

      it('severities narrows to serious penalties, never counting hidden ones', async () => {
        expect(sorted(await allKeys('经查', { severities: ['serious'] }))).toEqual(
          sorted([keyOf('penalty', fx.penalties.jiazhouSerious.id), keyOf('penalty', fx.penalties.yanduAir.id)]),
        );
        // The unpublished minor penalty stays hidden; only the published one is found.
        expect(await allKeys('经查', { severities: ['minor'] })).toEqual([keyOf('penalty', fx.penalties.shopMinor.id)]);
      });

      it('listTypes narrows to entries of that list', async () => {
        const honor = await searchAll('有限公司', { listTypes: ['honor'] });
        expect(sorted(keysOf(honor.hits))).toEqual(
          sorted([
            keyOf('list_entry', fx.listEntries.qianweiHonor.id),
            keyOf('list_entry', fx.listEntries.jiazhouHonorEndsToday.id),
          ]),
        );
        expect(sorted(await allKeys('有限公司', { listTypes: ['dishonesty'] }))).toEqual(
          sorted([
            keyOf('list_entry', fx.listEntries.yanduDishonesty.id),
            keyOf('list_entry', fx.listEntries.jindingBranchSuspended.id),
          ]),
        );
      });

      it('domains narrows to penalties, list entries and cases of that domain', async () => {
        expect(sorted(await allKeys('盐都', { domains: ['生态环境'] }))).toEqual(
          sorted([
            keyOf('penalty', fx.penalties.yanduAir.id),
            keyOf('penalty', fx.penalties.yanduSuspended.id),
            keyOf('penalty', fx.penalties.yanduToggle.id),
            keyOf('list_entry', fx.listEntries.yanduDishonesty.id),
            keyOf('exposure', fx.exposure.published.id),
          ]),
        );
      });

      it('filters of different facets are ANDed', async () => {
        const combined: Filters = { kinds: ['penalty'], years: [2026], severities: ['general'] };
        const together = sorted(await allKeys('经查', combined));
        const apart = await Promise.all([
          allKeys('经查', { kinds: ['penalty'] }),
          allKeys('经查', { years: [2026] }),
          allKeys('经查', { severities: ['general'] }),
        ]);
        const intersection = apart.reduce((acc, keys) => acc.filter((k) => keys.includes(k)));
        expect(together.length).toBeGreaterThan(0);
        expect(together).toEqual(sorted(intersection));
      });

      it('every answer carries every facet, even an empty one', async () => {
        for (const q of ['公司', '州嘉', '']) {
          const result = await search(q);
          expect(Object.keys(result.facets).sort()).toEqual([...FACETS].sort());
          for (const facet of FACETS) expect(Array.isArray(result.facets[facet])).toBe(true);
        }
      });

      it('without a kind filter the kind counts add up to the total', async () => {
        for (const q of ['公司', '乐山', '经查', '金顶', '盐都']) {
          const result = await search(q);
          const sum = result.facets.kind.reduce((n, v) => n + v.count, 0);
          expect(sum).toBe(result.total);
        }
      });

      it('each facet count is the number of hits you get by selecting that value', async () => {
        const result = await search('乐山');
        for (const facet of FACETS) {
          for (const value of result.facets[facet]) {
            const narrowed = await search('乐山', filterFor(facet, value.value));
            expect({ facet, value: value.value, count: narrowed.total }).toEqual({
              facet,
              value: value.value,
              count: value.count,
            });
          }
        }
      });

      it('selecting a kind leaves the kind counts as they were, while other facets shrink to it', async () => {
        const before = await search('公司');
        const after = await search('公司', { kinds: ['penalty'] });
        expect(counts(after.facets.kind)).toEqual(counts(before.facets.kind));
        const yearsBefore = before.facets.year.reduce((n, v) => n + v.count, 0);
        const yearsAfter = after.facets.year.reduce((n, v) => n + v.count, 0);
        expect(yearsAfter).toBeLessThan(yearsBefore);
        for (const v of after.facets.year) {
          expect(v.count).toBe((await search('公司', { kinds: ['penalty'], years: [Number(v.value)] })).total);
        }
      });

      it('selecting a year leaves the year counts as they were, while the kind counts shrink', async () => {
        const before = await search('公司');
        const after = await search('公司', { years: [2025] });
        expect(counts(after.facets.year)).toEqual(counts(before.facets.year));
        expect(counts(after.facets.kind)).not.toEqual(counts(before.facets.kind));
        expect(after.facets.kind.reduce((n, v) => n + v.count, 0)).toBe(after.total);
      });

      it('selecting a category leaves the category counts as they were', async () => {
        const before = await search('经查');
        const after = await search('经查', { categories: ['警告'] });
        expect(counts(after.facets.category)).toEqual(counts(before.facets.category));
        expect(after.total).toBe(facetCount(before, 'category', '警告'));
      });

      it('selected values are marked selected, and only those', async () => {
        const result = await search('公司', {
          kinds: ['penalty', 'licensing'],
          departmentIds: [fx.departments.market.id],
        });
        const selected = (facet: FacetName) =>
          result.facets[facet]
            .filter((v) => v.selected)
            .map((v) => v.value)
            .sort();
        expect(selected('kind')).toEqual(['licensing', 'penalty']);
        expect(selected('department')).toEqual([String(fx.departments.market.id)]);
        expect(selected('year')).toEqual([]);
      });

      it('a selected value with no hits still shows, selected, so it can be unticked', async () => {
        const result = await search('公司', { years: [2019] });
        expect(result.total).toBe(0);
        expect(result.facets.year.find((v) => v.value === '2019')).toMatchObject({ selected: true, count: 0 });
      });

      it('facet values carry Chinese labels: kinds by name, departments by name', async () => {
        const result = await search('公司');
        for (const v of result.facets.kind) expect(v.label).toBe(HIT_KIND_LABELS[v.value as HitKind]);
        const department = result.facets.department.find((v) => v.value === String(fx.departments.environment.id));
        expect(department?.label).toBe(fx.departments.environment.name);
        for (const facet of FACETS) for (const v of result.facets[facet]) expect(v.label).not.toBe('');
      });

      it('facets and totals of a small result are exact', async () => {
        const result = await search('公司');
        expect(result.totalIsExact).toBe(true);
        expect(result.facetsAreExact).toBe(true);
      });

      it('hidden records are never counted in facets (乐环罚字: only the 3 public penalties)', async () => {
        const result = await search('乐环罚字');
        expect(result.total).toBe(3);
        expect(counts(result.facets.kind)).toEqual({ penalty: 3 });
        expect(facetCount(result, 'severity', 'minor')).toBe(0);
      });
    });

    // ---------------------------------------------------------------- pagination
    describe('pagination', () => {
      it(`pages hold ${PAGE_SIZE} hits, with the total and the page count`, async () => {
        const result = await search('公司');
        expect(result.total).toBeGreaterThan(PAGE_SIZE);
        expect(result.pageSize).toBe(PAGE_SIZE);
        expect(result.page).toBe(1);
        expect(result.hits).toHaveLength(PAGE_SIZE);
        expect(result.pageCount).toBe(Math.ceil(result.total / PAGE_SIZE));
      });

      it('walking the pages gives every hit exactly once (no duplicates, no gaps), in both sorts', async () => {
        for (const sort of ['relevance', 'date'] as const) {
          const { first, hits } = await searchAll('公司', { sort });
          const keys = keysOf(hits);
          expect(new Set(keys).size).toBe(keys.length);
          expect(keys).toHaveLength(first.total);
          expect(new Set(hits.map((h) => h.docId)).size).toBe(hits.length);
        }
      });

      it('the same page asked twice comes back in the same order', async () => {
        const a = await search('公司', { page: 2 });
        const b = await search('公司', { page: 2 });
        expect(a.hits.length).toBeGreaterThan(0);
        expect(keysOf(b.hits)).toEqual(keysOf(a.hits));
      });

      it('every page but the last is full, and pages agree on the total', async () => {
        const first = await search('公司');
        for (let page = 1; page <= first.pageCount; page++) {
          const result = await search('公司', { page });
          expect(result.page).toBe(page);
          expect(result.total).toBe(first.total);
          expect(result.hits).toHaveLength(page < first.pageCount ? PAGE_SIZE : first.total - PAGE_SIZE * (page - 1));
        }
      });

      it('a page past the end is empty but keeps the total', async () => {
        const first = await search('公司');
        const past = await search('公司', { page: first.pageCount + 1 });
        expect(past.hits).toEqual([]);
        expect(past.total).toBe(first.total);
        const far = await search('公司', { page: EXACT_TOTAL_LIMIT / PAGE_SIZE + 1 });
        expect(far.hits).toEqual([]);
      });

      it('a page number below 1 is read as the first page', async () => {
        const first = await search('公司', { page: 1 });
        for (const page of [0, -3]) {
          const result = await search('公司', { page });
          expect(result.page).toBe(1);
          expect(keysOf(result.hits)).toEqual(keysOf(first.hits));
        }
      });

      it('a small result has an exact total equal to the hits it pages through', async () => {
        const { first, hits } = await searchAll('金顶');
        expect(first.totalIsExact).toBe(true);
        expect(first.pageCount).toBe(1);
        expect(hits).toHaveLength(first.total);
      });
    });

    // ---------------------------------------------------------------- visibility
    describe('only what is public is searchable', () => {
      const findsRecord = async (q: string, doc: Doc, today = TODAY) =>
        hasDoc((await searchAll(q, {}, today)).hits, doc);

      it('a penalty leaves search on its publicUntil day and is there the day before', async () => {
        const doc: Doc = ['penalty', fx.penalties.yanduExpired.id];
        for (const q of ['危险废物识别标志', fx.penalties.yanduExpired.documentNumber]) {
          expect(await findsRecord(q, doc, DAY_BEFORE_TODAY)).toBe(true);
          expect(await findsRecord(q, doc, TODAY)).toBe(false);
        }
      });

      it('a penalty is not shown before its publicFrom day, and is from that day on', async () => {
        const penalty = fx.penalties.yanduNotYetPublic;
        const doc: Doc = ['penalty', penalty.id];
        for (const q of ['应急减排', penalty.documentNumber]) {
          expect(await findsRecord(q, doc, TODAY)).toBe(false);
          expect(await findsRecord(q, doc, DAY_AFTER_TODAY)).toBe(true);
        }
      });

      const HIDDEN: [string, (f: SearchFixtures) => RecordRef, string, HitKind][] = [
        ['a withdrawn penalty never appears', (f) => f.penalties.yanduWithdrawn, '未批先建', 'penalty'],
        ['a repaired penalty never appears', (f) => f.penalties.yanduRepaired, '扬尘防治', 'penalty'],
        [
          'an unpublished minor penalty never appears',
          (f) => f.penalties.yanduUnpublishedMinor,
          '公开环境信息',
          'penalty',
        ],
        ['a withdrawn licence never appears', (f) => f.licences.abcWithdrawn, '医疗器械', 'licensing'],
      ];
      for (const [title, pick, keyword, kind] of HIDDEN) {
        it(`${title}, not even by its document number`, async () => {
          const record = pick(fx);
          for (const today of [TODAY, DAY_BEFORE_TODAY]) {
            expect(await findsRecord(keyword, [kind, record.id], today)).toBe(false);
            expect(await findsRecord(record.documentNumber, [kind, record.id], today)).toBe(false);
          }
        });
      }

      it('a penalty under objection stays visible, past its end date, marked 异议处理中', async () => {
        const { hits } = await searchAll('自动监测设备');
        const hit = findDoc(hits, ['penalty', fx.penalties.yanduSuspended.id]);
        expect(hit?.display.badges).toContain('异议处理中');
      });

      it('a penalty without an objection is not marked 异议处理中', async () => {
        const { hits } = await searchAll('超标排放大气污染物');
        const hit = findDoc(hits, ['penalty', fx.penalties.yanduAir.id]);
        expect(hit).toBeDefined();
        expect(hit?.display.badges).not.toContain('异议处理中');
      });

      it('a list entry under objection stays in force, marked 异议处理中', async () => {
        const { hits } = await searchAll('事故隐患');
        const hit = findDoc(hits, ['list_entry', fx.listEntries.jindingBranchSuspended.id]);
        expect(hit?.display.badges).toContain('异议处理中');
      });

      it('a licence past its 有效期至 is still found, marked 已过期', async () => {
        const { hits } = await searchAll('入境旅游业务');
        expect(findDoc(hits, ['licensing', fx.licences.jindingTravelExpired.id])?.display.badges).toContain('已过期');
      });

      it('a licence still valid is not marked 已过期', async () => {
        const { hits } = await searchAll('热食类');
        const hit = findDoc(hits, ['licensing', fx.licences.jiazhouFood.id]);
        expect(hit).toBeDefined();
        expect(hit?.display.badges).not.toContain('已过期');
      });

      it('a licence is valid through its 有效期至 and marked 已过期 the day after', async () => {
        const doc: Doc = ['licensing', fx.licences.lanhaiEndsToday.id];
        const onLastDay = findDoc((await searchAll('冷链食品仓储', {}, TODAY)).hits, doc);
        expect(onLastDay).toBeDefined();
        expect(onLastDay?.display.badges).not.toContain('已过期');
        const dayAfter = findDoc((await searchAll('冷链食品仓储', {}, DAY_AFTER_TODAY)).hits, doc);
        expect(dayAfter?.display.badges).toContain('已过期');
      });

      it('a list entry past its 有效期至 is gone even before anyone marks it expired', async () => {
        expect(await findsRecord('拒不履行', ['list_entry', fx.listEntries.huatongExpired.id])).toBe(false);
      });

      it('a removed list entry is gone', async () => {
        expect(await findsRecord('恶意拖欠工程款', ['list_entry', fx.listEntries.zhaoshangRemoved.id])).toBe(false);
      });

      it('a list entry is in force through its 有效期至 and gone the day after', async () => {
        const doc: Doc = ['list_entry', fx.listEntries.jiazhouHonorEndsToday.id];
        expect(await findsRecord('食品安全示范店', doc, TODAY)).toBe(true);
        expect(await findsRecord('食品安全示范店', doc, DAY_AFTER_TODAY)).toBe(false);
      });

      it('a published exposure case is found; a draft is not', async () => {
        expect(await findsRecord('二氧化硫浓度', ['exposure', fx.exposure.published.id])).toBe(true);
        expect(await findsRecord('不合理低价游', ['exposure', fx.exposure.draft.id])).toBe(false);
        expect((await search('不合理低价游')).total).toBe(0);
      });

      it('a penalty withdrawn by staff is gone from the next search, and back once restored', async () => {
        const penalty = fx.penalties.yanduToggle;
        const doc: Doc = ['penalty', penalty.id];
        const refs = [{ kind: 'penalty' as const, id: penalty.id }];
        expect(await findsRecord('擅自倾倒', doc)).toBe(true);
        try {
          await writeAndSync(refs, (trx) =>
            trx
              .updateTable('penaltyRecords')
              .set({ status: 'withdrawn', withdrawnOn: TODAY, withdrawalReason: '经复核撤销' })
              .where('id', '=', penalty.id)
              .execute(),
          );
          expect(await findsRecord('擅自倾倒', doc)).toBe(false);
          expect(await findsRecord(penalty.documentNumber, doc)).toBe(false);
        } finally {
          await writeAndSync(refs, (trx) =>
            trx
              .updateTable('penaltyRecords')
              .set({ status: 'published', withdrawnOn: null, withdrawalReason: null })
              .where('id', '=', penalty.id)
              .execute(),
          );
        }
        expect(await findsRecord('擅自倾倒', doc)).toBe(true);
      });

      // The decision still names the subject as it was called then, so the old name keeps finding the
      // record (a firm cannot shed its record by renaming), while the subject itself answers to its new name.
      it('a renamed subject and its records are found by the new name; the old name finds only the decision', async () => {
        const subject = fx.subjects.renamed;
        const refs = [{ kind: 'subject' as const, id: subject.id }];
        const ours = [keyOf('subject', subject.id), keyOf('penalty', fx.penalties.renamed.id)];
        const rename = (to: string) =>
          writeAndSync(refs, (trx) =>
            trx
              .updateTable('subjects')
              .set({ name: to, nameNorm: normalizeName(to) })
              .where('id', '=', subject.id)
              .execute(),
          );
        expect(sorted(await allKeys('青衣江建材'))).toEqual(sorted(ours));
        try {
          await rename(RENAMED_NEW_NAME);
          expect(sorted(await allKeys('岷江建材'))).toEqual(sorted(ours));
          expect(await allKeys('青衣江建材')).toEqual([keyOf('penalty', fx.penalties.renamed.id)]);
          const byOldName = await search('青衣江建材');
          expect(byOldName.hits[0]?.display.title).toBe(RENAMED_NEW_NAME);
        } finally {
          await rename(subject.name);
        }
        expect(sorted(await allKeys('青衣江建材'))).toEqual(sorted(ours));
      });
    });

    // ---------------------------------------------------------------- privacy
    describe("a natural person's privacy", () => {
      it('the full name of a natural person finds nothing', async () => {
        for (const q of [fx.person.fullName, fx.person.fullName.slice(1)]) {
          const result = await search(q);
          expect(result.total).toBe(0);
          expect(result.hits).toEqual([]);
        }
      });

      it('their penalty is shown under the masked name', async () => {
        const { hits } = await searchAll('无照经营');
        const hit = findDoc(hits, ['penalty', fx.penalties.person.id]);
        expect(hit?.display.title).toBe(fx.person.maskedName);
        expect(hit?.subjectId).toBe(fx.person.id);
      });

      it('their dishonesty list entry is shown under the masked name', async () => {
        const { hits } = await searchAll('拒不缴纳罚款');
        const hit = findDoc(hits, ['list_entry', fx.listEntries.personDishonesty.id]);
        expect(hit?.display.title).toBe(fx.person.maskedName);
        expect(matchRuns(hit?.titleSegments ?? [])).toEqual([]);
      });

      it('the surname alone finds the masked record, never the full name', async () => {
        const { hits } = await searchAll(fx.person.fullName.charAt(0));
        const ours = hits.filter((h) => h.subjectId === fx.person.id);
        expect(ours.length).toBeGreaterThan(0);
        for (const h of ours) expect(h.display.title).toBe(fx.person.maskedName);
      });

      it('no hit anywhere shows the full name or the ID number', async () => {
        const queries = [
          '无照经营',
          '滨江路',
          '王',
          '经查',
          '乐市监处罚',
          fx.penalties.person.documentNumber,
          '烧烤',
          '拒不缴纳罚款',
          fx.listEntries.personDishonesty.decisionNumber,
        ];
        for (const q of queries) {
          const { hits } = await searchAll(q);
          for (const h of hits) {
            const shown = JSON.stringify(h);
            expect(shown).not.toContain(fx.person.fullName);
            expect(shown).not.toContain(fx.person.fullName.slice(1));
            expect(shown).not.toContain(fx.person.idNumber);
          }
        }
      });
    });

    // ---------------------------------------------------------------- robustness
    describe('robustness', () => {
      const EMPTY: [string, string][] = [
        ['an empty query', ''],
        ['a query of half-width spaces', '   '],
        ['a query of full-width spaces and tabs', '\u3000\t\u3000'],
      ];
      for (const [title, q] of EMPTY) {
        it(`${title} gives no hits and no error`, async () => {
          const result = await search(q);
          expect(result.total).toBe(0);
          expect(result.hits).toEqual([]);
        });
      }

      it(`a query longer than ${MAX_QUERY_LENGTH} characters gives a notice, not an error`, async () => {
        const q = '乐山市市中区嘉州餐饮管理有限公司'.repeat(10);
        expect(Array.from(q).length).toBeGreaterThan(MAX_QUERY_LENGTH);
        const result = await search(q);
        expect(result.notice).toMatch(CJK);
        expect(result.hits.length).toBeLessThanOrEqual(PAGE_SIZE);
      });

      const LITERAL: string[] = ['%', '_', '\\', "'", '"', '%%', '%_%', '\\%', "'%'", '?', '&', '|', '!', ':*', '<->'];
      for (const q of LITERAL) {
        it(`the metacharacter query ${JSON.stringify(q)} is taken literally: no error, no match-all`, async () => {
          const result = await search(q);
          expect(result.total).toBe(0);
          expect(result.hits).toEqual([]);
        });
      }

      it('a lone interpunct (·) matches nothing when no text contains one', async () => {
        for (const q of ['·', '・']) {
          const result = await search(q);
          expect(result.total).toBe(0);
        }
      });

      it('SQL in the query is just text, and the data is still there afterwards', async () => {
        const result = await search("'; drop table search_documents; --");
        expect(result.total).toBe(0);
        const row = await sql<{ n: number }>`select count(*)::int as n from subjects`.execute(db);
        expect(row.rows[0]?.n).toBeGreaterThan(0);
        expect((await search('嘉州')).total).toBeGreaterThan(0);
      });

      it('emoji, rare characters and markup do not break the search', async () => {
        for (const q of ['😀', '乐山😀', '👨‍👩‍👧', '𠮷', '\u{2A6D6}', '<script>alert(1)</script>', '\uFFFD']) {
          const result = await search(q);
          expect(result.hits.length).toBeLessThanOrEqual(PAGE_SIZE);
        }
        expect(await allKeys('𠮷')).toContain(keyOf('subject', fx.subjects.rareChar.id));
      });

      it('a NUL character pasted into the query does not break the search', async () => {
        for (const q of ['\u0000', '嘉州\u0000', '\u0000\u0000 公司']) {
          const result = await search(q);
          expect(result.hits.length).toBeLessThanOrEqual(PAGE_SIZE);
        }
      });
    });

    // ---------------------------------------------------------------- hit typing
    describe('hits are typed and link to their page', () => {
      it('a subject hit is the subject itself and links to /subjects/', async () => {
        const hit = findDoc((await searchAll('犍为县农业发展有限公司')).hits, [
          'subject',
          fx.subjects.qianweiAgriculture.id,
        ])!;
        expect(hit.subjectId).toBe(fx.subjects.qianweiAgriculture.id);
        expect(hit.display.title).toBe(fx.subjects.qianweiAgriculture.name);
        expect(hit.display.href.startsWith('/subjects/')).toBe(true);
      });

      it('a penalty hit carries its subject, number, department and date, and links to /disclosures/penalties/', async () => {
        const penalty = fx.penalties.jiazhouSerious;
        const hit = findDoc((await searchAll(penalty.documentNumber)).hits, ['penalty', penalty.id])!;
        expect(hit.subjectId).toBe(fx.subjects.jiazhou.id);
        expect(hit.display.title).toBe(fx.subjects.jiazhou.name);
        expect(hit.display.documentNumber).toBe(penalty.documentNumber);
        expect(hit.display.departmentName).toBe(fx.departments.market.name);
        expect(hit.display.date).toBe('2024-11-15');
        expect(hit.display.href.startsWith('/disclosures/penalties/')).toBe(true);
      });

      it('a licensing hit carries its subject and links to /disclosures/licensing/', async () => {
        const licence = fx.licences.qianweiPesticide;
        const hit = findDoc((await searchAll(licence.documentNumber)).hits, ['licensing', licence.id])!;
        expect(hit.subjectId).toBe(fx.subjects.qianweiAgriculture.id);
        expect(hit.display.documentNumber).toBe(licence.documentNumber);
        expect(hit.display.href.startsWith('/disclosures/licensing/')).toBe(true);
      });

      it('a list entry hit carries its subject and links to its own page under /lists/', async () => {
        const entry = fx.listEntries.yanduDishonesty;
        const hit = findDoc((await searchAll('情节严重')).hits, ['list_entry', entry.id])!;
        expect(hit.subjectId).toBe(fx.subjects.yandu.id);
        expect(hit.display.href).toBe(`/lists/dishonesty/${entry.id}`);
      });

      it('an exposure hit shows the case title, carries its subject and links to /exposure/', async () => {
        const exposure = fx.exposure.published;
        const hit = findDoc((await searchAll('二氧化硫浓度')).hits, ['exposure', exposure.id])!;
        expect(hit.display.title).toBe(exposure.title);
        expect(hit.subjectId).toBe(fx.subjects.yandu.id);
        expect(hit.display.href.startsWith('/exposure/')).toBe(true);
      });

      it('every hit is well formed: known kind, rank class 0–3, dates as YYYY-MM-DD, distinct ids', async () => {
        for (const q of ['公司', '乐山', '经查', '盐都']) {
          const { hits } = await searchAll(q);
          expect(new Set(hits.map((h) => h.docId)).size).toBe(hits.length);
          for (const h of hits) {
            expect(HIT_KINDS).toContain(h.kind);
            expect([0, 1, 2, 3]).toContain(h.rankClass);
            expect(h.display.title).not.toBe('');
            expect(h.display.href.startsWith('/')).toBe(true);
            if (h.display.date !== null) expect(h.display.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            if (h.kind !== 'subject' && h.kind !== 'exposure') expect(h.subjectId).not.toBeNull();
          }
        }
      });
    });
  });
}
