import type { Db } from '../db/client';
import { LIST_TYPE_LABELS, SEVERITY_LABELS, type ListType, type Severity } from '../rules/codes';
import { classifyCodeQuery } from './codes';
import * as repo from './repository';
import { highlight, rankClassOf, snippet, type ParsedQuery } from './text';
import {
  FACETS,
  HIT_KIND_LABELS,
  PAGE_SIZE,
  type CodeOutcome,
  type FacetName,
  type FacetValue,
  type HitDisplay,
  type HitKind,
  type SearchHit,
  type SearchResult,
} from './types';

// Parts of a SearchResult that do not depend on the engine: code outcomes, facet labels and
// values, and hits built from stored documents. Both engines build their answers with these.

export interface Labels {
  departments: Map<string, string>;
  divisions: Map<string, string>;
}

/** Department and division names change by hand, rarely: a search reads them at most once a minute. */
const LABELS_TTL_MS = 60_000;
const labelCache = new WeakMap<Db, { at: number; labels: Promise<Labels> }>();

export function loadLabels(db: Db): Promise<Labels> {
  const cached = labelCache.get(db);
  if (cached && Date.now() - cached.at < LABELS_TTL_MS) return cached.labels;
  const labels = readLabels(db);
  labelCache.set(db, { at: Date.now(), labels });
  labels.catch(() => labelCache.delete(db));
  return labels;
}

async function readLabels(db: Db): Promise<Labels> {
  const [departments, divisions] = await Promise.all([repo.departmentLabels(db), repo.divisionLabels(db)]);
  return {
    departments: new Map(departments.map((d) => [String(d.id), d.name])),
    divisions: new Map(divisions.map((d) => [d.code, d.name])),
  };
}

function labelOf(facet: FacetName, value: string, labels: Labels): string {
  switch (facet) {
    case 'kind':
      return HIT_KIND_LABELS[value as HitKind] ?? value;
    case 'department':
      return labels.departments.get(value) ?? value;
    case 'division':
      return labels.divisions.get(value) ?? value;
    case 'year':
      return `${value}年`;
    case 'severity':
      return SEVERITY_LABELS[value as Severity] ?? value;
    case 'listType':
      return LIST_TYPE_LABELS[value as ListType] ?? value;
    default:
      return value;
  }
}

/** A facet's values from its counts, selected values kept (with 0) so they can be unticked. */
export function facetValues(
  counts: ReadonlyMap<string, number>,
  facet: FacetName,
  selected: readonly string[],
  labels: Labels,
): FacetValue[] {
  const values = new Map(counts);
  for (const v of selected) if (!values.has(v)) values.set(v, 0);
  return [...values.entries()]
    .map(([value, count]) => ({
      value,
      label: labelOf(facet, value, labels),
      count,
      selected: selected.includes(value),
    }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

export function emptyFacets(): Record<FacetName, FacetValue[]> {
  return Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<FacetName, FacetValue[]>;
}

export function emptyResult(
  parsed: ParsedQuery,
  page: number,
  code: CodeOutcome | null,
  notice: string | null,
): SearchResult {
  return {
    terms: parsed.terms,
    total: 0,
    totalIsExact: true,
    page,
    pageSize: PAGE_SIZE,
    pageCount: 0,
    hits: [],
    facets: emptyFacets(),
    facetsAreExact: true,
    code,
    notice,
  };
}

export const PLACEHOLDER_NOTICE =
  '00000000000000000X 是未取得统一社会信用代码的个体工商户共用的占位代码，请输入名称或工商注册号查询。';

/** What a code-like query is, with the known subjects looked up in PostgreSQL (the source of truth). */
export async function resolveCode(db: Db, parsed: ParsedQuery): Promise<CodeOutcome | 'placeholder' | null> {
  const code = classifyCodeQuery(parsed.rawTerms);
  switch (code.type) {
    case 'none':
      return null;
    case 'placeholder':
      return 'placeholder';
    case 'personal_id':
      return {
        type: 'personal_id',
        message: '为保护个人信息，本站不支持按身份证号码查询。请输入企业名称、统一社会信用代码或决定文书号。',
      };
    case 'uscc': {
      const [subject] = await repo.subjectsByUscc(db, [code.uscc]);
      return subject
        ? { type: 'subject', uscc: code.uscc, subjectId: subject.id, name: subject.name }
        : {
            type: 'unknown_uscc',
            uscc: code.uscc,
            message: `统一社会信用代码 ${code.uscc} 格式正确，但本站暂无该主体的公示信息。`,
          };
    }
    case 'invalid_uscc': {
      const known = await repo.subjectsByUscc(db, code.candidates);
      return {
        type: 'invalid_uscc',
        input: code.input,
        message: code.message,
        suggestions: known.map((s) => ({ uscc: s.uscc!, subjectId: s.id, name: s.name })),
      };
    }
  }
}

/** A stored document as a hit: highlights and rank class computed here, 已过期 decided by today. */
export function hitOf(
  doc: {
    docId: string;
    kind: HitKind;
    entityId: number;
    subjectId: number | null;
    titleNorm: string;
    body: string;
    display: HitDisplay;
    expiresOn: string | null;
  },
  parsed: ParsedQuery,
  today: string,
): SearchHit {
  const expired = doc.kind === 'licensing' && doc.expiresOn !== null && doc.expiresOn < today;
  const display: HitDisplay = {
    ...doc.display,
    badges: expired ? [...doc.display.badges, '已过期'] : doc.display.badges,
  };
  return {
    docId: doc.docId,
    kind: doc.kind,
    entityId: doc.entityId,
    subjectId: doc.subjectId,
    display,
    titleSegments: highlight(display.title, parsed.terms),
    snippet: snippet(doc.body, parsed.terms),
    rankClass: rankClassOf(doc.titleNorm, parsed.nameQuery),
  };
}
