import type { Settings } from 'meilisearch';
import { EXACT_TOTAL_LIMIT } from '../types';

// The index settings, in code: applied on every rebuild (reindex.ts) and to the test index.

/** Attributes that hold gram tokens: matched as phrases, never with typos or as prefixes. */
export const GRAM_ATTRIBUTES = ['titleGrams', 'titleUnigrams', 'bodyGrams', 'bodyUnigrams'] as const;

/** Facet attributes by facet name (SearchRequest filters and facet counts). */
export const FACET_ATTRIBUTES = {
  kind: 'kind',
  department: 'departmentId',
  division: 'divisionCode',
  year: 'year',
  category: 'categories',
  severity: 'severity',
  listType: 'listType',
  domain: 'domain',
} as const;

export const SEARCH_SETTINGS = {
  // Title first: the attribute rule then prefers name matches (rank classes are decided by us anyway).
  searchableAttributes: ['titleGrams', 'titleUnigrams', 'bodyGrams', 'bodyUnigrams', 'title', 'body'],
  filterableAttributes: [
    ...Object.values(FACET_ATTRIBUTES),
    'docId',
    'titleKey',
    'titlePrefixKeys',
    'publicFromDay',
    'publicUntilDay',
  ],
  sortableAttributes: ['sortDay', 'docId'],
  // Sort first: within what matches, order is ours (newest first); the rest only breaks ties.
  rankingRules: ['sort', 'words', 'attribute', 'proximity', 'exactness', 'typo'],
  // The human-readable fields are Chinese; gram tokens are plain ASCII words either way.
  localizedAttributes: [{ attributePatterns: ['title', 'body', 'display.*'], locales: ['cmn'] }],
  typoTolerance: {
    enabled: true,
    // Codes and document numbers live in the grams (and in body): a typo there is a different record.
    disableOnAttributes: [...GRAM_ATTRIBUTES, 'body'],
    disableOnNumbers: true,
  },
  // One hit more than the exact limit tells "10,000+" from "exactly 10,000".
  pagination: { maxTotalHits: EXACT_TOTAL_LIMIT + 1 },
  faceting: { maxValuesPerFacet: 1000, sortFacetValuesBy: { '*': 'count' } },
  // Highlights come from text.ts (the same for every engine); these only apply to Meilisearch's own formatting.
  displayedAttributes: ['*'],
  proximityPrecision: 'byWord',
  // Every query word is a quoted gram token: prefixes are never asked for, so none are built.
  prefixSearch: 'disabled',
  facetSearch: false,
} satisfies Settings;

/** The fields a ranking pass needs (small hits, up to EXACT_TOTAL_LIMIT + 1 of them). */
export const RANK_FIELDS = ['docId', 'titleNorm', 'sortDay'];
