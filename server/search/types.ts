import type { ListType, Severity } from '../rules/codes';

// The search core's contract. Every engine (PostgreSQL now, Meilisearch later) implements
// `SearchEngine` and must pass the same contract suite (tests/integration/search/).

export const HIT_KINDS = ['subject', 'licensing', 'penalty', 'list_entry', 'exposure'] as const;
export type HitKind = (typeof HIT_KINDS)[number];
export const HIT_KIND_LABELS: Record<HitKind, string> = {
  subject: '信用主体',
  licensing: '行政许可',
  penalty: '行政处罚',
  list_entry: '红黑名单',
  exposure: '曝光案例',
};

export const PAGE_SIZE = 20;
/** Totals are exact up to this many hits and reported as "10,000+" beyond. */
export const EXACT_TOTAL_LIMIT = 10_000;
/** Only the first this-many results can be paged to (500 pages of 20). */
export const MAX_RESULT_WINDOW = 10_000;
export const MAX_QUERY_LENGTH = 100;
export const MAX_TERMS = 8;

export const FACETS = ['kind', 'department', 'division', 'year', 'category', 'severity', 'listType', 'domain'] as const;
export type FacetName = (typeof FACETS)[number];

/** The request field that filters each facet (OR within a facet, AND across facets). */
export const REQUEST_KEY_OF_FACET = {
  kind: 'kinds',
  department: 'departmentIds',
  division: 'divisionCodes',
  year: 'years',
  category: 'categories',
  severity: 'severities',
  listType: 'listTypes',
  domain: 'domains',
} as const satisfies Record<FacetName, keyof SearchRequest>;

/** The values a request selects for a facet, as strings. */
export function selectedValues(request: Omit<SearchRequest, 'q'>, facet: FacetName): string[] {
  return ((request[REQUEST_KEY_OF_FACET[facet]] ?? []) as readonly (string | number)[]).map(String);
}

/** A search as people ask it. Every filter is a list of allowed values (OR within, AND across). */
export interface SearchRequest {
  q: string;
  kinds?: readonly HitKind[];
  departmentIds?: readonly number[];
  divisionCodes?: readonly string[];
  years?: readonly number[];
  categories?: readonly string[];
  severities?: readonly Severity[];
  listTypes?: readonly ListType[];
  domains?: readonly string[];
  sort?: 'relevance' | 'date';
  /**
   * 'subject' (relevance sort only): one card per subject, its matching licences and penalties
   * collapsed under it, so a page shows up to PAGE_SIZE different subjects. Flat by default.
   */
  group?: 'flat' | 'subject';
  /** 1-based. */
  page?: number;
}

/** Records of a subject collapsed under its card in a grouped search: how many of one kind. */
export interface CollapsedRecords {
  kind: HitKind;
  count: number;
  /** The list of the subject's records of that kind (by USCC or name), when it has one. */
  href: string | null;
}

/** A run of text, `match` when it is (part of) a match of a query term. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/** What a hit shows; built when the document is indexed, so every engine returns the same. */
export interface HitDisplay {
  /** The public name of the subject (natural persons masked) or the exposure case title. */
  title: string;
  /** One line under the title: licence document name, violation type, list reason … */
  subtitle: string | null;
  documentNumber: string | null;
  departmentName: string | null;
  /** The record's own date (decision, listing, publication). */
  date: string | null;
  /** Chinese status badges: 异议处理中, 已过期, 失信惩戒对象 … */
  badges: string[];
  /** Path of the page that shows the hit. */
  href: string;
}

export interface SearchHit {
  docId: string;
  kind: HitKind;
  entityId: number;
  subjectId: number | null;
  display: HitDisplay;
  titleSegments: TextSegment[];
  snippet: TextSegment[] | null;
  /** 0 exact name, 1 name prefix, 2 name contains, 3 text only (relevance order). */
  rankClass: 0 | 1 | 2 | 3;
  /** Grouped searches only: the other matches of the same subject, by kind (empty when none). */
  collapsed?: CollapsedRecords[];
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export type CodeOutcome =
  /** A valid USCC of a known subject: go straight to it. */
  | { type: 'subject'; uscc: string; subjectId: number; name: string }
  /** A valid USCC that no subject has. */
  | { type: 'unknown_uscc'; uscc: string; message: string }
  /** A USCC with a wrong check character, with known subjects one character away. */
  | {
      type: 'invalid_uscc';
      input: string;
      message: string;
      suggestions: { uscc: string; subjectId: number; name: string }[];
    }
  /** A resident ID number: never a search key. */
  | { type: 'personal_id'; message: string };

export interface SearchResult {
  /** The terms searched for, normalised (what was highlighted). */
  terms: string[];
  total: number;
  /** False when there are more than EXACT_TOTAL_LIMIT hits: show "10,000+". */
  totalIsExact: boolean;
  page: number;
  pageSize: number;
  /** Pages that can be reached (never past MAX_RESULT_WINDOW). */
  pageCount: number;
  hits: SearchHit[];
  facets: Record<FacetName, FacetValue[]>;
  /** False when some facet counts were computed over the first EXACT_TOTAL_LIMIT hits only. */
  facetsAreExact: boolean;
  code: CodeOutcome | null;
  /** A Chinese sentence about the query itself (too long, ignored characters …). */
  notice: string | null;
  /** Grouped searches: how many cards (subjects and single hits) the matches make; pages count cards. */
  groupCount?: number;
  /**
   * When the query as typed found nothing but an equivalent spelling did (a document number
   * with other brackets, a company form, a name without its brackets): that spelling, whose
   * hits these are.
   */
  correctedQuery?: string | null;
  /** "您是否要找": subjects whose name is close to a name query that found little (never matched). */
  didYouMean?: { subjectId: number; name: string; href: string }[];
}

export interface SearchEngine {
  readonly name: string;
  /** `today` (Asia/Shanghai calendar date) decides what is public. */
  search(request: SearchRequest, today: string): Promise<SearchResult>;
}
